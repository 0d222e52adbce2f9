import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/db.js';

export interface AnsweredQuestion {
  question: string;
  locale?: 'en' | 'nl';
  decision?: 'answer' | 'clarify' | 'handoff';
  confidence?: number;
  askedAt: Date;
  channel?: string;
  /** Articles the answer cited. */
  citedArticleIds?: string[];
  /** Opens a case on the conversation for this decision. */
  withCase?: boolean;
}

/**
 * Puts conversations with one customer question and the bot's recorded
 * decision in place, as the bot would have stored them (for tests and
 * demonstrations of the knowledge insight; the service records answers itself).
 * Returns the conversation ids in order.
 */
export async function seedAnsweredQuestions(db: Db, questions: readonly AnsweredQuestion[]): Promise<string[]> {
  const ids: string[] = [];
  for (const question of questions) {
    const conversationId = randomUUID();
    const messageId = randomUUID();
    const answerId = randomUUID();
    const channel = question.channel ?? 'web-chat';
    const locale = question.locale ?? 'en';
    const at = question.askedAt.toISOString();
    await db.transaction(async (transaction) => {
      await transaction.query('INSERT INTO conversations (id, channel, locale, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)', [
        conversationId,
        channel,
        locale,
        at,
      ]);
      await transaction.query(
        `INSERT INTO messages (id, conversation_id, channel, provider_message_id, direction, author_type, text, created_at)
         VALUES ($1, $2, $3, $4, 'inbound', 'customer', $5, $6)`,
        [messageId, conversationId, channel, `seed:${messageId}`, question.question, at],
      );
      await transaction.query(
        `INSERT INTO answers (id, conversation_id, inbound_message_id, question, locale, kb_version, decision, confidence, citations,
           generator, latency_ms, created_at)
         VALUES ($1, $2, $3, $4, $5, 'seed', $6, $7, $8, 'extractive', 5, $9)`,
        [
          answerId,
          conversationId,
          messageId,
          question.question,
          locale,
          question.decision ?? 'handoff',
          question.confidence ?? 0,
          JSON.stringify((question.citedArticleIds ?? []).map((articleId) => ({ articleId, title: articleId, url: null }))),
          at,
        ],
      );
      if (question.withCase) {
        await transaction.query(
          `INSERT INTO cases (id, conversation_id, channel, locale, skill, priority, answer_id, sla_due_at, opened_at)
           VALUES ($1, $2, $3, $4, 'general', 'normal', $5, $6, $7)`,
          [randomUUID(), conversationId, channel, locale, answerId, new Date(question.askedAt.getTime() + 3_600_000).toISOString(), at],
        );
      }
    });
    ids.push(conversationId);
  }
  return ids;
}
