import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { z } from 'zod';

/**
 * Every setting the service reads, in one place. `config.ts` is the only
 * module that touches the environment; everything else receives a `Config`.
 * `.env.example` documents the same list (a test keeps them in step).
 */
const settings = {
  PORT: {
    description: 'TCP port the HTTP server listens on.',
    default: '3978',
    schema: z.coerce.number().int().min(1).max(65535),
    expects: 'an integer port between 1 and 65535',
  },
  HOST: {
    description: 'Interface to bind. 127.0.0.1 keeps the service local; use 0.0.0.0 in a container.',
    default: '127.0.0.1',
    schema: z.string().min(1),
    expects: 'a host name or IP address',
  },
  DATA_DIR: {
    description: 'Directory of the embedded PGlite database (used when DATABASE_URL is unset). Locked while the service runs.',
    default: './data',
    schema: z.string().min(1),
    expects: 'a directory path',
  },
  DATABASE_URL: {
    description: 'Postgres connection string (with the pgvector extension available). When set, it replaces the embedded database.',
    default: undefined,
    secret: true,
    schema: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    expects: 'a postgres:// or postgresql:// connection URL',
  },
  DATABASE_POOL_SIZE: {
    description: 'Maximum connections in the Postgres pool (DATABASE_URL only).',
    default: '10',
    schema: z.coerce.number().int().min(1).max(200),
    expects: 'an integer between 1 and 200',
  },
  KNOWLEDGE_DIR: {
    description: 'Folder of curated markdown articles loaded into an empty knowledge base at start-up.',
    default: './knowledge/articles',
    schema: z.string().min(1),
    expects: 'a directory path',
  },
  LOAD_SAMPLE_KNOWLEDGE: {
    description: 'Load KNOWLEDGE_DIR into the database at start-up when the knowledge base is empty.',
    default: 'true',
    schema: z.enum(['true', 'false']).transform((value) => value === 'true'),
    expects: '"true" or "false"',
  },
  LOG_LEVEL: {
    description: 'Minimum level of the JSON logs.',
    default: 'info',
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    expects: 'one of fatal, error, warn, info, debug, trace, silent',
  },
  BODY_LIMIT_BYTES: {
    description: 'Largest accepted request body; larger bodies get 413.',
    default: '65536',
    schema: z.coerce.number().int().min(1024).max(10_485_760),
    expects: 'an integer number of bytes between 1024 and 10485760',
  },
  MESSAGE_MAX_CHARS: {
    description: 'Longest customer message accepted on any channel.',
    default: '2000',
    schema: z.coerce.number().int().min(1).max(100_000),
    expects: 'an integer between 1 and 100000',
  },
  SHUTDOWN_TIMEOUT_MS: {
    description: 'How long a graceful shutdown waits for in-flight requests before closing connections.',
    default: '10000',
    schema: z.coerce.number().int().min(0).max(600_000),
    expects: 'an integer number of milliseconds between 0 and 600000',
  },
  DEFAULT_LOCALE: {
    description: 'Locale assumed when a message does not say which one it is in.',
    default: 'en',
    schema: z.enum(['en', 'nl']),
    expects: '"en" or "nl"',
  },
  EMBEDDER: {
    description: 'Which embedder indexes and searches the knowledge base: "local" (no network) or "openai" (any OpenAI-compatible endpoint). Changing it requires `npm run kb -- reindex`.',
    default: 'local',
    schema: z.enum(['local', 'openai']),
    expects: '"local" or "openai"',
  },
  EMBEDDING_DIMENSIONS: {
    description: 'Vector size. Local embedder: any size from 64 (default 384). OpenAI-compatible: the model\'s size (1536 for text-embedding-3-small).',
    default: undefined,
    schema: z.coerce.number().int().min(8).max(16_000).optional(),
    expects: 'an integer between 8 and 16000',
  },
  OPENAI_BASE_URL: {
    description: 'Base URL of an OpenAI-compatible API (Azure OpenAI, Ollama, vLLM...). Unset means api.openai.com.',
    default: undefined,
    schema: z.url({ protocol: /^https?$/ }).optional(),
    expects: 'an http(s) URL such as http://127.0.0.1:11434/v1',
  },
  OPENAI_API_KEY: {
    description: 'API key for the OpenAI-compatible API.',
    default: undefined,
    secret: true,
    schema: z.string().min(1).optional(),
    expects: 'an API key',
  },
  OPENAI_EMBEDDING_MODEL: {
    description: 'Embedding model name at the OpenAI-compatible API.',
    default: 'text-embedding-3-small',
    schema: z.string().min(1),
    expects: 'a model name',
  },
  EMBEDDING_BATCH_SIZE: {
    description: 'Texts per embeddings request.',
    default: '64',
    schema: z.coerce.number().int().min(1).max(2048),
    expects: 'an integer between 1 and 2048',
  },
  EMBEDDING_TIMEOUT_MS: {
    description: 'Timeout of one embeddings request.',
    default: '15000',
    schema: z.coerce.number().int().min(100).max(600_000),
    expects: 'an integer number of milliseconds between 100 and 600000',
  },
  EMBEDDING_MAX_RETRIES: {
    description: 'Retries of a failed embeddings request (with backoff).',
    default: '2',
    schema: z.coerce.number().int().min(0).max(10),
    expects: 'an integer between 0 and 10',
  },
  GENERATOR: {
    description: 'Which generator drafts answers: "extractive" (embedded, quotes the articles) or "openai" (any OpenAI-compatible chat endpoint, with the extractive generator as fallback).',
    default: 'extractive',
    schema: z.enum(['extractive', 'openai']),
    expects: '"extractive" or "openai"',
  },
  OPENAI_CHAT_MODEL: {
    description: 'Chat model at the OpenAI-compatible API (GENERATOR=openai).',
    default: 'gpt-4o-mini',
    schema: z.string().min(1),
    expects: 'a model name',
  },
  GENERATION_TIMEOUT_MS: {
    description: 'Time a turn gives the language model, retries included; after it the extractive generator answers.',
    default: '8000',
    schema: z.coerce.number().int().min(100).max(600_000),
    expects: 'an integer number of milliseconds between 100 and 600000',
  },
  GENERATION_MAX_RETRIES: {
    description: 'Retries of a failed chat request (timeouts, 429, 5xx) within GENERATION_TIMEOUT_MS.',
    default: '1',
    schema: z.coerce.number().int().min(0).max(10),
    expects: 'an integer between 0 and 10',
  },
  GENERATION_RESPONSE_FORMAT: {
    description: 'Structured-output mode of the chat endpoint: "json_schema" or, for servers without it, "json_object".',
    default: 'json_schema',
    schema: z.enum(['json_schema', 'json_object']),
    expects: '"json_schema" or "json_object"',
  },
  ANSWER_MIN_CONFIDENCE: {
    description: 'Below this confidence (0..1: rarity-weighted share of the question the cited articles cover × sentence support) a person answers instead. Lower answers more and hands off fewer unanswerable questions (npm run eval:decisions).',
    default: '0.45',
    schema: z.coerce.number().min(0).max(1),
    expects: 'a number between 0 and 1',
  },
  SUPPORT_MIN_SCORE: {
    description: 'Below this share (0..1) of its words found in its cited source, a generated sentence is dropped.',
    default: '0.7',
    schema: z.coerce.number().min(0).max(1),
    expects: 'a number between 0 and 1',
  },
  TOPIC_POLICY_FILE: {
    description: 'YAML file of restricted topics that go to a person, with the skill and priority of each.',
    default: './guardrails/policy/restricted-topics.yaml',
    schema: z.string().min(1),
    expects: 'a file path',
  },
  SYNONYMS_FILE: {
    description: 'YAML file mapping customer phrases to the words the articles use, for retrieval.',
    default: './knowledge/synonyms.yaml',
    schema: z.string().min(1),
    expects: 'a file path',
  },
  PUBLIC_BASE_URL: {
    description: 'The URL customers and providers reach this service at (behind a proxy: the public one). Twilio signs webhooks with it. Unset: http://HOST:PORT.',
    default: undefined,
    schema: z.url({ protocol: /^https?$/ }).optional(),
    expects: 'an http(s) URL such as https://assist.example.com',
  },
  OUTBOX_MAX_ATTEMPTS: {
    description: 'Delivery attempts of one outbound message before it is dead-lettered with its last error.',
    default: '6',
    schema: z.coerce.number().int().min(1).max(100),
    expects: 'an integer between 1 and 100',
  },
  OUTBOX_POLL_INTERVAL_MS: {
    description: 'How often the outbox worker looks for messages due for (re)delivery.',
    default: '1000',
    schema: z.coerce.number().int().min(50).max(600_000),
    expects: 'an integer number of milliseconds between 50 and 600000',
  },
  MICROSOFT_APP_ID: {
    description: 'Azure Bot registration app id for /api/messages (Teams, Direct Line). Unset: the endpoint accepts unauthenticated activities (Bot Framework Emulator, local use only).',
    default: undefined,
    schema: z.string().min(1).optional(),
    expects: 'an app id (GUID)',
  },
  MICROSOFT_APP_PASSWORD: {
    description: 'Client secret of the Azure Bot registration.',
    default: undefined,
    secret: true,
    schema: z.string().min(1).optional(),
    expects: 'a client secret',
  },
  MICROSOFT_APP_TYPE: {
    description: 'Azure Bot registration type.',
    default: 'MultiTenant',
    schema: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']),
    expects: 'MultiTenant, SingleTenant or UserAssignedMSI',
  },
  MICROSOFT_APP_TENANT_ID: {
    description: 'Tenant of a SingleTenant Azure Bot registration.',
    default: undefined,
    schema: z.string().min(1).optional(),
    expects: 'a tenant id (GUID)',
  },
  CURATION_API_TOKEN: {
    description: 'Bearer token for the knowledge-base curation API (/api/kb). Unset disables that API.',
    default: undefined,
    secret: true,
    schema: z.string().min(24, 'must be at least 24 characters').optional(),
    expects: 'a random string of at least 24 characters',
  },
} as const satisfies Record<string, SettingSpec>;

