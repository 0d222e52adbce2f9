import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../../db/db.js';
import { redactPii } from '../../guardrails/input/pii/redact-pii.js';
import type { Decision } from '../answer-engine/answer-outcome.js';
import type { TurnOutcome } from '../answer-engine/answer-turn.js';
import { findRecordedReply, findStoredInbound } from './recorded-turn.js';

export type { RecordedReply, StoredInbound } from './recorded-turn.js';

export interface Conversation {
  id: string;
  channel: string;
  locale: 'en' | 'nl';
  /** The customer, once known (channels with an address: phone, email). */
  customerId?: string | null;
  /** Where replies go on this channel: a phone number, an email address. */
  address?: string | null;
}

export interface InboundMessage {
  conversationId: string;
  channel: string;
  /** The provider's own id for the message; a redelivery carries the same one. */
  providerMessageId: string;
  /** As the customer wrote it; personal data is redacted before it is stored. */
  text: string;
}

export interface RecordedInbound {
  messageId: string;
  /** True when this provider message id was already stored: it must not be answered again. */
  duplicate: boolean;
}

export interface BotReply {
  conversationId: string;
  channel: string;
  inboundMessageId: string;
  text: string;
  outcome: TurnOutcome;
  latencyMs: number;
}

/** Runs inside the transaction that stores a new inbound message, with its id: what must be durable with it. */
export type WithInboundMessage = (transaction: Queryable, messageId: string) => Promise<unknown>;

export interface ConversationStoreOptions {
  newId?: () => string;
}

