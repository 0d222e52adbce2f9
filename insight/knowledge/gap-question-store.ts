import type { Db } from '../../db/db.js';

/** A question the bot did not answer with confidence, as the answers table recorded it (already PII-redacted). */
export interface GapQuestion {
  answerId: string;
  conversationId: string;
  /** The escalation case the decision opened or that holds the conversation, if any. */
  caseId: string | null;
  channel: string;
  locale: string;
  decision: 'handoff' | 'clarify' | 'answer';
  confidence: number;
  /** The standalone question a follow-up was rewritten to, else the message as stored. */
  question: string;
  askedAt: string;
}

export interface GapQuestionQuery {
  since: Date;
  until: Date;
  locale?: string | undefined;
  /** Answers below this confidence count as gaps too (the configured ANSWER_MIN_CONFIDENCE). */
  lowConfidenceBelow: number;
  /** The most recent this many, at most. */
  limit: number;
}

/**
 * The questions of a period that the knowledge base did not answer well:
 * handed off, met with a clarifying question, or answered with confidence
 * below the answer threshold. Most recent first.
 */
export async function listGapQuestions(db: Db, query: GapQuestionQuery): Promise<GapQuestion[]> {
  const rows = await db.query<{
    answer_id: string;
    conversation_id: string;
    case_id: string | null;
    channel: string;
    locale: string;
    decision: GapQuestion['decision'];
    confidence: number;
    question: string;
    asked_at: Date | string;
  }>(
    `SELECT a.id AS answer_id, a.conversation_id, k.id AS case_id, c.channel, a.locale, a.decision, a.confidence,
            coalesce(nullif(btrim(a.standalone_question), ''), a.question) AS question, a.created_at AS asked_at
     FROM answers a
     JOIN conversations c ON c.id = a.conversation_id
     LEFT JOIN LATERAL (
       SELECT id FROM cases WHERE answer_id = a.id OR conversation_id = a.conversation_id
       ORDER BY (answer_id = a.id) DESC, opened_at DESC LIMIT 1
     ) k ON true
     WHERE a.created_at >= $1 AND a.created_at < $2
       AND (a.decision IN ('handoff', 'clarify') OR (a.decision = 'answer' AND a.confidence < $3))
       AND ($4::text IS NULL OR a.locale = $4)
     ORDER BY a.created_at DESC, a.id
     LIMIT $5`,
    [query.since.toISOString(), query.until.toISOString(), query.lowConfidenceBelow, query.locale ?? null, query.limit],
  );
  return rows.map((row) => ({
    answerId: row.answer_id,
    conversationId: row.conversation_id,
    caseId: row.case_id,
    channel: row.channel,
    locale: row.locale,
    decision: row.decision,
    confidence: Number(row.confidence),
    question: row.question,
    askedAt: new Date(row.asked_at).toISOString(),
  }));
}
