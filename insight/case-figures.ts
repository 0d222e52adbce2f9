import { bucketOf, breakdownColumns, breakdownGroups, channelAndLocale } from './filter-sql.js';

/**
 * Cases opened in the period, under their conversation's channel and locale.
 *
 * - First response: from the case opening to the first message a person wrote
 *   in the conversation while the case was open.
 * - Time to resolution: from opening to closing, for cases a person resolved
 *   (cases handed back to the bot are closed but not counted as resolved).
 * - SLA: the reply-by time is a first-response target (the customer is told
 *   when a colleague will reply), so a case met its SLA when the first
 *   response came at or before `sla_due_at`, and missed it when the response
 *   came later, or none came and the case was still waiting (open, or closed
 *   after the due time) when the due time passed. A case still inside its
 *   time, or closed before it without a reply, is not judged yet / at all.
 *   Attainment = met / (met + missed).
 *
 * Each case carries its conversation's channel and locale and its first
 * response, kept by triggers as cases and a person's messages are written
 * (migration 0012), so no case looks up its conversation or messages here.
 */
const storedScopedCasesSql = `
    SELECT k.id, k.conversation_id, k.status, k.opened_at, k.closed_at, k.sla_due_at, k.first_response_at,
      k.conversation_channel AS channel, k.conversation_locale AS locale
    FROM cases k
    WHERE k.opened_at >= @since::timestamptz AND k.opened_at < @until::timestamptz ${channelAndLocale('k.conversation_channel', 'k.conversation_locale')}`;

/**
 * `judged_cases` over the cases `scopedCases` selects (id, conversation_id,
 * status, opened_at, closed_at, sla_due_at, first_response_at, channel,
 * locale); the figures read what cases store, tests the same from raw rows.
 */
export function judgedCasesOver(scopedCases: string): string {
  return `
  scoped_cases AS (${scopedCases}
  ),
  judged_cases AS (
    SELECT s.*,
      CASE WHEN s.first_response_at IS NOT NULL THEN s.first_response_at <= s.sla_due_at
           WHEN coalesce(s.closed_at, @now::timestamptz) > s.sla_due_at THEN false END AS sla_met
    FROM scoped_cases s
  )`;
}

export const judgedCasesSql = judgedCasesOver(storedScopedCasesSql);

export interface CaseFigureRow {
  dimension: 'overall' | 'channel' | 'locale' | 'period';
  key: string | null;
  opened: number;
  responded: number;
  first_response_p50: number | null;
  first_response_p95: number | null;
  first_response_average: number | null;
  resolved: number;
  resolution_p50: number | null;
  resolution_p95: number | null;
  resolution_average: number | null;
  sla_met: number;
  sla_missed: number;
}

const bucket = bucketOf('j.opened_at');
// Seconds as float8 (date_part), not numeric (extract): numeric arithmetic
// made up most of this query's time on a 90-day period.
const firstResponse = "date_part('epoch', j.first_response_at - j.opened_at)";
const resolution = `CASE WHEN j.status = 'resolved' THEN date_part('epoch', j.closed_at - j.opened_at) END`;

/** The case figures over the cases `scopedCases` selects (see `judgedCasesOver`). */
export function caseFiguresOver(scopedCases: string): string {
  return `
  WITH ${judgedCasesOver(scopedCases)}
  SELECT ${breakdownColumns('j.channel', 'j.locale', bucket)},
    count(*)::int AS opened,
    count(j.first_response_at)::int AS responded,
    percentile_cont(0.5) WITHIN GROUP (ORDER BY ${firstResponse}) AS first_response_p50,
    percentile_cont(0.95) WITHIN GROUP (ORDER BY ${firstResponse}) AS first_response_p95,
    avg(${firstResponse})::float8 AS first_response_average,
    count(*) FILTER (WHERE j.status = 'resolved')::int AS resolved,
    percentile_cont(0.5) WITHIN GROUP (ORDER BY ${resolution}) AS resolution_p50,
    percentile_cont(0.95) WITHIN GROUP (ORDER BY ${resolution}) AS resolution_p95,
    avg(${resolution})::float8 AS resolution_average,
    count(*) FILTER (WHERE j.sla_met)::int AS sla_met,
    count(*) FILTER (WHERE NOT j.sla_met)::int AS sla_missed
  FROM judged_cases j
  ${breakdownGroups('j.channel', 'j.locale', bucket)}`;
}

export const caseFiguresSql = caseFiguresOver(storedScopedCasesSql);

export interface BreachRow {
  dimension: 'overall' | 'channel' | 'locale';
  key: string | null;
  breaches: number;
}

/**
 * Current breaches: cases still waiting for a person (open or claimed) whose
 * reply-by time has passed now, whenever they opened (the queue's own
 * definition of "breached"). Channel and locale filters apply; the period does not.
 */
export const breachesNowSql = `
  SELECT CASE GROUPING(k.conversation_channel, k.conversation_locale) WHEN 3 THEN 'overall' WHEN 1 THEN 'channel' ELSE 'locale' END AS dimension,
    CASE GROUPING(k.conversation_channel, k.conversation_locale) WHEN 1 THEN k.conversation_channel WHEN 2 THEN k.conversation_locale END AS key,
    count(*)::int AS breaches
  FROM cases k
  WHERE k.status IN ('open', 'claimed') AND k.sla_due_at < @now::timestamptz ${channelAndLocale('k.conversation_channel', 'k.conversation_locale')}
  GROUP BY GROUPING SETS ((), (k.conversation_channel), (k.conversation_locale))`;