interface SettingSpec {
  description: string;
  default: string | undefined;
  secret?: boolean;
  schema: z.ZodType;
  expects: string;
}

type Settings = typeof settings;
export type SettingName = keyof Settings;

export type Config = Readonly<{
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  knowledgeDir: string;
  loadSampleKnowledge: boolean;
  logLevel: z.output<Settings['LOG_LEVEL']['schema']>;
  bodyLimitBytes: number;
  messageMaxChars: number;
  shutdownTimeoutMs: number;
  defaultLocale: z.output<Settings['DEFAULT_LOCALE']['schema']>;
  embedding: Readonly<{
    provider: 'local' | 'openai';
    dimensions: number;
    baseUrl: string | undefined;
    apiKey: string | undefined;
    model: string;
    batchSize: number;
    timeoutMs: number;
    maxRetries: number;
  }>;
  generation: Readonly<{
    provider: 'extractive' | 'openai';
    baseUrl: string | undefined;
    apiKey: string | undefined;
    model: string;
    timeoutMs: number;
    maxRetries: number;
    responseFormat: 'json_schema' | 'json_object';
  }>;
  answerMinConfidence: number;
  supportMinScore: number;
  topicPolicyFile: string;
  synonymsFile: string;
  publicBaseUrl: string;
  outbox: Readonly<{ maxAttempts: number; pollIntervalMs: number }>;
  botFramework: Readonly<{
    appId: string | undefined;
    appPassword: string | undefined;
    appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
    tenantId: string | undefined;
  }>;
  curationApiToken: string | undefined;
}>;

