import type { Queryable, Row } from '../db/db.js';
import { caseFiguresOver, caseFiguresSql } from './case-figures.js';
import { conversationFiguresSql } from './conversation-outcomes.js';
import { decisionFiguresSql, handoffCausesSql } from './decision-figures.js';
import { deliveryFiguresSql } from './delivery-figures.js';
import { bucketOf, breakdownColumns, breakdownGroups, channelAndLocale, filterValues } from './filter-sql.js';
import type { InsightFilter } from './insight-filter.js';
import { withNamedParameters } from './named-parameters.js';

// For tests: the figures that migrations 0011 and 0012 keep up to date,
// computed again from the rows alone the way they were before them (the
// definitions), so tests can check that triggers and rollups never drift
// from them.

const outcomesFromRowsSql = `
  WITH scoped AS (
    SELECT c.id, c.channel, c.locale, c.created_at, coalesce(c.customer_id, c.id) AS customer_key
    FROM conversations c
    WHERE c.created_at >= @since::timestamptz AND c.created_at < @until::timestamptz ${channelAndLocale('c.channel', 'c.locale')}
  ),
  decided AS (
    SELECT a.conversation_id, bool_or(a.decision = 'answer') AS answered
    FROM answers a WHERE a.conversation_id IN (SELECT id FROM scoped) GROUP BY a.conversation_id
  ),
  customer_questions AS (
    SELECT a.conversation_id, a.decision, a.created_at,
      lead(a.created_at) OVER (PARTITION BY coalesce(c.customer_id, c.id), a.question_key ORDER BY a.created_at, a.id) AS asked_again_at
    FROM answers a JOIN conversations c ON c.id = a.conversation_id
    WHERE a.created_at >= @since::timestamptz AND coalesce(c.customer_id, c.id) IN (SELECT customer_key FROM scoped)
  ),
  repeated AS (
    SELECT DISTINCT conversation_id FROM customer_questions
    WHERE decision = 'answer' AND asked_again_at <= created_at + @repeatHours::integer * interval '1 hour'
  ),
  escalated AS (SELECT DISTINCT conversation_id FROM cases WHERE conversation_id IN (SELECT id FROM scoped)),
  o AS (
    SELECT s.id, s.channel, s.locale, s.created_at,
      d.conversation_id IS NOT NULL AS decided, coalesce(d.answered, false) AS answered,
      e.conversation_id IS NOT NULL AS escalated, r.conversation_id IS NOT NULL AS repeated
    FROM scoped s
    LEFT JOIN decided d ON d.conversation_id = s.id
    LEFT JOIN escalated e ON e.conversation_id = s.id
    LEFT JOIN repeated r ON r.conversation_id = s.id
  )
  SELECT ${breakdownColumns('o.channel', 'o.locale', bucketOf('o.created_at'))},
    count(*)::int AS started,
    count(*) FILTER (WHERE o.decided)::int AS decided,
    count(*) FILTER (WHERE o.answered)::int AS answered,
    count(*) FILTER (WHERE o.escalated)::int AS escalated,
    count(*) FILTER (WHERE o.answered AND o.repeated)::int AS repeated,
    count(*) FILTER (WHERE o.answered AND NOT o.escalated AND NOT o.repeated)::int AS automated
  FROM o
  ${breakdownGroups('o.channel', 'o.locale', bucketOf('o.created_at'))}`;

const deliveryFromRowsSql = `
  SELECT ${breakdownColumns('o.channel', 'c.locale', bucketOf('o.created_at'))},
    count(*)::int AS messages,
    count(*) FILTER (WHERE o.status = 'failed')::int AS failed,
    count(*) FILTER (WHERE o.status = 'dead')::int AS dead
  FROM outbox o
  LEFT JOIN conversations c ON c.id = o.conversation_id
  WHERE o.created_at >= @since::timestamptz AND o.created_at < @until::timestamptz ${channelAndLocale('o.channel', 'c.locale')}
  ${breakdownGroups('o.channel', 'c.locale', bucketOf('o.created_at'))}`;

