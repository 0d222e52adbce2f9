import { bucketOf, breakdownColumns, breakdownGroups, channelAndLocale } from './filter-sql.js';

/**
 * The bot's decisions made in the period, on conversations of the chosen
 * channel and locale (a decision is counted under its conversation's channel
 * and locale). The handoff rate is handoffs / all decisions (answer, clarify,
 * handoff); the rate of a reason or topic is the handoffs carrying it / all
 * decisions, so a handoff with two reasons counts under both. The topic is the
 * restricted topic the handoff was routed by (`answers.handoff.topic`),
 * `none` when the handoff matched no topic. Latency is the recorded time from
 * the customer's message to the decision (`answers.latency_ms`), every decision.
 */
function decisionsSql(onlyDecision?: 'handoff'): string {
  // Each decision carries its conversation's channel and locale (migration
  // 0011), so the period's decisions are read without joining conversations.
  return `
  decisions AS (
    SELECT a.decision, a.latency_ms, a.reasons, coalesce(a.handoff->>'topic', 'none') AS topic,
      a.conversation_channel AS channel, a.conversation_locale AS locale, ${bucketOf('a.created_at')} AS bucket
    FROM answers a
    WHERE a.created_at >= @since::timestamptz AND a.created_at < @until::timestamptz ${channelAndLocale('a.conversation_channel', 'a.conversation_locale')}
      ${onlyDecision ? `AND a.decision = '${onlyDecision}'` : ''}
  )`;
}

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

export const decisionFiguresSql = `
  WITH ${decisionsSql()}
  SELECT ${breakdownColumns('d.channel', 'd.locale', 'd.bucket')},
    count(*)::int AS decisions,
    count(*) FILTER (WHERE d.decision = 'answer')::int AS answers,
    count(*) FILTER (WHERE d.decision = 'clarify')::int AS clarifications,
    count(*) FILTER (WHERE d.decision = 'handoff')::int AS handoffs,
    percentile_cont(0.5) WITHIN GROUP (ORDER BY d.latency_ms) AS latency_p50,
    percentile_cont(0.95) WITHIN GROUP (ORDER BY d.latency_ms) AS latency_p95
  FROM decisions d
  ${breakdownGroups('d.channel', 'd.locale', 'd.bucket')}`;

export interface HandoffCauseRow {
  dimension: 'overall' | 'channel' | 'locale' | 'period';
  key: string | null;
  kind: 'reason' | 'topic';
  cause: string;
  handoffs: number;
}

/**
 * Handoffs per reason code and per topic, in every breakdown. Only handoffs
 * are read: joining every decision to its conversation first, to throw nine
 * in ten away after, was most of this query's time.
 */
export const handoffCausesSql = `
  WITH ${decisionsSql('handoff')},
  causes AS (
    SELECT d.channel, d.locale, d.bucket, 'reason' AS kind, reason AS cause
    FROM decisions d CROSS JOIN unnest(d.reasons) AS reason
    WHERE d.decision = 'handoff'
    UNION ALL
    SELECT d.channel, d.locale, d.bucket, 'topic', d.topic FROM decisions d WHERE d.decision = 'handoff'
  )
  SELECT ${breakdownColumns('x.channel', 'x.locale', 'x.bucket')}, x.kind, x.cause, count(*)::int AS handoffs
  FROM causes x
  ${breakdownGroups('x.channel', 'x.locale', 'x.bucket', 'x.kind, x.cause')}`;
