import { z } from 'zod';

/**
 * Every setting the service reads, in one place: its description, default,
 * schema and what it expects. `config.ts` is the only module that touches the
 * environment and reads these; everything else receives a `Config`.
 * `.env.example` documents the same list (a test keeps them in step).
 */
export const settings = {
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
  CUSTOMER_MESSAGES_PER_MINUTE: {
    description:
      'Messages one customer may send in a minute, over all channels, before the assistant stops answering them for a while: web chat answers 429, SMS and WhatsApp messages are stored and get one notice to slow down (email is limited by the mail provider). 0 turns the limit off.',
    default: '20',
    schema: z.coerce.number().int().min(0).max(10_000),
    expects: 'an integer between 0 and 10000',
  },
  CLIENT_REQUESTS_PER_MINUTE: {
    description:
      'Requests one IP address may make to the web-chat endpoints in a minute, with a burst of as many; more get 429 with Retry-After. Provider webhooks (Twilio, Bot Framework, email) are signed or carry a secret and are not limited by address. 0 turns the limit off.',
    default: '1200',
    schema: z.coerce.number().int().min(0).max(1_000_000),
    expects: 'an integer between 0 and 1000000',
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
  HELP_CENTRE_URL: {
    description: 'Base URL of the public help centre; articles drafted from expert answers get their canonical URL under it. Unset: PUBLIC_BASE_URL/help.',
    default: undefined,
    schema: z.url({ protocol: /^https?$/ }).optional(),
    expects: 'an http(s) URL such as https://help.lumenbank.example',
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
  TWILIO_ACCOUNT_SID: {
    description: 'Twilio account for SMS and WhatsApp (webhooks at /api/twilio/messages and /api/twilio/status). Unset: those channels are off.',
    default: undefined,
    schema: z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'must start with AC followed by 32 hex digits').optional(),
    expects: 'a Twilio account SID (AC followed by 32 hex digits)',
  },
  TWILIO_AUTH_TOKEN: {
    description: 'Twilio auth token: checks X-Twilio-Signature on webhooks and authenticates REST calls.',
    default: undefined,
    secret: true,
    schema: z.string().min(16).optional(),
    expects: 'a Twilio auth token',
  },
  TWILIO_API_BASE_URL: {
    description: "Base URL of Twilio's REST API; only changed to reach a local fake in tests.",
    default: 'https://api.twilio.com',
    schema: z.url({ protocol: /^https?$/ }),
    expects: 'an http(s) URL',
  },
  TWILIO_SMS_FROM: {
    description: 'Our SMS sender: an E.164 number, short code or alphanumeric sender id.',
    default: undefined,
    schema: z.string().min(1).optional(),
    expects: 'a phone number such as +3197010000000',
  },
  TWILIO_WHATSAPP_FROM: {
    description: 'Our WhatsApp sender number (E.164, with or without the whatsapp: prefix).',
    default: undefined,
    schema: z.string().min(1).optional(),
    expects: 'a phone number such as +3197010000001',
  },
  SMS_MAX_SEGMENTS: {
    description: 'Most SMS segments one reply may use; longer answers are shortened and end with a link to the full article.',
    default: '3',
    schema: z.coerce.number().int().min(1).max(10),
    expects: 'an integer between 1 and 10',
  },
  WHATSAPP_TEMPLATE_SID: {
    description: "Approved WhatsApp template (Twilio Content SID, HX...) sent instead of a free-form reply outside WhatsApp's 24-hour customer-service window.",
    default: undefined,
    schema: z.string().regex(/^HX[0-9a-fA-F]{32}$/, 'must start with HX followed by 32 hex digits').optional(),
    expects: 'a Twilio Content SID (HX followed by 32 hex digits)',
  },
  WHATSAPP_TEMPLATE_VARIABLES: {
    description: 'JSON object of the template\'s variables, e.g. {"1":"Lumen Bank"}.',
    default: '{}',
    schema: z.string().transform((value, context) => {
      try {
        const parsed: unknown = JSON.parse(value);
        if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) && Object.values(parsed).every((item) => typeof item === 'string')) {
          return parsed as Record<string, string>;
        }
      } catch {
        // reported below
      }
      context.addIssue({ code: 'custom', message: 'must be a JSON object of strings' });
      return z.NEVER;
    }),
    expects: 'a JSON object of strings such as {"1":"Lumen Bank"}',
  },
  SMTP_LISTEN_PORT: {
    description: 'Port of the built-in SMTP listener for inbound email. Unset: no listener.',
    default: undefined,
    schema: z.coerce.number().int().min(0).max(65535).optional(),
    expects: 'an integer port between 0 and 65535',
  },
  SMTP_LISTEN_HOST: {
    description: 'Interface of the SMTP listener; anything but loopback belongs behind TLS and authentication.',
    default: '127.0.0.1',
    schema: z.string().min(1),
    expects: 'a host name or IP address',
  },
  SMTP_MAX_MESSAGE_BYTES: {
    description: 'Largest inbound email (SMTP or webhook); larger ones are refused (552 over SMTP).',
    default: '10485760',
    schema: z.coerce.number().int().min(1024).max(104_857_600),
    expects: 'an integer number of bytes between 1024 and 104857600',
  },
  EMAIL_MAX_ATTACHMENT_BYTES: {
    description: 'Total attachment bytes read (and ignored) before an inbound email is refused.',
    default: '10485760',
    schema: z.coerce.number().int().min(0).max(104_857_600),
    expects: 'an integer number of bytes between 0 and 104857600',
  },
  EMAIL_OUTBOUND_SMTP_URL: {
    description: 'SMTP server replies are sent through (smtp:// or smtps://, credentials in the URL). Unset: email replies are off.',
    default: undefined,
    secret: true,
    schema: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
    expects: 'an smtp:// or smtps:// URL',
  },
  EMAIL_FROM: {
    description: 'From address of email replies, e.g. "Lumen Bank <help@lumenbank.example>"; also our own address for loop protection.',
    default: undefined,
    schema: z.string().regex(/[^\s@<>]+@[^\s@<>]+/, 'must contain an email address').optional(),
    expects: 'an address such as Lumen Bank <help@lumenbank.example>',
  },
  EMAIL_INBOUND_WEBHOOK_TOKEN: {
    description: 'Shared secret of the inbound-parse webhook (POST /api/email/inbound, Bearer or basic-auth password). Unset: the webhook is off.',
    default: undefined,
    secret: true,
    schema: z.string().min(32, 'must be at least 32 characters').optional(),
    expects: 'a random string of at least 32 characters',
  },
  WEB_CHAT_ALLOWED_ORIGINS: {
    description: 'Comma-separated origins (scheme://host[:port]) whose pages may embed the web-chat widget. Empty: this service\'s own pages only.',
    default: '',
    schema: z.string().transform((value, context) => {
      const origins = value.split(',').map((origin) => origin.trim()).filter((origin) => origin !== '');
      for (const origin of origins) {
        if (!/^https?:\/\/[^/\s]+$/.test(origin)) context.addIssue({ code: 'custom', message: `${origin} is not an origin` });
      }
      return origins;
    }),
    expects: 'comma-separated origins such as https://www.lumenbank.example,https://app.lumenbank.example',
  },
  WEB_CHAT_TOKEN_SECRET: {
    description: 'Key (at least 32 characters) of the per-conversation web-chat tokens. Unset: one is generated and kept in the database.',
    default: undefined,
    secret: true,
    schema: z.string().min(32, 'must be at least 32 characters').optional(),
    expects: 'a random string of at least 32 characters',
  },
  OPERATIONS_API_TOKEN: {
    description: 'Bearer token for a company\'s own agent desk on the operations APIs (/api/cases, /api/customers, /api/outbox). Unset: only staff signed in to the expert console reach them.',
    default: undefined,
    secret: true,
    schema: z.string().min(24, 'must be at least 24 characters').optional(),
    expects: 'a random string of at least 24 characters',
  },
  CURATION_API_TOKEN: {
    description: 'Bearer token for the knowledge-base curation API (/api/kb). Unset: only curators and admins signed in to the expert console reach it.',
    default: undefined,
    secret: true,
    schema: z.string().min(24, 'must be at least 24 characters').optional(),
    expects: 'a random string of at least 24 characters',
  },
  CONSOLE_ADMIN_PASSWORD: {
    description: 'Password of the account `npm run console:create-admin` creates (read by that command only; unset: it reads the password from stdin). Remove it once the admin exists.',
    default: undefined,
    secret: true,
    schema: z.string().min(12, 'must be at least 12 characters').max(256, 'must be at most 256 characters').optional(),
    expects: 'a password of 12 to 256 characters',
  },
} as const satisfies Record<string, SettingSpec>;

export interface SettingSpec {
  description: string;
  default: string | undefined;
  secret?: boolean;
  schema: z.ZodType;
  expects: string;
}

export type Settings = typeof settings;
export type SettingName = keyof Settings;
