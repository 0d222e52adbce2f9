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
 */
export const judgedCasesSql = `
  scoped_cases AS (
    SELECT k.id, k.conversation_id, k.status, k.opened_at, k.closed_at, k.sla_due_at, c.channel, c.locale,
      (SELECT min(m.created_at) FROM messages m
       WHERE m.conversation_id = k.conversation_id AND m.author_type = 'expert'
         AND m.created_at >= k.opened_at AND (k.closed_at IS NULL OR m.created_at <= k.closed_at)) AS first_response_at
    FROM cases k
    JOIN conversations c ON c.id = k.conversation_id
    WHERE k.opened_at >= @since::timestamptz AND k.opened_at < @until::timestamptz ${channelAndLocale('c.channel', 'c.locale')}
  ),
  judged_cases AS (
    SELECT s.*,
      CASE WHEN s.first_response_at IS NOT NULL THEN s.first_response_at <= s.sla_due_at
           WHEN coalesce(s.closed_at, @now::timestamptz) > s.sla_due_at THEN false END AS sla_met
    FROM scoped_cases s
  )`;

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
const firstResponse = 'extract(epoch FROM j.first_response_at - j.opened_at)';
const resolution = `CASE WHEN j.status = 'resolved' THEN extract(epoch FROM j.closed_at - j.opened_at) END`;

export const caseFiguresSql = `
  WITH ${judgedCasesSql}
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
  SELECT CASE GROUPING(c.channel, c.locale) WHEN 3 THEN 'overall' WHEN 1 THEN 'channel' ELSE 'locale' END AS dimension,
    CASE GROUPING(c.channel, c.locale) WHEN 1 THEN c.channel WHEN 2 THEN c.locale END AS key,
    count(*)::int AS breaches
  FROM cases k
  JOIN conversations c ON c.id = k.conversation_id
  WHERE k.status IN ('open', 'claimed') AND k.sla_due_at < @now::timestamptz ${channelAndLocale('c.channel', 'c.locale')}
  GROUP BY GROUPING SETS ((), (c.channel), (c.locale))`;
