import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import type { ConversationStore } from '../bot/conversations/conversation-store.js';
import { readConversationReference } from '../channels/bot-framework/conversation-references.js';
import { buildOutboundEmail } from '../channels/email/build-outbound-email.js';
import { renderEmail } from '../channels/email/render-email.js';
import { renderSms } from '../channels/twilio/render-sms.js';
import { renderWhatsApp } from '../channels/twilio/render-whatsapp.js';
import { isWithinCustomerServiceWindow, renderWhatsAppTemplate } from '../channels/twilio/whatsapp-window.js';
import type { WebChatEvents } from '../channels/web-chat/web-chat-events.js';
import type { Db, Queryable } from '../db/db.js';
import { redactPii } from '../guardrails/input/pii/redact-pii.js';
import type { OutboundChannel } from '../outbox/channel-sender.js';
import type { OutboxStore } from '../outbox/outbox-store.js';
import { CaseHeldByAnotherError } from './case-held-by-another-error.js';

export interface ExpertReplyDependencies {
  db: Db;
  conversations: ConversationStore;
  outbox: OutboxStore;
  events: WebChatEvents;
  smsMaxSegments: number;
  whatsAppTemplate: { contentSid: string; variables: Record<string, string> } | undefined;
  /** Our email address (EMAIL_FROM); without it email replies cannot be sent. */
  emailFrom: string | undefined;
  onEnqueued?: () => void;
  now?: () => Date;
}

/** How a reply reached the customer, or why it did not. */
export type ExpertReplyDelivery =
  | { outcome: 'queued'; outboxId: string }
  | { outcome: 'template_queued'; outboxId: string }
  | { outcome: 'published' }
  | { outcome: 'not_sent'; reason: string };

export class CaseNotOpenError extends Error {
  override readonly name = 'CaseNotOpenError';
}

const csatQuestion = {
  en: 'Thank you for your patience. How satisfied are you with the help you got? Reply with a number from 1 (not at all) to 5 (very).',
  nl: 'Bedankt voor uw geduld. Hoe tevreden bent u over de hulp die u kreeg? Antwoord met een cijfer van 1 (helemaal niet) tot 5 (heel tevreden).',
} as const;

type CaseRow = { id: string; conversation_id: string; channel: string; locale: 'en' | 'nl'; address: string | null };

/**
 * A person's reply to a case, delivered on the customer's own channel: SMS and
 * WhatsApp through the outbox (outside WhatsApp's 24-hour window only the
 * approved template), email threaded under the customer's last message, web
 * chat on the conversation's event stream, Bot Framework (Teams, Direct Line)
 * through the outbox into the conversation the customer wrote from. The message is stored with who
 * wrote it, redacted like every stored text, before anything is sent.
 */
