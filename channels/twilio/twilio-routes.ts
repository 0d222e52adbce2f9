import express, { type Request, type Response, Router } from 'express';
import type { Logger } from 'pino';
import type { AssistantBot } from '../../bot/assistant-bot.js';
import type { ConversationStore } from '../../bot/conversations/conversation-store.js';
import type { CustomerDirectory } from '../../bot/conversations/customer-directory.js';
import { FeatureDisabledError } from '../../bot/errors/feature-disabled-error.js';
import { replyTexts } from '../../bot/reply-texts.js';
import type { Db } from '../../db/db.js';
import type { OutboxStore } from '../../outbox/outbox-store.js';
import { QueuedReplyAdapter } from '../queued-reply-adapter.js';
import { receiveInboundMessage, toInboundActivity } from '../receive-inbound-message.js';
import type { TurnRunner } from '../turn-runner.js';
import { parseStatusCallback } from './parse-status-callback.js';
import { replyContentFromActivity } from './reply-content.js';
import { renderSms } from './render-sms.js';
import { renderWhatsApp } from './render-whatsapp.js';
import { classifySmsKeyword, smsKeywordReplies } from './sms-keywords.js';
import type { TwilioChannel } from './twilio-channel.js';
import { parseTwilioInbound } from './twilio-inbound-schema.js';
import { verifyTwilioSignature } from './verify-twilio-signature.js';
import { isWithinCustomerServiceWindow, renderWhatsAppTemplate } from './whatsapp-window.js';

export interface TwilioSettings {
  accountSid: string | undefined;
  authToken: string | undefined;
  smsMaxSegments: number;
  whatsAppTemplate: { contentSid: string; variables: Record<string, string> } | undefined;
}

export interface TwilioRoutesDependencies {
  db: Db;
  bot: AssistantBot;
  conversations: ConversationStore;
  customers: CustomerDirectory;
  outbox: OutboxStore;
  turns: TurnRunner;
  settings: TwilioSettings;
  publicBaseUrl: string;
  defaultLocale: 'en' | 'nl';
  bodyLimitBytes: number;
  messageMaxChars: number;
  /** Called when something was put in the outbox. */
  onEnqueued?: () => void;
  logger?: Pick<Logger, 'warn' | 'info'>;
  now?: () => Date;
}

const emptyTwiml = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

/**
 * Twilio webhooks for SMS and WhatsApp. `POST /api/twilio/messages`: verify
 * the signature against the public URL, parse, store (deduplicated on
 * MessageSid, which Twilio repeats when it redelivers), acknowledge at once
 * with empty TwiML, then answer through the outbox and Twilio's REST API.
 * `POST /api/twilio/status`: delivery reports for what we sent.
 */