const decisionsFromRowsSql = `
  WITH d AS (
    SELECT a.decision, a.latency_ms, c.channel, c.locale, ${bucketOf('a.created_at')} AS bucket
    FROM answers a JOIN conversations c ON c.id = a.conversation_id
    WHERE a.created_at >= @since::timestamptz AND a.created_at < @until::timestamptz ${channelAndLocale('c.channel', 'c.locale')}
  )
  SELECT ${breakdownColumns('d.channel', 'd.locale', 'd.bucket')},
    count(*)::int AS decisions,
    count(*) FILTER (WHERE d.decision = 'answer')::int AS answers,
    count(*) FILTER (WHERE d.decision = 'clarify')::int AS clarifications,
    count(*) FILTER (WHERE d.decision = 'handoff')::int AS handoffs,
    percentile_cont(0.5) WITHIN GROUP (ORDER BY d.latency_ms) AS latency_p50,
    percentile_cont(0.95) WITHIN GROUP (ORDER BY d.latency_ms) AS latency_p95
  FROM d
  ${breakdownGroups('d.channel', 'd.locale', 'd.bucket')}`;

const handoffCausesFromRowsSql = `
  WITH d AS (
    SELECT a.reasons, coalesce(a.handoff->>'topic', 'none') AS topic, c.channel, c.locale, ${bucketOf('a.created_at')} AS bucket
    FROM answers a JOIN conversations c ON c.id = a.conversation_id
    WHERE a.decision = 'handoff' AND a.created_at >= @since::timestamptz AND a.created_at < @until::timestamptz
      ${channelAndLocale('c.channel', 'c.locale')}
  ),
  x AS (
    SELECT d.channel, d.locale, d.bucket, 'reason' AS kind, reason AS cause FROM d CROSS JOIN unnest(d.reasons) AS reason
    UNION ALL SELECT d.channel, d.locale, d.bucket, 'topic', d.topic FROM d
  )
  SELECT ${breakdownColumns('x.channel', 'x.locale', 'x.bucket')}, x.kind, x.cause, count(*)::int AS handoffs
  FROM x
  ${breakdownGroups('x.channel', 'x.locale', 'x.bucket', 'x.kind, x.cause')}`;

// The case figures as defined, with each case's conversation and first response looked up.
const casesFromRowsSql = caseFiguresOver(`
    SELECT k.id, k.conversation_id, k.status, k.opened_at, k.closed_at, k.sla_due_at, c.channel, c.locale,
      (SELECT min(m.created_at) FROM messages m
       WHERE m.conversation_id = k.conversation_id AND m.author_type = 'expert'
         AND m.created_at >= k.opened_at AND (k.closed_at IS NULL OR m.created_at <= k.closed_at)) AS first_response_at
    FROM cases k JOIN conversations c ON c.id = k.conversation_id
    WHERE k.opened_at >= @since::timestamptz AND k.opened_at < @until::timestamptz ${channelAndLocale('c.channel', 'c.locale')}`);

async function run(db: Queryable, sql: string, filter: InsightFilter, now: Date): Promise<Row[]> {
  const bound = withNamedParameters(sql, filterValues(filter, now));
  const rows = await db.query(bound.sql, bound.params);
  return rows.sort((left, right) => JSON.stringify(left).localeCompare(JSON.stringify(right)));
}

/**
 * The kept figures for the filter, and again from the rows alone. Latency
 * percentiles agree exactly only while every latency bucket holds one
 * latency, as in the fixture week.
 */