/** Conversations, their messages and the answer decisions, with an audit entry for each write. */
export function createConversationStore(db: Db, options: ConversationStoreOptions = {}) {
  const newId = options.newId ?? randomUUID;

  return {
    async create(conversation: Omit<Conversation, 'id'>): Promise<Conversation> {
      const id = newId();
      await db.query('INSERT INTO conversations (id, channel, locale, customer_id, address) VALUES ($1, $2, $3, $4, $5)', [
        id,
        conversation.channel,
        conversation.locale,
        conversation.customerId ?? null,
        conversation.address ?? null,
      ]);
      return { id, ...conversation };
    },

    async find(id: string): Promise<Conversation | undefined> {
      const [row] = await db.query<{ id: string; channel: string; locale: 'en' | 'nl'; customerId: string | null; address: string | null }>(
        'SELECT id, channel, locale, customer_id AS "customerId", address FROM conversations WHERE id = $1',
        [id],
      );
      return row;
    },

    /**
     * The conversation a message from this address continues: the latest one on
     * the channel, if the customer wrote within `withinHours`; otherwise a new one starts.
     */
    async findRecentByAddress(channel: string, address: string, withinHours: number): Promise<Conversation | undefined> {
      const [row] = await db.query<{ id: string; channel: string; locale: 'en' | 'nl'; customerId: string | null; address: string | null }>(
        `SELECT id, channel, locale, customer_id AS "customerId", address FROM conversations
         WHERE channel = $1 AND address = $2 AND updated_at > now() - ($3 || ' hours')::interval
         ORDER BY updated_at DESC LIMIT 1`,
        [channel, address, String(withinHours)],
      );
      return row;
    },

    /** The decision on the conversation's latest question, if any. */
    async previousDecision(conversationId: string): Promise<Decision | undefined> {
      const [row] = await db.query<{ decision: Decision }>(
        'SELECT decision FROM answers WHERE conversation_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1',
        [conversationId],
      );
      return row?.decision;
    },

    /** When the customer last wrote in this conversation (WhatsApp's 24-hour window starts there). */
    async lastInboundAt(conversationId: string): Promise<Date | undefined> {
      const [row] = await db.query<{ last_inbound_at: Date | string | null }>('SELECT last_inbound_at FROM conversations WHERE id = $1', [
        conversationId,
      ]);
      return row?.last_inbound_at ? new Date(row.last_inbound_at) : undefined;
    },

    /**
     * Stores the message durably before anything acknowledges it; a repeat is
     * recognised, not stored twice. `alsoStore` writes what belongs with a new
     * message (the turn it is owed) in the same transaction.
     */
    async recordInbound(message: InboundMessage, alsoStore?: WithInboundMessage): Promise<RecordedInbound> {
      return db.transaction(async (transaction) => {
        const id = newId();
        const inserted = await transaction.query<{ id: string }>(
          `INSERT INTO messages (id, conversation_id, channel, provider_message_id, direction, author_type, text)
           VALUES ($1, $2, $3, $4, 'inbound', 'customer', $5)
           ON CONFLICT (channel, provider_message_id) DO NOTHING
           RETURNING id`,
          [id, message.conversationId, message.channel, message.providerMessageId, redactPii(message.text).text],
        );
        if (inserted.length === 0) {
          const [existing] = await transaction.query<{ id: string }>(
            'SELECT id FROM messages WHERE channel = $1 AND provider_message_id = $2',
            [message.channel, message.providerMessageId],
          );
          return { messageId: existing?.id ?? '', duplicate: true };
        }
        await transaction.query('UPDATE conversations SET updated_at = now(), last_inbound_at = now() WHERE id = $1', [
          message.conversationId,
        ]);
        await transaction.query(
          `INSERT INTO audit_log (actor_type, action, subject_type, subject_id, details)
           VALUES ('customer', 'message.received', 'message', $1, $2)`,
          [id, JSON.stringify({ conversationId: message.conversationId, channel: message.channel })],
        );
        await alsoStore?.(transaction, id);
        return { messageId: id, duplicate: false };
      });
    },

    /**
     * Stores the bot's reply, the decision behind it and an audit entry,
     * atomically, once per inbound message: when a reply to it is already
     * recorded (another run of the same turn got there first), nothing is
     * written and `alreadyRecorded` says so.
     */
    async recordBotReply(reply: BotReply): Promise<{ messageId: string; answerId: string; alreadyRecorded: boolean }> {
      return db.transaction(async (transaction) => {
        const messageId = newId();
        const [inserted] = await transaction.query<{ id: string }>(
          `INSERT INTO messages (id, conversation_id, channel, provider_message_id, direction, author_type, author_id, text)
           VALUES ($1, $2, $3, $4, 'outbound', 'bot', 'assistant', $5)
           ON CONFLICT (channel, provider_message_id) DO NOTHING
           RETURNING id`,
          [messageId, reply.conversationId, reply.channel, `reply:${reply.inboundMessageId}`, reply.text],
        );
        if (!inserted) {
          const [existing] = await transaction.query<{ message_id: string; answer_id: string }>(
            'SELECT outbound_message_id AS message_id, id AS answer_id FROM answers WHERE inbound_message_id = $1',
            [reply.inboundMessageId],
          );
          return { messageId: existing?.message_id ?? '', answerId: existing?.answer_id ?? '', alreadyRecorded: true };
        }
        const answerId = newId();
        const { outcome } = reply;
        await transaction.query(
          `INSERT INTO answers (id, conversation_id, inbound_message_id, outbound_message_id, question, locale, kb_version,
             decision, confidence, reasons, citations, generator, latency_ms,
             standalone_question, sentences, pii_kinds, retrieved, guards, handoff, from_cache)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)`,
          [
            answerId,
            reply.conversationId,
            reply.inboundMessageId,
            messageId,
            outcome.redactedText,
            outcome.locale,
            outcome.kbVersion,
            outcome.decision,
            outcome.confidence,
            outcome.reasons,
            JSON.stringify(outcome.citations),
            outcome.generator,
            Math.round(reply.latencyMs),
            outcome.standaloneQuestion,
            JSON.stringify(outcome.sentences),
            outcome.piiKinds,
            JSON.stringify(outcome.retrieved),
            JSON.stringify(outcome.guards),
            outcome.handoff ? JSON.stringify(outcome.handoff) : null,
            outcome.fromCache,
          ],
        );
        await transaction.query(
          `INSERT INTO audit_log (actor_type, actor_id, action, subject_type, subject_id, details)
           VALUES ('bot', 'assistant', 'answer.sent', 'message', $1, $2)`,
          [
            messageId,
            JSON.stringify({
              conversationId: reply.conversationId,
              decision: outcome.decision,
              reasons: outcome.reasons,
              kbVersion: outcome.kbVersion,
              chunkIds: outcome.sentences.flatMap((sentence) => sentence.chunkIds),
            }),
          ],
        );
        return { messageId, answerId, alreadyRecorded: false };
      });
    },

    /**
     * Stores a short notice the service sent itself (a HELP reply, a thank-you
     * for a score), so the timeline shows everything the customer received.
     * The key makes a repeat a no-op; returns the message id.
     */
    async recordNotice(notice: { conversationId: string; channel: string; key: string; text: string }): Promise<string> {
      const [inserted] = await db.query<{ id: string }>(
        `INSERT INTO messages (id, conversation_id, channel, provider_message_id, direction, author_type, author_id, text)
         VALUES ($1, $2, $3, $4, 'outbound', 'bot', 'assistant', $5)
         ON CONFLICT (channel, provider_message_id) DO NOTHING
         RETURNING id`,
        [newId(), notice.conversationId, notice.channel, `notice:${notice.key}`, notice.text],
      );
      if (inserted) return inserted.id;
      const [existing] = await db.query<{ id: string }>('SELECT id FROM messages WHERE channel = $1 AND provider_message_id = $2', [
        notice.channel,
        `notice:${notice.key}`,
      ]);
      return existing?.id ?? '';
    },

    /** A stored inbound message with its conversation, or undefined: what running its turn again needs. */
    findInbound: (messageId: string) => findStoredInbound(db, messageId),

    /** The bot's recorded reply to an inbound message (an answer, or a notice such as a thank-you), if any. */
    findRecordedReply: (inboundMessageId: string) => findRecordedReply(db, inboundMessageId),

    /** The standalone form of the conversation's latest decided question, for reading a follow-up. */
    async previousQuestion(conversationId: string): Promise<string | undefined> {
      const [row] = await db.query<{ standalone_question: string | null }>(
        `SELECT standalone_question FROM answers WHERE conversation_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1`,
        [conversationId],
      );
      return row?.standalone_question ?? undefined;
    },

    /** Whether the bot has already written in this conversation (the first bot message carries the disclosure). */
    async hasBotReplied(conversationId: string): Promise<boolean> {
      const [row] = await db.query<{ replied: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM messages WHERE conversation_id = $1 AND author_type = 'bot') AS replied`,
        [conversationId],
      );
      return row?.replied === true;
    },
  };
}

export type ConversationStore = ReturnType<typeof createConversationStore>;
