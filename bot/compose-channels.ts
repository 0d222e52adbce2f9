import type { CloudAdapter } from 'botbuilder';
import addressparser from 'nodemailer/lib/addressparser';
import type { Logger } from 'pino';
import { createEmailChannel, type EmailChannel } from '../channels/email/email-channel.js';
import { createEmailSender } from '../channels/email/email-sender.js';
import { parseInboundEmail } from '../channels/email/parse-inbound-email.js';
import { startSmtpListener, type SmtpListener } from '../channels/email/smtp-listener.js';
import { createTurnRunner, type TurnRunner } from '../channels/turn-runner.js';
import { createTwilioSender } from '../channels/twilio/twilio-sender.js';
import { createBotFrameworkSender } from '../channels/bot-framework/bot-framework-sender.js';
import { createBotFrameworkAdapter } from '../channels/bot-framework/create-bot-framework-adapter.js';
import { createWebChatEvents, type WebChatEvents } from '../channels/web-chat/index.js';
import type { Db } from '../db/db.js';
import type { ChannelSender } from '../outbox/channel-sender.js';
import { startOutboxWorker, type OutboxWorker } from '../outbox/outbox-worker.js';
import type { AssistantParts } from './compose-assistant.js';
import type { Config } from './config.js';
import { serviceSecret } from './secrets/service-secret.js';

export type ChannelSettings = Pick<
  Config,
  'twilio' | 'email' | 'webChat' | 'botFramework' | 'outbox' | 'publicBaseUrl' | 'defaultLocale' | 'messageMaxChars'
>;

export interface ChannelParts {
  events: WebChatEvents;
  /** Receives Bot Framework activities and sends into their conversations, in a turn or later. */
  botFrameworkAdapter: CloudAdapter;
  turns: TurnRunner;
  worker: OutboxWorker;
  webChatTokenSecret: string;
  email: EmailChannel | undefined;
  /** Our own email address (EMAIL_FROM), for loop protection. */
  emailAddresses: readonly string[];
  smtpListener: SmtpListener | undefined;
  /** Stops taking messages, lets started turns finish and stops delivery. */
  close(): Promise<void>;
}

/**
 * Everything that moves messages in and out besides the HTTP routes: the
 * outbox worker with a sender per configured provider, the runner of turns
 * started after a webhook was acknowledged, the web-chat event stream, and
 * the SMTP listener when one is configured.
 */
export async function composeChannels(db: Db, assistant: AssistantParts, settings: ChannelSettings, logger?: Logger): Promise<ChannelParts> {
  const botFrameworkAdapter = createBotFrameworkAdapter(settings.botFramework, logger);
  const senders = [...createSenders(settings), createBotFrameworkSender({ adapter: botFrameworkAdapter, appId: settings.botFramework.appId })];
  const worker = startOutboxWorker({
    outbox: assistant.outbox,
    senders,
    pollIntervalMs: settings.outbox.pollIntervalMs,
    metrics: assistant.metrics,
    ...(logger ? { logger } : {}),
  });
  const turns = createTurnRunner(logger);
  const events = createWebChatEvents();
  const webChatTokenSecret = await serviceSecret(db, 'web-chat-token', settings.webChat.tokenSecret);
  const emailAddresses = settings.email.from ? addressesOf(settings.email.from) : [];
  const email =
    settings.email.from === undefined
      ? undefined
      : createEmailChannel({
          db,
          bot: assistant.bot,
          conversations: assistant.conversations,
          customers: assistant.customers,
          outbox: assistant.outbox,
          turns,
          from: settings.email.from,
          defaultLocale: settings.defaultLocale,
          messageMaxChars: settings.messageMaxChars,
          onEnqueued: () => worker.wake(),
          ...(logger ? { logger } : {}),
        });
  const smtpListener =
    email && settings.email.listenPort !== undefined
      ? await startSmtpListener({
          host: settings.email.listenHost,
          port: settings.email.listenPort,
          maxMessageBytes: settings.email.maxMessageBytes,
          onMessage: async (raw, envelope) => {
            const parsed = await parseInboundEmail(raw, {
              maxAttachmentBytes: settings.email.maxAttachmentBytes,
              maxMessageBytes: settings.email.maxMessageBytes,
              envelopeFrom: envelope.mailFrom,
              ownAddresses: emailAddresses,
            });
            await email.receive(parsed);
          },
          ...(logger ? { onError: (error: Error) => logger.warn({ error: error.message }, 'smtp connection failed') } : {}),
        })
      : undefined;

  return {
    events,
    botFrameworkAdapter,
    turns,
    worker,
    webChatTokenSecret,
    email,
    emailAddresses,
    smtpListener,
    async close() {
      await smtpListener?.close();
      events.close();
      await turns.idle();
      await worker.stop();
    },
  };
}

function createSenders(settings: ChannelSettings): ChannelSender[] {
  const senders: ChannelSender[] = [];
  const { twilio } = settings;
  if (twilio.accountSid && twilio.authToken) {
    const common = {
      accountSid: twilio.accountSid,
      authToken: twilio.authToken,
      apiBaseUrl: twilio.apiBaseUrl,
      statusCallbackUrl: `${settings.publicBaseUrl}/api/twilio/status`,
    };
    if (twilio.smsFrom) senders.push(createTwilioSender({ ...common, channel: 'sms', from: twilio.smsFrom }));
    if (twilio.whatsAppFrom) senders.push(createTwilioSender({ ...common, channel: 'whatsapp', from: twilio.whatsAppFrom }));
  }
  if (settings.email.outboundSmtpUrl && settings.email.from) {
    senders.push(createEmailSender({ smtpUrl: settings.email.outboundSmtpUrl, from: settings.email.from }));
  }
  return senders;
}

function addressesOf(from: string): string[] {
  return addressparser(from, { flatten: true })
    .map((entry) => entry.address?.toLowerCase() ?? '')
    .filter((address) => address !== '');
}
