import type { Citation, Decision } from '../../bot/answer-engine/answer-outcome.js';
import type { Db } from '../../db/db.js';
import type { WebChatAuthor, WebChatMessage } from './web-chat-message.js';

type MessageRow = {
  id: string;
  author_type: WebChatAuthor;
  text: string;
  decision: Decision | null;
  citations: Citation[] | null;
};

// Messages are ordered by (created_at, id) everywhere, so that history and
// Last-Event-ID replay agree even when two messages share a timestamp.
const selectMessages = `
  SELECT m.id, m.author_type, m.text, a.decision, a.citations
  FROM messages m LEFT JOIN answers a ON a.outbound_message_id = m.id`;

/** Most messages a history request returns: the latest ones. */
const historyLimit = 200;

/**
 * Read-only queries over a conversation's stored messages, as the web chat shows them.
 * (Reads only; every write goes through the ConversationStore.)
 */
export function createWebChatHistory(db: Db) {
  return {
    /** The conversation so far, oldest first: the customer's messages and every reply. */
    async list(conversationId: string): Promise<WebChatMessage[]> {
      const rows = await db.query<MessageRow>(
        `${selectMessages}
         WHERE m.conversation_id = $1
         ORDER BY m.created_at DESC, m.id DESC
         LIMIT ${historyLimit}`,
        [conversationId],
      );
      return rows.reverse().map(toWebChatMessage);
    },

    /**
     * The replies (assistant and expert messages) stored after message `afterMessageId`,
     * oldest first; every reply when that message is not in this conversation.
     */
    async repliesAfter(conversationId: string, afterMessageId: string): Promise<WebChatMessage[]> {
      const rows = await db.query<MessageRow>(
        `WITH anchor AS (SELECT created_at, id FROM messages WHERE id = $2 AND conversation_id = $1)
         ${selectMessages}
         WHERE m.conversation_id = $1 AND m.direction = 'outbound'
           AND (NOT EXISTS (SELECT 1 FROM anchor) OR (m.created_at, m.id) > (SELECT created_at, id FROM anchor))
         ORDER BY m.created_at, m.id`,
        [conversationId, afterMessageId],
      );
      return rows.map(toWebChatMessage);
    },

    /** The assistant's stored reply (or replies) to one inbound message. */
    async repliesTo(inboundMessageId: string): Promise<WebChatMessage[]> {
      const rows = await db.query<MessageRow>(
        `${selectMessages}
         WHERE a.inbound_message_id = $1
         ORDER BY m.created_at, m.id`,
        [inboundMessageId],
      );
      return rows.map(toWebChatMessage);
    },
  };
}

export type WebChatHistory = ReturnType<typeof createWebChatHistory>;

function toWebChatMessage(row: MessageRow): WebChatMessage {
  return {
    id: row.id,
    author: row.author_type,
    text: row.text,
    ...(row.decision === null ? {} : { decision: row.decision }),
    citations: (row.citations ?? []).map(({ articleId, title, url }) => ({ articleId, title, url })),
  };
}