/** One bad variable: which, what it expects, what it got (masked if secret). */
export interface ConfigProblem {
  variable: SettingName;
  expects: string;
  got: string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(
      'Invalid configuration:\n' +
        problems.map((problem) => `  ${problem.variable}: expected ${problem.expects}, got ${problem.got}`).join('\n'),
    );
  }
}

export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * The process environment, with values from a `.env` file (if one exists in
 * the working directory) filling in what the environment leaves unset.
 */
export function readEnvironment(envFile = '.env'): Environment {
  const fromFile = existsSync(envFile) ? parseEnv(readFileSync(envFile, 'utf8')) : {};
  return { ...fromFile, ...process.env };
}

/** Parses the environment once. Empty strings count as unset. Throws `ConfigError` listing every problem. */
export function loadConfig(environment: Environment = readEnvironment()): Config {
  const values: Partial<Record<SettingName, unknown>> = {};
  const problems: ConfigProblem[] = [];
  for (const name of Object.keys(settings) as SettingName[]) {
    const spec: SettingSpec = settings[name];
    const raw = environment[name];
    const given = raw === undefined || raw.trim() === '' ? undefined : raw.trim();
    const result = spec.schema.safeParse(given ?? spec.default);
    if (result.success) {
      values[name] = result.data;
    } else {
      problems.push({ variable: name, expects: spec.expects, got: describeGiven(given, spec.secret === true) });
    }
  }
  const value = values as { [Name in SettingName]: z.output<Settings[Name]['schema']> };
  if (value.EMBEDDER === 'openai' && value.OPENAI_API_KEY === undefined && value.OPENAI_BASE_URL === undefined) {
    problems.push({
      variable: 'OPENAI_API_KEY',
      expects: 'an API key (or OPENAI_BASE_URL for a server without keys) when EMBEDDER=openai',
      got: 'nothing (unset)',
    });
  }
  if (value.GENERATOR === 'openai' && value.OPENAI_API_KEY === undefined && value.OPENAI_BASE_URL === undefined) {
    problems.push({
      variable: 'OPENAI_API_KEY',
      expects: 'an API key (or OPENAI_BASE_URL for a server without keys) when GENERATOR=openai',
      got: 'nothing (unset)',
    });
  }
  if (value.MICROSOFT_APP_ID !== undefined && value.MICROSOFT_APP_PASSWORD === undefined && value.MICROSOFT_APP_TYPE !== 'UserAssignedMSI') {
    problems.push({ variable: 'MICROSOFT_APP_PASSWORD', expects: 'the client secret when MICROSOFT_APP_ID is set', got: 'nothing (unset)' });
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze({
    port: value.PORT,
    host: value.HOST,
    dataDir: value.DATA_DIR,
    databaseUrl: value.DATABASE_URL,
    databasePoolSize: value.DATABASE_POOL_SIZE,
    knowledgeDir: value.KNOWLEDGE_DIR,
    loadSampleKnowledge: value.LOAD_SAMPLE_KNOWLEDGE,
    logLevel: value.LOG_LEVEL,
    bodyLimitBytes: value.BODY_LIMIT_BYTES,
    messageMaxChars: value.MESSAGE_MAX_CHARS,
    shutdownTimeoutMs: value.SHUTDOWN_TIMEOUT_MS,
    defaultLocale: value.DEFAULT_LOCALE,
    embedding: Object.freeze({
      provider: value.EMBEDDER,
      dimensions: value.EMBEDDING_DIMENSIONS ?? (value.EMBEDDER === 'local' ? 384 : 1536),
      baseUrl: value.OPENAI_BASE_URL,
      apiKey: value.OPENAI_API_KEY,
      model: value.OPENAI_EMBEDDING_MODEL,
      batchSize: value.EMBEDDING_BATCH_SIZE,
      timeoutMs: value.EMBEDDING_TIMEOUT_MS,
      maxRetries: value.EMBEDDING_MAX_RETRIES,
    }),
    generation: Object.freeze({
      provider: value.GENERATOR,
      baseUrl: value.OPENAI_BASE_URL,
      apiKey: value.OPENAI_API_KEY,
      model: value.OPENAI_CHAT_MODEL,
      timeoutMs: value.GENERATION_TIMEOUT_MS,
      maxRetries: value.GENERATION_MAX_RETRIES,
      responseFormat: value.GENERATION_RESPONSE_FORMAT,
    }),
    answerMinConfidence: value.ANSWER_MIN_CONFIDENCE,
    supportMinScore: value.SUPPORT_MIN_SCORE,
    topicPolicyFile: value.TOPIC_POLICY_FILE,
    synonymsFile: value.SYNONYMS_FILE,
    publicBaseUrl: (value.PUBLIC_BASE_URL ?? `http://${value.HOST === '0.0.0.0' ? 'localhost' : value.HOST}:${value.PORT}`).replace(/\/+$/, ''),
    outbox: Object.freeze({ maxAttempts: value.OUTBOX_MAX_ATTEMPTS, pollIntervalMs: value.OUTBOX_POLL_INTERVAL_MS }),
    botFramework: Object.freeze({
      appId: value.MICROSOFT_APP_ID,
      appPassword: value.MICROSOFT_APP_PASSWORD,
      appType: value.MICROSOFT_APP_TYPE,
      tenantId: value.MICROSOFT_APP_TENANT_ID,
    }),
    curationApiToken: value.CURATION_API_TOKEN,
  });
}

function describeGiven(given: string | undefined, secret: boolean): string {
  if (given === undefined) return 'nothing (unset)';
  if (secret) return `a value of ${given.length} characters (hidden)`;
  return JSON.stringify(given.length > 80 ? `${given.slice(0, 77)}...` : given);
}

/** The documented settings, for `.env.example` and the README table. */
export function describeSettings(): { name: SettingName; description: string; default: string | undefined; secret: boolean }[] {
  return (Object.keys(settings) as SettingName[]).map((name) => {
    const spec: SettingSpec = settings[name];
    return { name, description: spec.description, default: spec.default, secret: spec.secret === true };
  });
}
