import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import type { z } from 'zod';
import { type SettingName, type Settings, type SettingSpec, settings } from './config-settings.js';

export type { SettingName } from './config-settings.js';

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
  rateLimits: Readonly<{ customerMessagesPerMinute: number; clientRequestsPerMinute: number }>;
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
  helpCentreUrl: string | undefined;
  outbox: Readonly<{ maxAttempts: number; pollIntervalMs: number }>;
  botFramework: Readonly<{
    appId: string | undefined;
    appPassword: string | undefined;
    appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
    tenantId: string | undefined;
  }>;
  curationApiToken: string | undefined;
  operationsApiToken: string | undefined;
  /** Only for `npm run console:create-admin`. */
  consoleAdminPassword: string | undefined;
  webChat: Readonly<{ allowedOrigins: readonly string[]; tokenSecret: string | undefined }>;
  twilio: Readonly<{
    accountSid: string | undefined;
    authToken: string | undefined;
    apiBaseUrl: string;
    smsFrom: string | undefined;
    whatsAppFrom: string | undefined;
    smsMaxSegments: number;
    whatsAppTemplate: { contentSid: string; variables: Record<string, string> } | undefined;
  }>;
  email: Readonly<{
    listenPort: number | undefined;
    listenHost: string;
    maxMessageBytes: number;
    maxAttachmentBytes: number;
    outboundSmtpUrl: string | undefined;
    from: string | undefined;
    inboundWebhookToken: string | undefined;
  }>;
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
  if (value.TWILIO_ACCOUNT_SID !== undefined && value.TWILIO_AUTH_TOKEN === undefined) {
    problems.push({ variable: 'TWILIO_AUTH_TOKEN', expects: 'the auth token when TWILIO_ACCOUNT_SID is set', got: 'nothing (unset)' });
  }
  if ((value.SMTP_LISTEN_PORT !== undefined || value.EMAIL_OUTBOUND_SMTP_URL !== undefined || value.EMAIL_INBOUND_WEBHOOK_TOKEN !== undefined) && value.EMAIL_FROM === undefined) {
    problems.push({ variable: 'EMAIL_FROM', expects: 'our email address when the email channel is on', got: 'nothing (unset)' });
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
    rateLimits: Object.freeze({
      customerMessagesPerMinute: value.CUSTOMER_MESSAGES_PER_MINUTE,
      clientRequestsPerMinute: value.CLIENT_REQUESTS_PER_MINUTE,
    }),
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
    helpCentreUrl: value.HELP_CENTRE_URL,
    outbox: Object.freeze({ maxAttempts: value.OUTBOX_MAX_ATTEMPTS, pollIntervalMs: value.OUTBOX_POLL_INTERVAL_MS }),
    botFramework: Object.freeze({
      appId: value.MICROSOFT_APP_ID,
      appPassword: value.MICROSOFT_APP_PASSWORD,
      appType: value.MICROSOFT_APP_TYPE,
      tenantId: value.MICROSOFT_APP_TENANT_ID,
    }),
    curationApiToken: value.CURATION_API_TOKEN,
    operationsApiToken: value.OPERATIONS_API_TOKEN,
    consoleAdminPassword: value.CONSOLE_ADMIN_PASSWORD,
    webChat: Object.freeze({ allowedOrigins: value.WEB_CHAT_ALLOWED_ORIGINS, tokenSecret: value.WEB_CHAT_TOKEN_SECRET }),
    twilio: Object.freeze({
      accountSid: value.TWILIO_ACCOUNT_SID,
      authToken: value.TWILIO_AUTH_TOKEN,
      apiBaseUrl: value.TWILIO_API_BASE_URL.replace(/\/+$/, ''),
      smsFrom: value.TWILIO_SMS_FROM,
      whatsAppFrom: value.TWILIO_WHATSAPP_FROM,
      smsMaxSegments: value.SMS_MAX_SEGMENTS,
      whatsAppTemplate:
        value.WHATSAPP_TEMPLATE_SID === undefined ? undefined : { contentSid: value.WHATSAPP_TEMPLATE_SID, variables: value.WHATSAPP_TEMPLATE_VARIABLES },
    }),
    email: Object.freeze({
      listenPort: value.SMTP_LISTEN_PORT,
      listenHost: value.SMTP_LISTEN_HOST,
      maxMessageBytes: value.SMTP_MAX_MESSAGE_BYTES,
      maxAttachmentBytes: value.EMAIL_MAX_ATTACHMENT_BYTES,
      outboundSmtpUrl: value.EMAIL_OUTBOUND_SMTP_URL,
      from: value.EMAIL_FROM,
      inboundWebhookToken: value.EMAIL_INBOUND_WEBHOOK_TOKEN,
    }),
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
