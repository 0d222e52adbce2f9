import type { Queryable, Row } from '../db/db.js';
import { conversationFiguresSql } from './conversation-outcomes.js';
import { deliveryFiguresSql } from './delivery-figures.js';
import { bucketOf, breakdownColumns, breakdownGroups, channelAndLocale, filterValues } from './filter-sql.js';
import type { InsightFilter } from './insight-filter.js';
import { withNamedParameters } from './named-parameters.js';

// For tests: the figures that migration 0011 keeps up to date, computed again
// from the rows alone the way they were before it (the definitions), so tests
// can check that triggers and rollups never drift from them.

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

async function run(db: Queryable, sql: string, filter: InsightFilter, now: Date): Promise<Row[]> {
  const bound = withNamedParameters(sql, filterValues(filter, now));
  const rows = await db.query(bound.sql, bound.params);
  return rows.sort((left, right) => `${String(left.dimension)}:${String(left.key)}`.localeCompare(`${String(right.dimension)}:${String(right.key)}`));
}

/** Conversation outcomes and delivery for the filter, from the kept figures and again from the rows alone. */
export async function keptAndRecounted(db: Queryable, filter: InsightFilter, now: Date) {
  return {
    kept: { conversations: await run(db, conversationFiguresSql, filter, now), delivery: await run(db, deliveryFiguresSql, filter, now) },
    recounted: { conversations: await run(db, outcomesFromRowsSql, filter, now), delivery: await run(db, deliveryFromRowsSql, filter, now) },
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
    WHERE (d.messages, d.failed, d.dead) IS DISTINCT FROM (r.messages, r.failed, r.dead)`);
}
