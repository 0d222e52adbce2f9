import { breakdownColumns, breakdownGroups, channelAndLocale } from './filter-sql.js';

/**
 * One row per conversation that started in the period (on the chosen channel
 * and locale), with what became of it. The drill-down lists these rows; the
 * summary counts the same rows, through per-day counts kept beside them
 * (`conversationFiguresSql`; insight-rollups.int.test.ts checks that the
 * two never drift apart).
 *
 * - `decided`: the bot recorded at least one decision (answer, clarify or handoff).
 * - `answered`: at least one of those decisions was an answer.
 * - `escalated`: a case was opened for the conversation (whatever became of it).
 * - `repeated`: after one of the bot's answers, the same customer (on any
 *   channel; the conversation itself when the customer is unknown) asked the
 *   same question again within the repeat window. Two questions are the same
 *   when their standalone forms (the question as rewritten without context)
 *   differ only in case, punctuation and spacing (`insight_question_key`,
 *   stored per answer as `answers.question_key`).
 * - `automated`: answered, not escalated, not repeated: the customer got an
 *   answer from the bot and did not need a person or to ask again.
 *
 * None of these depends on the period, so triggers keep them per conversation
 * as rows are written (`insight_conversation_outcomes`, migration 0011): the
 * shortest time from one of its answers to the same customer asking again is
 * stored, and compared with the window here.
 */
export const conversationOutcomesSql = `
  outcomes AS (
    SELECT o.conversation_id AS id, o.channel, o.locale, o.created_at, o.decided, o.answered, o.escalated,
      coalesce(o.repeat_gap <= @repeatHours::integer * interval '1 hour', false) AS repeated,
      o.answered AND NOT o.escalated AND NOT coalesce(o.repeat_gap <= @repeatHours::integer * interval '1 hour', false) AS automated
    FROM insight_conversation_outcomes o
    WHERE o.created_at >= @since::timestamptz AND o.created_at < @until::timestamptz ${channelAndLocale('o.channel', 'o.locale')}
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

const outcomeColumns = `(o.created_at AT TIME ZONE 'UTC')::date AS day, o.channel, o.locale, 1 AS started, o.decided::int AS decided,
      o.answered::int AS answered, o.escalated::int AS escalated, (o.answered AND NOT o.escalated)::int AS answered_not_escalated`;

const startedBetween = (from: string, until: string) => `
    SELECT ${outcomeColumns}, 0 AS repeated, 0 AS repeated_not_escalated
    FROM insight_conversation_outcomes o
    WHERE o.created_at >= ${from}::timestamptz AND o.created_at < ${until}::timestamptz ${channelAndLocale('o.channel', 'o.locale')}`;

// The trend bucket of a UTC day (a date, so no time zone comes into it).
const bucket = `(date_trunc(@period::text, x.day::timestamp))::date`;

/**
 * The same counts as `outcomes` above, read faster: whole UTC days from
 * `insight_conversation_days` (kept as conversations open and are decided,
 * answered or escalated), the period's partial days at either end from the
 * per-conversation rows, and repeats (which depend on the window) from the
 * few conversations that were ever asked again. Automated is then answered
 * and not escalated, less the repeats among those.
 */
export const conversationFiguresSql = `
  WITH counted AS (
    SELECT d.day, d.channel, d.locale, d.started, d.decided, d.answered, d.escalated, d.answered_not_escalated, 0 AS repeated, 0 AS repeated_not_escalated
    FROM insight_conversation_days d
    WHERE d.day >= (@wholeDaysFrom::timestamptz AT TIME ZONE 'UTC')::date AND d.day < (@wholeDaysUntil::timestamptz AT TIME ZONE 'UTC')::date
      AND d.started <> 0 ${channelAndLocale('d.channel', 'd.locale')}
    UNION ALL ${startedBetween('@since', '@wholeDaysFrom')}
    UNION ALL ${startedBetween('@wholeDaysUntil', '@until')}
    UNION ALL
    SELECT (o.created_at AT TIME ZONE 'UTC')::date, o.channel, o.locale, 0, 0, 0, 0, 0, 1, (NOT o.escalated)::int
    FROM insight_conversation_outcomes o
    WHERE o.repeat_gap IS NOT NULL AND o.created_at >= @since::timestamptz AND o.created_at < @until::timestamptz
      AND o.answered AND o.repeat_gap <= @repeatHours::integer * interval '1 hour' ${channelAndLocale('o.channel', 'o.locale')}
  )
  SELECT ${breakdownColumns('x.channel', 'x.locale', bucket)},
    coalesce(sum(x.started), 0)::int AS started,
    coalesce(sum(x.decided), 0)::int AS decided,
    coalesce(sum(x.answered), 0)::int AS answered,
    coalesce(sum(x.escalated), 0)::int AS escalated,
    coalesce(sum(x.repeated), 0)::int AS repeated,
    coalesce(sum(x.answered_not_escalated) - sum(x.repeated_not_escalated), 0)::int AS automated
  FROM counted x
  ${breakdownGroups('x.channel', 'x.locale', bucket)}`;
