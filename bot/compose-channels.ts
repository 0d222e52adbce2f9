import type { CloudAdapter } from 'botbuilder';
import addressparser from 'nodemailer/lib/addressparser';
import type { Logger } from 'pino';
import { createEmailChannel, type EmailChannel } from '../channels/email/email-channel.js';
import { createEmailSender } from '../channels/email/email-sender.js';
import { parseInboundEmail } from '../channels/email/parse-inbound-email.js';
import { startSmtpListener, type SmtpListener } from '../channels/email/smtp-listener.js';
import type { PendingTurn } from '../channels/pending-turns/pending-turn.js';
import { createPendingTurnStore, type PendingTurnStore } from '../channels/pending-turns/pending-turn-store.js';
import { startPendingTurnSweep, type PendingTurnSweep } from '../channels/pending-turns/pending-turn-sweep.js';
import { createTurnRunner, type TurnRunner } from '../channels/turn-runner.js';
import { createTwilioInbound, type TwilioInbound } from '../channels/twilio/twilio-inbound.js';
import { createTwilioSender } from '../channels/twilio/twilio-sender.js';
import { createBotFrameworkSender } from '../channels/bot-framework/bot-framework-sender.js';
import { createBotFrameworkAdapter } from '../channels/bot-framework/create-bot-framework-adapter.js';
import type { QueuedChannelDependencies } from '../channels/queued-channel-dependencies.js';
import { createWebChatEvents, type WebChatEvents } from '../channels/web-chat/index.js';
import { registerAppProcess, type AppProcess } from '../db/app-process-registry.js';
import type { Db } from '../db/db.js';
import type { ChannelSender } from '../outbox/channel-sender.js';
import { startOutboxWorker, type OutboxWorker } from '../outbox/outbox-worker.js';
import type { AssistantParts } from './compose-assistant.js';
import type { Config } from './config.js';
import { FeatureDisabledError } from './errors/feature-disabled-error.js';
import { serviceSecret } from './secrets/service-secret.js';

export type ChannelSettings = Pick<
  Config,
  'twilio' | 'email' | 'webChat' | 'botFramework' | 'outbox' | 'publicBaseUrl' | 'defaultLocale' | 'messageMaxChars' | 'rateLimits' | 'generation'
>;

/**
 * Turns running at once: the embedded generator's turn is work on the main
 * thread, so one at a time keeps the event loop free for acknowledgements
 * between its statements; a language model's turn mostly waits on the network.
 */
function turnsAtOnce(generation: ChannelSettings['generation']): number {
  return generation.provider === 'openai' ? 8 : 1;
}

export interface ChannelParts {
  events: WebChatEvents;
  /** Receives Bot Framework activities and sends into their conversations, in a turn or later. */
  botFrameworkAdapter: CloudAdapter;
  turns: TurnRunner;
  /** SMS and WhatsApp messages after their webhook was verified: store, settle, answer, resume. */
  twilio: TwilioInbound;
  /** Turns owed to stored messages on SMS, WhatsApp and email, until their answer is in the outbox. */
  pendingTurns: PendingTurnStore;
  /** Answers what a crashed process acknowledged but never answered (at start and every few seconds). */
  recovery: PendingTurnSweep;
  /** This process, as the claims it takes name it. */
  appProcess: AppProcess;
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
 * started after a webhook was acknowledged, the recovery of turns a crashed
 * process left, the web-chat event stream, and the SMTP listener when one is
 * configured. Registers this process first: every claim names it.
 */
export async function composeChannels(db: Db, assistant: AssistantParts, settings: ChannelSettings, logger?: Logger): Promise<ChannelParts> {
  const appProcess = await registerAppProcess(db, {
    // Embedded PGlite is locked to one process: whoever registered before is dead.
    exclusive: db.kind === 'pglite',
    ...(logger ? { onError: (error: unknown) => logger.warn({ error: error instanceof Error ? error.message : String(error) }, 'app process heartbeat failed') } : {}),
  });
  const botFrameworkAdapter = createBotFrameworkAdapter(settings.botFramework, logger);
  const senders = [...createSenders(settings), createBotFrameworkSender({ adapter: botFrameworkAdapter, appId: settings.botFramework.appId })];
  const worker = startOutboxWorker({
    outbox: assistant.outbox,
    senders,
    pollIntervalMs: settings.outbox.pollIntervalMs,
    metrics: assistant.metrics,
    claimant: appProcess.id,
    ...(logger ? { logger } : {}),
  });
  const turns = createTurnRunner({ maxRunning: turnsAtOnce(settings.generation), ...(logger ? { logger } : {}) });
  const pendingTurns = createPendingTurnStore(db, { processId: appProcess.id });
  const queued: QueuedChannelDependencies = {
    db,
    bot: assistant.bot,
    conversations: assistant.conversations,
    customers: assistant.customers,
    outbox: assistant.outbox,
    turns,
    pendingTurns,
    defaultLocale: settings.defaultLocale,
    messageMaxChars: settings.messageMaxChars,
    customerMessagesPerMinute: settings.rateLimits.customerMessagesPerMinute,
    onEnqueued: () => worker.wake(),
    ...(logger ? { logger } : {}),
  };
  const twilio = createTwilioInbound({ ...queued, settings: settings.twilio });
  const events = createWebChatEvents();
  const webChatTokenSecret = await serviceSecret(db, 'web-chat-token', settings.webChat.tokenSecret);
  const emailAddresses = settings.email.from ? addressesOf(settings.email.from) : [];
  const email =
    settings.email.from === undefined
      ? undefined
      : createEmailChannel({ ...queued, from: settings.email.from });
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
  const recovery = startPendingTurnSweep({
    store: pendingTurns,
    turns,
    resume: (turn) => resumeOnItsChannel(turn, twilio, email),
    ...(logger ? { logger } : {}),
  });

  return {
    events,
    botFrameworkAdapter,
    turns,
    twilio,
    pendingTurns,
    recovery,
    appProcess,
    worker,
    webChatTokenSecret,
    email,
    emailAddresses,
    smtpListener,
    async close() {
      await smtpListener?.close();
      events.close();
      await recovery.stop();
      await turns.idle();
      await worker.stop();
      await appProcess.retire();
    },
  };
}

/** A recovered turn goes to the channel it came in on, through the same adapter and rendering as its webhook. */
function resumeOnItsChannel(turn: PendingTurn, twilio: TwilioInbound, email: EmailChannel | undefined): Promise<void> {
  if (turn.channel === 'sms' || turn.channel === 'whatsapp') return twilio.resume(turn);
  if (turn.channel === 'email' && email) return email.resume(turn);
  throw new FeatureDisabledError(`A ${turn.channel} message waits for its answer, but that channel is not configured`);
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
