import { fakeAccountSid, fakeAuthToken, startFakeTwilioApi, type FakeTwilioApi } from '../../fakes/twilio-api/index.js';
import { startSmtpSink, type SmtpSink } from '../../fakes/smtp-sink/index.js';
import type { IngestReport } from '../../retrieval/ingest/ingest-report.js';
import { createKnowledgeDb } from '../create-knowledge-db.js';
import { startTestApp, type TestApp } from '../start-test-app.js';
import { startFakeBotFrameworkConnector, type FakeBotFrameworkConnector } from './fake-bot-framework-connector.js';

/** The real app with every channel switched on, and the local stand-ins for the providers it talks to. */
export interface ChannelTestApp {
  app: TestApp;
  twilio: FakeTwilioApi;
  sink: SmtpSink;
  connector: FakeBotFrameworkConnector;
  /** What ingesting `knowledgeDir` did; undefined when the app serves the sample-knowledge template. */
  knowledge: IngestReport | undefined;
  settings: {
    twilioAuthToken: string;
    accountSid: string;
    smsFrom: string;
    whatsAppFrom: string;
    emailAddress: string;
    emailWebhookToken: string;
    smtpPort: number;
    messageMaxChars: number;
    smsMaxSegments: number;
  };
  /** Waits until every acknowledged turn has finished and the outbox has delivered everything due. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export interface ChannelTestAppOptions {
  /** Let the fake Twilio API post a signed `delivered` status callback for each message. */
  twilioStatusCallbacks?: boolean;
  /**
   * Serve this folder of documents instead of the sample-knowledge template:
   * a fresh embedded database is created and the folder ingested into it (any
   * format ingestion reads). Needed outside vitest, where the template does not exist.
   */
  knowledgeDir?: string;
}

const emailWebhookToken = 'inbound-webhook-token-for-channel-contract-tests';
const messageMaxChars = 2000;
const smsMaxSegments = 3;

/** Starts the fakes first (the app needs their addresses), then the app; one per test file. */
export async function startChannelTestApp(options: ChannelTestAppOptions = {}): Promise<ChannelTestApp> {
  const knowledge = options.knowledgeDir === undefined ? undefined : await createKnowledgeDb(options.knowledgeDir);
  const twilio = await startFakeTwilioApi({ statusCallbacks: options.twilioStatusCallbacks ?? false });
  const sink = await startSmtpSink();
  const connector = await startFakeBotFrameworkConnector();
  const settings = {
    twilioAuthToken: fakeAuthToken,
    accountSid: fakeAccountSid,
    smsFrom: '+3197010250123',
    whatsAppFrom: '+3197010250456',
    emailAddress: 'help@lumenbank.example',
    emailWebhookToken,
    messageMaxChars,
    smsMaxSegments,
  };
  const environment = {
    TWILIO_ACCOUNT_SID: settings.accountSid,
    TWILIO_AUTH_TOKEN: settings.twilioAuthToken,
    TWILIO_API_BASE_URL: twilio.baseUrl,
    TWILIO_SMS_FROM: settings.smsFrom,
    TWILIO_WHATSAPP_FROM: settings.whatsAppFrom,
    SMS_MAX_SEGMENTS: String(smsMaxSegments),
    EMAIL_FROM: `Lumen Bank <${settings.emailAddress}>`,
    EMAIL_OUTBOUND_SMTP_URL: sink.url,
    SMTP_LISTEN_PORT: '0',
    EMAIL_INBOUND_WEBHOOK_TOKEN: emailWebhookToken,
    MESSAGE_MAX_CHARS: String(messageMaxChars),
    // Tests drain the outbox themselves; the poll only has to stay out of the way.
    OUTBOX_POLL_INTERVAL_MS: '50',
    LOG_LEVEL: 'warn',
  };
  const app = await startTestApp(environment, knowledge ? { db: knowledge.db } : {});
  const smtpPort = app.channels.smtpListener?.port;
  if (smtpPort === undefined) throw new Error('The SMTP listener did not start; SMTP_LISTEN_PORT and EMAIL_FROM must be set');

  return {
    app,
    twilio,
    sink,
    connector,
    knowledge: knowledge?.report,
    settings: { ...settings, smtpPort },
    async settle() {
      // A turn may enqueue, and a delivery never starts a turn: one round of each is enough.
      await app.channels.turns.idle();
      await app.channels.worker.drain();
    },
    async close() {
      await app.close();
      await twilio.close();
      await sink.close();
      await connector.close();
    },
  };
}
