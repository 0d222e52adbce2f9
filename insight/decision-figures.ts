import { breakdownColumns, breakdownGroups, channelAndLocale } from './filter-sql.js';
import { histogramPercentile } from './histogram-percentile.js';

/**
 * The bot's decisions made in the period, on conversations of the chosen
 * channel and locale (a decision is counted under its conversation's channel
 * and locale). The handoff rate is handoffs / all decisions (answer, clarify,
 * handoff); the rate of a reason or topic is the handoffs carrying it / all
 * decisions, so a handoff with two reasons counts under both. The topic is the
 * restricted topic the handoff was routed by (`answers.handoff.topic`),
 * `none` when the handoff matched no topic. Latency is the recorded time from
 * the customer's message to the decision (`answers.latency_ms`), every decision.
 *
 * Whole UTC days are read from the per-day rows triggers keep as decisions are
 * written (`insight_decision_days`, `insight_handoff_days`, migration 0012);
 * the period's partial days at either end from the decisions themselves.
 * Latency percentiles come from the latency buckets of those rows
 * (`histogramPercentile`): exact when a bucket holds one latency, otherwise
 * within the bucket's width (two significant digits of the milliseconds).
 */
export interface DecisionFigureRow {
  dimension: 'overall' | 'channel' | 'locale' | 'period';
  key: string | null;
  decisions: number;
  answers: number;
  clarifications: number;
  handoffs: number;
  latency_p50: number | null;
  latency_p95: number | null;
}

// Whole days from the kept rows, and `select` over the decisions of the partial days at either end.
function wholeDaysAndEdges(wholeDays: string, edge: (from: string, until: string) => string): string {
  return `${wholeDays}
    AND d.day >= (@wholeDaysFrom::timestamptz AT TIME ZONE 'UTC')::date AND d.day < (@wholeDaysUntil::timestamptz AT TIME ZONE 'UTC')::date
    ${channelAndLocale('d.channel', 'd.locale')}
    UNION ALL ${edge('@since', '@wholeDaysFrom')}
    UNION ALL ${edge('@wholeDaysUntil', '@until')}`;
}

// The decisions of a partial day; `joined` and `condition` narrow or widen them.
const decidedBetween = (from: string, until: string, joined = '', condition = '') => `
    FROM answers a ${joined}
    WHERE a.created_at >= ${from}::timestamptz AND a.created_at < ${until}::timestamptz
      ${channelAndLocale('a.conversation_channel', 'a.conversation_locale')} ${condition}`;

const handoffCauses = `CROSS JOIN LATERAL (
      SELECT 'reason' AS kind, reason AS cause FROM unnest(a.reasons) AS reason
      UNION ALL SELECT 'topic', coalesce(a.handoff->>'topic', 'none')) AS x`;

// The trend bucket of a UTC day (a date, so no time zone comes into it).
const trendOf = (day: string) => `(date_trunc(@period::text, ${day}::timestamp))::date`;

// A latency bucket's counts summed over rows of `row`, and its fastest and slowest.
const bucketSums = (row: string, count: string, fastest: string, slowest: string) =>
  `sum(${row}.${count}) AS count, sum(${row}.answers) AS answers, sum(${row}.clarifications) AS clarifications, sum(${row}.handoffs) AS handoffs,
      min(${row}.${fastest}) AS smallest, max(${row}.${slowest}) AS largest`;

export const decisionFiguresSql = `
  WITH histogram AS (
    ${wholeDaysAndEdges(
      `SELECT d.day, d.channel, d.locale, d.latency_bucket, d.decisions, d.answers, d.clarifications, d.handoffs, d.fastest_ms, d.slowest_ms
    FROM insight_decision_days d WHERE true`,
      (from, until) => `
    SELECT (a.created_at AT TIME ZONE 'UTC')::date, a.conversation_channel, a.conversation_locale, insight_latency_bucket(a.latency_ms), 1,
      (a.decision = 'answer')::int, (a.decision = 'clarify')::int, (a.decision = 'handoff')::int, a.latency_ms, a.latency_ms
    ${decidedBetween(from, until)}`,
    )}
  ),
  -- Two passes over the histogram rows: the period per channel and locale,
  -- and per day; every breakdown is then summed from those few rows.
  partial AS (
    SELECT x.channel, x.locale, x.day, x.latency_bucket, ${bucketSums('x', 'decisions', 'fastest_ms', 'slowest_ms')}
    FROM histogram x
    GROUP BY GROUPING SETS ((x.channel, x.locale, x.latency_bucket), (x.day, x.latency_bucket))
  ),
  buckets AS (
    SELECT CASE GROUPING(p.channel, p.locale) WHEN 3 THEN 'overall' WHEN 1 THEN 'channel' ELSE 'locale' END AS dimension,
      CASE GROUPING(p.channel, p.locale) WHEN 1 THEN p.channel WHEN 2 THEN coalesce(p.locale, 'unknown') END AS key,
      p.latency_bucket, ${bucketSums('p', 'count', 'smallest', 'largest')}
    FROM partial p WHERE p.day IS NULL
    GROUP BY GROUPING SETS ((p.latency_bucket), (p.channel, p.latency_bucket), (p.locale, p.latency_bucket))
    UNION ALL
    SELECT 'period', to_char(${trendOf('p.day')}, 'YYYY-MM-DD'), p.latency_bucket, ${bucketSums('p', 'count', 'smallest', 'largest')}
    FROM partial p WHERE p.day IS NOT NULL
    GROUP BY ${trendOf('p.day')}, p.latency_bucket
  ),
  ranked AS (
    SELECT b.*, (sum(b.count) OVER (PARTITION BY b.dimension, b.key ORDER BY b.latency_bucket))::bigint - b.count AS before,
      (sum(b.count) OVER (PARTITION BY b.dimension, b.key))::bigint AS total
    FROM buckets b
  )
  SELECT r.dimension, r.key,
    sum(r.count)::int AS decisions,
    sum(r.answers)::int AS answers,
    sum(r.clarifications)::int AS clarifications,
    sum(r.handoffs)::int AS handoffs,
    ${histogramPercentile(0.5, 'r')} AS latency_p50,
    ${histogramPercentile(0.95, 'r')} AS latency_p95
  FROM ranked r
  GROUP BY r.dimension, r.key`;

export interface HandoffCauseRow {
  dimension: 'overall' | 'channel' | 'locale' | 'period';
  key: string | null;
  kind: 'reason' | 'topic';
  cause: string;
  handoffs: number;
}

/** Handoffs per reason code and per topic, in every breakdown. */
export const handoffCausesSql = `
  WITH causes AS (
    ${wholeDaysAndEdges(
      `SELECT d.day, d.channel, d.locale, d.kind, d.cause, d.handoffs FROM insight_handoff_days d WHERE d.handoffs <> 0`,
      (from, until) => `
    SELECT (a.created_at AT TIME ZONE 'UTC')::date, a.conversation_channel, a.conversation_locale, x.kind, x.cause, 1
    ${decidedBetween(from, until, handoffCauses, "AND a.decision = 'handoff'")}`,
    )}
  )
  SELECT ${breakdownColumns('x.channel', 'x.locale', trendOf('x.day'))}, x.kind, x.cause, sum(x.handoffs)::int AS handoffs
  FROM causes x
  ${breakdownGroups('x.channel', 'x.locale', trendOf('x.day'), 'x.kind, x.cause')}
  HAVING sum(x.handoffs) <> 0`;
