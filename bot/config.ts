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
  if (problems.length > 0) throw new ConfigError(problems);
  const value = values as { [Name in SettingName]: z.output<Settings[Name]['schema']> };
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
