import { bucketOf, breakdownColumns, breakdownGroups, channelAndLocale } from './filter-sql.js';

/**
 * One row per conversation that started in the period (on the chosen channel
 * and locale), with what became of it. The summary counts these rows; the
 * drill-down lists them, so a number and the conversations behind it can
 * never disagree.
 *
 * - `decided`: the bot recorded at least one decision (answer, clarify or handoff).
 * - `answered`: at least one of those decisions was an answer.
 * - `escalated`: a case was opened for the conversation (whatever became of it).
 * - `repeated`: after one of the bot's answers, the same customer (on any
 *   channel; the conversation itself when the customer is unknown) asked the
 *   same question again within the repeat window. Two questions are the same
 *   when their standalone forms (the question as rewritten without context)
 *   differ only in case, punctuation and spacing (`insight_question_key`,
 *   stored per answer as `answers.question_key` when it is written, so the
 *   regular expression does not run over every row on every query).
 * - `automated`: answered, not escalated, not repeated: the customer got an
 *   answer from the bot and did not need a person or to ask again.
 */
export const conversationOutcomesSql = `
  scoped AS (
    SELECT c.id, c.channel, c.locale, c.created_at, coalesce(c.customer_id, c.id) AS customer_key
    FROM conversations c
    WHERE c.created_at >= @since::timestamptz AND c.created_at < @until::timestamptz ${channelAndLocale('c.channel', 'c.locale')}
  ),
  decided AS (
    SELECT a.conversation_id, bool_or(a.decision = 'answer') AS answered
    FROM answers a
    WHERE a.conversation_id IN (SELECT id FROM scoped)
    GROUP BY a.conversation_id
  ),
  customer_questions AS (
    SELECT a.conversation_id, a.decision, a.created_at,
      lead(a.created_at) OVER (
        PARTITION BY coalesce(c.customer_id, c.id), a.question_key
        ORDER BY a.created_at, a.id
      ) AS asked_again_at
    FROM answers a
    JOIN conversations c ON c.id = a.conversation_id
    WHERE a.created_at >= @since::timestamptz AND coalesce(c.customer_id, c.id) IN (SELECT customer_key FROM scoped)
  ),
  repeated AS (
    SELECT DISTINCT conversation_id FROM customer_questions
    WHERE decision = 'answer' AND asked_again_at <= created_at + @repeatHours::integer * interval '1 hour'
  ),
  escalated AS (
    SELECT DISTINCT conversation_id FROM cases WHERE conversation_id IN (SELECT id FROM scoped)
  ),
  outcomes AS (
    SELECT s.id, s.channel, s.locale, s.created_at,
      d.conversation_id IS NOT NULL AS decided,
      coalesce(d.answered, false) AS answered,
      e.conversation_id IS NOT NULL AS escalated,
      r.conversation_id IS NOT NULL AS repeated,
      coalesce(d.answered, false) AND e.conversation_id IS NULL AND r.conversation_id IS NULL AS automated
    FROM scoped s
    LEFT JOIN decided d ON d.conversation_id = s.id
    LEFT JOIN escalated e ON e.conversation_id = s.id
    LEFT JOIN repeated r ON r.conversation_id = s.id
  )`;

export interface ConversationFigureRow {
  dimension: 'overall' | 'channel' | 'locale' | 'period';
  key: string | null;
  started: number;
  decided: number;
  answered: number;
  escalated: number;
  repeated: number;
  automated: number;
}

const bucket = bucketOf('o.created_at');

export const conversationFiguresSql = `
  WITH ${conversationOutcomesSql}
  SELECT ${breakdownColumns('o.channel', 'o.locale', bucket)},
    count(*)::int AS started,
    count(*) FILTER (WHERE o.decided)::int AS decided,
    count(*) FILTER (WHERE o.answered)::int AS answered,
    count(*) FILTER (WHERE o.escalated)::int AS escalated,
    count(*) FILTER (WHERE o.answered AND o.repeated)::int AS repeated,
    count(*) FILTER (WHERE o.automated)::int AS automated
  FROM outcomes o
  ${breakdownGroups('o.channel', 'o.locale', bucket)}`;
