import type { Queryable } from '../../db/db.js';
import type { Citation, Decision } from '../answer-engine/answer-outcome.js';
import type { TurnOutcome } from '../answer-engine/answer-turn.js';
import type { Conversation } from './conversation-store.js';

/** An inbound message as stored (its text redacted), to run its turn again after a crash. */
export interface StoredInbound {
  messageId: string;
  conversation: Conversation;
  providerMessageId: string;
  text: string;
  receivedAt: Date;
}

/**
 * What a turn already recorded for an inbound message, so that running the
 * turn again (after a crash, or in a second process) sends the same reply
 * instead of deciding anew.
 */
export type RecordedReply =
  | {
      kind: 'answer';
      messageId: string;
      answerId: string;
      text: string;
      decision: Decision;
      citations: Citation[];
      locale: 'en' | 'nl';
      reasons: TurnOutcome['reasons'];
      handoff: TurnOutcome['handoff'] | null;
      /** Whether it was the bot's first message in the conversation (it then carried the disclosure). */
      first: boolean;
    }
  | { kind: 'notice'; messageId: string; text: string };

/** A stored inbound message with its conversation, or undefined. */
export async function findStoredInbound(db: Queryable, messageId: string): Promise<StoredInbound | undefined> {
  const [row] = await db.query<{
    provider_message_id: string;
    text: string;
    created_at: Date | string;
    conversation_id: string;
    channel: string;
    locale: 'en' | 'nl';
    customer_id: string | null;
    address: string | null;
  }>(
    `SELECT m.provider_message_id, m.text, m.created_at, c.id AS conversation_id, c.channel, c.locale, c.customer_id, c.address
     FROM messages m JOIN conversations c ON c.id = m.conversation_id
     WHERE m.id = $1 AND m.direction = 'inbound'`,
    [messageId],
  );
  if (!row) return undefined;
  return {
    messageId,
    conversation: { id: row.conversation_id, channel: row.channel, locale: row.locale, customerId: row.customer_id, address: row.address },
    providerMessageId: row.provider_message_id,
    text: row.text,
    receivedAt: new Date(row.created_at),
  };
}

/** The bot's recorded reply to an inbound message: its answer decision, or else a notice keyed by it (a thank-you for a score). */
export async function findRecordedReply(db: Queryable, inboundMessageId: string): Promise<RecordedReply | undefined> {
  const [answer] = await db.query<{
    message_id: string;
    answer_id: string;
    text: string;
    decision: Decision;
    citations: Citation[];
    locale: 'en' | 'nl';
    reasons: TurnOutcome['reasons'];
    handoff: TurnOutcome['handoff'] | null;
    first: boolean;
  }>(
    `SELECT m.id AS message_id, a.id AS answer_id, m.text, a.decision, a.citations, a.locale, a.reasons, a.handoff,
       NOT EXISTS (
         SELECT 1 FROM messages earlier
         WHERE earlier.conversation_id = m.conversation_id AND earlier.author_type = 'bot'
           AND earlier.id <> m.id AND earlier.created_at < m.created_at
       ) AS first
     FROM answers a JOIN messages m ON m.id = a.outbound_message_id
     WHERE a.inbound_message_id = $1`,
    [inboundMessageId],
  );
  if (answer) {
    const { message_id: messageId, answer_id: answerId, ...rest } = answer;
    return { kind: 'answer', messageId, answerId, ...rest };
  }
  const [notice] = await db.query<{ id: string; text: string }>(
    `SELECT n.id, n.text FROM messages n JOIN messages inbound ON inbound.id = $1
     WHERE n.channel = inbound.channel AND n.provider_message_id = 'notice:' || inbound.id`,
    [inboundMessageId],
  );
  return notice ? { kind: 'notice', messageId: notice.id, text: notice.text } : undefined;
}
