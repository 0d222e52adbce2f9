import type { Logger } from 'pino';
import type { ConversationStore } from '../../bot/conversations/conversation-store.js';
import type { Db } from '../../db/db.js';
import type { OutboxStore } from '../../outbox/outbox-store.js';
import { QueuedReplyAdapter } from '../queued-reply-adapter.js';
import { replyContentFromActivity } from './reply-content.js';
import { renderSms } from './render-sms.js';
import { renderWhatsApp } from './render-whatsapp.js';
import { isOptedOut } from './sms-opt-outs.js';
import type { TwilioChannel } from './twilio-channel.js';
import { isWithinCustomerServiceWindow, renderWhatsAppTemplate } from './whatsapp-window.js';

export interface TwilioReplySettings {
  smsMaxSegments: number;
  whatsAppTemplate: { contentSid: string; variables: Record<string, string> } | undefined;
}

export interface TwilioReplyAdaptersDependencies {
  db: Db;
  conversations: Pick<ConversationStore, 'lastInboundAt'>;
  outbox: OutboxStore;
  settings: TwilioReplySettings;
  onEnqueued?: () => void;
  logger?: Pick<Logger, 'warn' | 'info'>;
  now?: () => Date;
}

/**
 * The bot's replies on SMS and WhatsApp, one adapter per channel: rendered
 * for the channel's limits (segments, WhatsApp's 24-hour window and its
 * template) and put in the outbox, keyed by the inbound message.
 */
export function createTwilioReplyAdapters(dependencies: TwilioReplyAdaptersDependencies): ReadonlyMap<TwilioChannel, QueuedReplyAdapter> {
  const { settings } = dependencies;
  const now = dependencies.now ?? (() => new Date());
  return new Map(
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
}