export async function keptAndRecounted(db: Queryable, filter: InsightFilter, now: Date) {
  const figures = async (queries: Record<string, string>) =>
    Object.fromEntries(await Promise.all(Object.entries(queries).map(async ([name, sql]) => [name, await run(db, sql, filter, now)] as const)));
  return {
    kept: await figures({
      conversations: conversationFiguresSql,
      delivery: deliveryFiguresSql,
      decisions: decisionFiguresSql,
      handoffCauses: handoffCausesSql,
      cases: caseFiguresSql,
    }),
    recounted: await figures({
      conversations: outcomesFromRowsSql,
      delivery: deliveryFromRowsSql,
      decisions: decisionsFromRowsSql,
      handoffCauses: handoffCausesFromRowsSql,
      cases: casesFromRowsSql,
    }),
  };
}

/** Every kept row that differs from a recount from the rows (none, when the triggers did their work). */
export async function driftedRows(db: Queryable): Promise<Row[]> {
  return db.query(`
    WITH recounted_answers AS (
      SELECT a.id, c.channel, c.locale, coalesce(c.customer_id, c.id) AS customer_key,
        lead(a.created_at) OVER (PARTITION BY coalesce(c.customer_id, c.id), a.question_key ORDER BY a.created_at, a.id) AS next_asked_at
      FROM answers a JOIN conversations c ON c.id = a.conversation_id
    ),
    recounted_outcomes AS (
      SELECT c.id, c.channel, c.locale, c.created_at, d.conversation_id IS NOT NULL AS decided, coalesce(d.answered, false) AS answered,
        EXISTS (SELECT 1 FROM cases k WHERE k.conversation_id = c.id) AS escalated, d.repeat_gap
      FROM conversations c
      LEFT JOIN (
        SELECT a.conversation_id, bool_or(a.decision = 'answer') AS answered,
          min(r.next_asked_at - a.created_at) FILTER (WHERE a.decision = 'answer') AS repeat_gap
        FROM answers a JOIN recounted_answers r ON r.id = a.id GROUP BY a.conversation_id
      ) AS d ON d.conversation_id = c.id
    ),
    recounted_conversation_days AS (
      SELECT (created_at AT TIME ZONE 'UTC')::date AS day, channel, locale, count(*)::int AS started,
        count(*) FILTER (WHERE decided)::int AS decided, count(*) FILTER (WHERE answered)::int AS answered,
        count(*) FILTER (WHERE escalated)::int AS escalated, count(*) FILTER (WHERE answered AND NOT escalated)::int AS answered_not_escalated
      FROM recounted_outcomes GROUP BY 1, 2, 3
    ),
    recounted_decision_days AS (
      SELECT (a.created_at AT TIME ZONE 'UTC')::date AS day, c.channel, c.locale, insight_latency_bucket(a.latency_ms) AS latency_bucket,
        count(*)::int AS decisions, count(*) FILTER (WHERE a.decision = 'answer')::int AS answers,
        count(*) FILTER (WHERE a.decision = 'clarify')::int AS clarifications, count(*) FILTER (WHERE a.decision = 'handoff')::int AS handoffs,
        min(a.latency_ms) AS fastest_ms, max(a.latency_ms) AS slowest_ms
      FROM answers a JOIN conversations c ON c.id = a.conversation_id GROUP BY 1, 2, 3, 4
    ),
    recounted_handoff_days AS (
      SELECT (a.created_at AT TIME ZONE 'UTC')::date AS day, c.channel, c.locale, x.kind, x.cause, count(*)::int AS handoffs
      FROM answers a JOIN conversations c ON c.id = a.conversation_id
      CROSS JOIN LATERAL (
        SELECT 'reason' AS kind, reason AS cause FROM unnest(a.reasons) AS reason UNION ALL SELECT 'topic', coalesce(a.handoff->>'topic', 'none')
      ) AS x
      WHERE a.decision = 'handoff' GROUP BY 1, 2, 3, 4, 5
    ),
    recounted_days AS (
      SELECT (o.created_at AT TIME ZONE 'UTC')::date AS day, o.channel, coalesce(c.locale, '') AS locale,
        count(*)::int AS messages, count(*) FILTER (WHERE o.status = 'failed')::int AS failed, count(*) FILTER (WHERE o.status = 'dead')::int AS dead
      FROM outbox o LEFT JOIN conversations c ON c.id = o.conversation_id GROUP BY 1, 2, 3
    )
    SELECT 'answer' AS kind, a.id FROM answers a JOIN recounted_answers r ON r.id = a.id
    WHERE (a.conversation_channel, a.conversation_locale, a.customer_key, a.next_asked_at) IS DISTINCT FROM (r.channel, r.locale, r.customer_key, r.next_asked_at)
    UNION ALL
    SELECT 'outcome', coalesce(o.conversation_id, r.id) FROM insight_conversation_outcomes o FULL JOIN recounted_outcomes r ON r.id = o.conversation_id
    WHERE (o.channel, o.locale, o.created_at, o.decided, o.answered, o.escalated, o.repeat_gap)
      IS DISTINCT FROM (r.channel, r.locale, r.created_at, r.decided, r.answered, r.escalated, r.repeat_gap)
    UNION ALL
    SELECT 'conversation day', concat_ws(' ', coalesce(d.day, r.day), coalesce(d.channel, r.channel), coalesce(d.locale, r.locale))
    FROM (SELECT * FROM insight_conversation_days WHERE started <> 0) AS d
    FULL JOIN recounted_conversation_days r ON (r.day, r.channel, r.locale) = (d.day, d.channel, d.locale)
    WHERE (d.started, d.decided, d.answered, d.escalated, d.answered_not_escalated)
      IS DISTINCT FROM (r.started, r.decided, r.answered, r.escalated, r.answered_not_escalated)
    UNION ALL
    SELECT 'delivery day', concat_ws(' ', coalesce(d.day, r.day), coalesce(d.channel, r.channel), coalesce(d.locale, r.locale))
    FROM (SELECT * FROM insight_delivery_days WHERE messages <> 0 OR failed <> 0 OR dead <> 0) AS d
    FULL JOIN recounted_days r ON (r.day, r.channel, r.locale) = (d.day, d.channel, d.locale)
    WHERE (d.messages, d.failed, d.dead) IS DISTINCT FROM (r.messages, r.failed, r.dead)
    UNION ALL
    SELECT 'decision day', concat_ws(' ', coalesce(d.day, r.day), coalesce(d.channel, r.channel), coalesce(d.locale, r.locale), coalesce(d.latency_bucket, r.latency_bucket))
    FROM insight_decision_days d
    FULL JOIN recounted_decision_days r ON (r.day, r.channel, r.locale, r.latency_bucket) = (d.day, d.channel, d.locale, d.latency_bucket)
    WHERE (d.decisions, d.answers, d.clarifications, d.handoffs, d.fastest_ms, d.slowest_ms)
      IS DISTINCT FROM (r.decisions, r.answers, r.clarifications, r.handoffs, r.fastest_ms, r.slowest_ms)
    UNION ALL
    SELECT 'handoff day', concat_ws(' ', coalesce(d.day, r.day), coalesce(d.channel, r.channel), coalesce(d.locale, r.locale), coalesce(d.cause, r.cause))
    FROM (SELECT * FROM insight_handoff_days WHERE handoffs <> 0) AS d
    FULL JOIN recounted_handoff_days r ON (r.day, r.channel, r.locale, r.kind, r.cause) = (d.day, d.channel, d.locale, d.kind, d.cause)
    WHERE d.handoffs IS DISTINCT FROM r.handoffs
    UNION ALL
    SELECT 'case', k.id FROM cases k JOIN conversations c ON c.id = k.conversation_id
    WHERE (k.conversation_channel, k.conversation_locale, k.first_response_at)
      IS DISTINCT FROM (c.channel, c.locale, insight_case_first_response(k.conversation_id, k.opened_at, k.closed_at))`);
}