export function createExpertReplies(dependencies: ExpertReplyDependencies) {
  const now = dependencies.now ?? (() => new Date());
  return {
    /**
     * A person's reply: the case becomes theirs if nobody held it. With
     * `onlyOwnOrFree`, a case someone else holds is refused (`CaseHeldByAnotherError`)
     * in the same transaction that stores the reply, so a concurrent claim cannot slip in between.
     */
    async reply(caseId: string, reply: { expert: string; text: string; onlyOwnOrFree?: boolean }): Promise<{ messageId: string; delivery: ExpertReplyDelivery }> {
      const found = await openCase(caseId);
      const messageId = await store(found, 'expert', reply.expert, reply.text, async (transaction, storedId) => {
        await takeCase(transaction, `status = 'claimed', assignee = COALESCE(assignee, $2)`, caseId, reply.expert, reply.onlyOwnOrFree);
        await transaction.query(
          `INSERT INTO audit_log (actor_type, actor_id, action, subject_type, subject_id, details)
           VALUES ('expert', $1, 'case.replied', 'case', $2, $3)`,
          [reply.expert, caseId, JSON.stringify({ conversationId: found.conversation_id, messageId: storedId, channel: found.channel })],
        );
      });
      return { messageId, delivery: await deliver(found, messageId, reply.text) };
    },

    /**
     * Closes the case and asks the customer, on their channel, how satisfied
     * they are (CSAT). The conversation goes back to the bot.
     */
    async resolve(caseId: string, expert: string, options: { onlyOwnOrFree?: boolean } = {}): Promise<{ messageId: string; delivery: ExpertReplyDelivery }> {
      const found = await openCase(caseId);
      const question = csatQuestion[found.locale];
      const messageId = await store(found, 'bot', 'assistant', question, async (transaction, csatMessageId) => {
        await takeCase(transaction, `status = 'resolved', assignee = COALESCE(assignee, $2), closed_at = now()`, caseId, expert, options.onlyOwnOrFree);
        await transaction.query(
          `INSERT INTO audit_log (actor_type, actor_id, action, subject_type, subject_id, details)
           VALUES ('expert', $1, 'case.resolved', 'case', $2, $3)`,
          [expert, caseId, JSON.stringify({ conversationId: found.conversation_id, csatMessageId })],
        );
      });
      return { messageId, delivery: await deliver(found, messageId, question) };
    },
  };

  /** Changes the case for the acting person; refused (and the transaction rolled back) when another holds it and `onlyOwnOrFree`. */
  async function takeCase(transaction: Queryable, change: string, caseId: string, expert: string, onlyOwnOrFree = false): Promise<void> {
    const changed = await transaction.query(
      `UPDATE cases SET ${change}, updated_at = now()
       WHERE id = $1 AND (NOT $3::boolean OR assignee IS NULL OR assignee = $2) RETURNING id`,
      [caseId, expert, onlyOwnOrFree],
    );
    if (changed.length === 0) throw new CaseHeldByAnotherError(`case ${caseId} is held by another expert`);
  }

  async function openCase(caseId: string): Promise<CaseRow> {
    const [found] = await dependencies.db.query<CaseRow>(
      `SELECT k.id, k.conversation_id, k.channel, k.locale, c.address
       FROM cases k JOIN conversations c ON c.id = k.conversation_id
       WHERE k.id = $1 AND k.status IN ('open', 'claimed')`,
      [caseId],
    );
    if (!found) throw new CaseNotOpenError(`case ${caseId} is not open`);
    return found;
  }

  /** Stores an outbound message (redacted like every stored text) with the case change, atomically. */
  async function store(
    found: CaseRow,
    author: 'expert' | 'bot',
    authorId: string,
    text: string,
    alsoInTransaction: (transaction: Queryable, messageId: string) => Promise<void>,
  ): Promise<string> {
    const id = randomUUID();
    await dependencies.db.transaction(async (transaction) => {
      await transaction.query(
        `INSERT INTO messages (id, conversation_id, channel, provider_message_id, direction, author_type, author_id, text)
         VALUES ($1, $2, $3, $4, 'outbound', $5, $6, $7)`,
        [id, found.conversation_id, found.channel, `${author}:${id}`, author, authorId, redactPii(text).text],
      );
      await alsoInTransaction(transaction, id);
    });
    return id;
  }

  async function deliver(found: CaseRow, messageId: string, text: string): Promise<ExpertReplyDelivery> {
    const content = { text, locale: found.locale, citations: [] };
    const enqueue = async (channel: OutboundChannel, payload: Record<string, unknown>) => {
      const outboxId = await dependencies.outbox.enqueue(dependencies.db, {
        conversationId: found.conversation_id,
        messageId,
        channel,
        recipient: found.address ?? '',
        payload,
        idempotencyKey: `${channel}:expert:${messageId}`,
      });
      dependencies.onEnqueued?.();
      return outboxId;
    };
    switch (found.channel) {
      case 'web-chat':
        dependencies.events.publish(found.conversation_id, { id: messageId, author: 'expert', text, citations: [] });
        return { outcome: 'published' };
      case 'sms': {
        const [optedOut] = await dependencies.db.query('SELECT 1 FROM sms_opt_outs WHERE phone = $1', [found.address]);
        if (optedOut) return { outcome: 'not_sent', reason: 'the customer opted out of SMS (STOP)' };
        return { outcome: 'queued', outboxId: await enqueue('sms', { body: renderSms(content, { maxSegments: dependencies.smsMaxSegments }).body }) };
      }
      case 'whatsapp': {
        const lastInbound = await dependencies.conversations.lastInboundAt(found.conversation_id);
        if (isWithinCustomerServiceWindow(lastInbound, now())) {
          return { outcome: 'queued', outboxId: await enqueue('whatsapp', { body: renderWhatsApp(content).body }) };
        }
        if (!dependencies.whatsAppTemplate) return { outcome: 'not_sent', reason: "outside WhatsApp's 24-hour window and no WHATSAPP_TEMPLATE_SID" };
        return { outcome: 'template_queued', outboxId: await enqueue('whatsapp', { ...renderWhatsAppTemplate(dependencies.whatsAppTemplate) }) };
      }
      case 'email': {
        if (!dependencies.emailFrom || !found.address) return { outcome: 'not_sent', reason: 'email replies are off (EMAIL_FROM)' };
        const [last] = await dependencies.db.query<{ provider_message_id: string }>(
          `SELECT provider_message_id FROM messages WHERE conversation_id = $1 AND direction = 'inbound' ORDER BY created_at DESC, id DESC LIMIT 1`,
          [found.conversation_id],
        );
        const activity: Partial<Activity> = { type: 'message', text, locale: found.locale, channelData: { decision: 'answer', citations: [] } };
        const rendered = renderEmail(activity, { locale: found.locale, subject: '' });
        const message = buildOutboundEmail({
          from: dependencies.emailFrom,
          to: found.address,
          rendered,
          ...(last ? { inbound: { messageId: last.provider_message_id, references: [] } } : {}),
        });
        return { outcome: 'queued', outboxId: await enqueue('email', { ...message }) };
      }
      case 'bot-framework': {
        const reference = await readConversationReference(dependencies.db, found.conversation_id);
        if (!reference) return { outcome: 'not_sent', reason: 'the Bot Framework conversation reference is unknown' };
        return { outcome: 'queued', outboxId: await enqueue('bot-framework', { text, locale: found.locale, reference }) };
      }
      default:
        return { outcome: 'not_sent', reason: `replies from a person cannot be sent on ${found.channel}` };
    }
  }
}

export type ExpertReplies = ReturnType<typeof createExpertReplies>;