export function createTwilioRoutes(dependencies: TwilioRoutesDependencies): Router {
  const { settings } = dependencies;
  const now = dependencies.now ?? (() => new Date());
  const router = Router();
  router.use('/api/twilio', express.urlencoded({ extended: false, limit: dependencies.bodyLimitBytes }));
  router.use('/api/twilio', (request, response, next) => {
    if (!settings.accountSid || !settings.authToken) throw new FeatureDisabledError('Twilio is not configured; set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN');
    if (!isSignedByTwilio(request, settings.authToken, dependencies.publicBaseUrl)) {
      response.status(403).json({ error: { code: 'forbidden', message: 'X-Twilio-Signature does not match this request' } });
      return;
    }
    next();
  });

  const adapters = new Map<TwilioChannel, QueuedReplyAdapter>(
    (['sms', 'whatsapp'] as const).map((channel) => [
      channel,
      new QueuedReplyAdapter({
        channel,
        db: dependencies.db,
        outbox: dependencies.outbox,
        render: async (reply, inbound) => {
          const recipient = (inbound.from.id ?? '').replace(`${channel}:`, '');
          const content = replyContentFromActivity(reply);
          const reportChanges = (warnings: readonly { code: string }[]) => {
            if (warnings.length > 0) dependencies.logger?.info({ channel, warnings: warnings.map((warning) => warning.code) }, 'reply adapted to the channel');
          };
          if (channel === 'sms') {
            if (await isOptedOut(dependencies.db, recipient)) return [];
            const sms = renderSms(content, { maxSegments: settings.smsMaxSegments });
            reportChanges(sms.warnings);
            return [{ recipient, payload: { body: sms.body } }];
          }
          const lastInbound = await dependencies.conversations.lastInboundAt(inbound.conversation.id);
          if (isWithinCustomerServiceWindow(lastInbound, now())) {
            const whatsApp = renderWhatsApp(content);
            reportChanges(whatsApp.warnings);
            return [{ recipient, payload: { body: whatsApp.body } }];
          }
          // Outside WhatsApp's 24-hour window only an approved template may be sent.
          if (settings.whatsAppTemplate) return [{ recipient, payload: { ...renderWhatsAppTemplate(settings.whatsAppTemplate) } }];
          dependencies.logger?.warn({ channel }, 'reply not sent: outside the 24-hour window and no WHATSAPP_TEMPLATE_SID');
          return [];
        },
        ...(dependencies.onEnqueued ? { onEnqueued: dependencies.onEnqueued } : {}),
      }),
    ]),
  );

  router.post('/api/twilio/messages', async (request, response) => {
    const message = parseTwilioInbound(request.body);
    if (message.accountSid !== settings.accountSid) {
      response.status(403).json({ error: { code: 'forbidden', message: 'The message is for another Twilio account' } });
      return;
    }
    const text = message.text.trim().slice(0, dependencies.messageMaxChars);
    const keyword = message.channel === 'sms' ? classifySmsKeyword(text) : undefined;
    const received = await receiveInboundMessage(dependencies, {
      channel: message.channel,
      identity: { kind: 'phone', address: message.from },
      address: message.from,
      providerMessageId: message.messageSid,
      text: text === '' && message.media.length > 0 ? `[${message.media.length} attachment(s)]` : text,
    });
    if (received.duplicate) {
      acknowledge(response);
      return;
    }

    const locale = received.conversation.locale;
    const enqueueNotice = async (body: string) => {
      const messageId = await dependencies.conversations.recordNotice({
        conversationId: received.conversation.id,
        channel: message.channel,
        key: received.messageId,
        text: body,
      });
      await dependencies.outbox.enqueue(dependencies.db, {
        conversationId: received.conversation.id,
        messageId,
        channel: message.channel,
        recipient: message.from,
        payload: { body },
        idempotencyKey: `${message.channel}:${received.messageId}:notice`,
      });
      dependencies.onEnqueued?.();
    };
    // Keywords and notices are durable (opt-out list, outbox) before Twilio hears back; only the bot's turn runs after.
    const answerable = await handleWithoutTurn();
    acknowledge(response);
    if (!answerable) return;

    async function handleWithoutTurn(): Promise<boolean> {
      if (keyword === 'stop') {
        // Twilio confirms the opt-out itself; we record it and send nothing more.
        await dependencies.db.query('INSERT INTO sms_opt_outs (phone) VALUES ($1) ON CONFLICT (phone) DO NOTHING', [message.from]);
        return false;
      }
      if (keyword === 'start') {
        await dependencies.db.query('DELETE FROM sms_opt_outs WHERE phone = $1', [message.from]);
        await enqueueNotice(smsKeywordReplies[locale].start);
        return false;
      }
      if (keyword === 'help') {
        await enqueueNotice(smsKeywordReplies[locale].help);
        return false;
      }
      if (message.channel === 'sms' && (await isOptedOut(dependencies.db, message.from))) return false;
      if (text === '') {
        await enqueueNotice(replyTexts[locale].onlyText);
        return false;
      }
      return true;
    }

    const activity = toInboundActivity(received, { channel: message.channel, providerMessageId: message.messageSid, text, address: message.from }, now());
    const adapter = adapters.get(message.channel);
    if (adapter) dependencies.turns.run(received.messageId, () => adapter.handleTurn(activity, (context) => dependencies.bot.run(context)));
  });

  router.post('/api/twilio/status', async (request, response) => {
    const update = parseStatusCallback(request.body);
    // Our sender adds the outbox id to the callback URL, so a report that overtakes the send's answer still finds its row.
    const outboxId = typeof request.query.outboxId === 'string' ? request.query.outboxId : undefined;
    if (update.status === 'delivered' || update.status === 'read') {
      await dependencies.outbox.recordDeliveryStatus(update.messageSid, 'delivered', undefined, outboxId);
    } else if (update.status === 'failed' || update.status === 'undelivered') {
      const reason = `Twilio ${update.status}${update.errorCode === undefined ? '' : ` (error ${update.errorCode})`}`;
      await dependencies.outbox.recordDeliveryStatus(update.messageSid, 'failed', reason, outboxId);
    }
    response.status(204).end();
  });

  return router;
}

function acknowledge(response: Response): void {
  response.status(200).type('text/xml').send(emptyTwiml);
}

function isSignedByTwilio(request: Request, authToken: string, publicBaseUrl: string): boolean {
  return verifyTwilioSignature({
    authToken,
    publicBaseUrl,
    path: request.originalUrl,
    params: request.body,
    signature: request.get('x-twilio-signature'),
  });
}

async function isOptedOut(db: Db, phone: string): Promise<boolean> {
  const [row] = await db.query<{ opted_out: boolean }>('SELECT EXISTS (SELECT 1 FROM sms_opt_outs WHERE phone = $1) AS opted_out', [phone]);
  return row?.opted_out === true;
}
