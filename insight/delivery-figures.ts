import { breakdownColumns, breakdownGroups, channelAndLocale } from './filter-sql.js';

/**
 * Outbound messages queued in the period (the outbox), by the channel they
 * were sent on and their conversation's locale (`unknown` for a message
 * without a conversation). Failed: the last attempt failed and another is
 * due; dead: attempts are exhausted and the message was given up.
 *
 * Whole UTC days are read from `insight_delivery_days` (kept by triggers as
 * messages are queued and change status, migration 0011); the period's
 * partial days at either end from the outbox itself.
 */
export interface DeliveryFigureRow {
  dimension: 'overall' | 'channel' | 'locale' | 'period';
  key: string | null;
  messages: number;
  failed: number;
  dead: number;
}

// The trend bucket of a UTC day (a date, so no time zone comes into it).
const bucket = `(date_trunc(@period::text, q.day::timestamp))::date`;

const queuedBetween = (from: string, until: string) => `
    SELECT (o.created_at AT TIME ZONE 'UTC')::date AS day, o.channel, c.locale, 1 AS messages,
      (o.status = 'failed')::int AS failed, (o.status = 'dead')::int AS dead
    FROM outbox o
    LEFT JOIN conversations c ON c.id = o.conversation_id
    WHERE o.created_at >= ${from}::timestamptz AND o.created_at < ${until}::timestamptz ${channelAndLocale('o.channel', 'c.locale')}`;

export const deliveryFiguresSql = `
  WITH queued AS (
    SELECT d.day, d.channel, nullif(d.locale, '') AS locale, d.messages, d.failed, d.dead
    FROM insight_delivery_days d
    WHERE d.day >= (@wholeDaysFrom::timestamptz AT TIME ZONE 'UTC')::date AND d.day < (@wholeDaysUntil::timestamptz AT TIME ZONE 'UTC')::date
      AND d.messages <> 0 ${channelAndLocale('d.channel', "nullif(d.locale, '')")}
    UNION ALL ${queuedBetween('@since', '@wholeDaysFrom')}
    UNION ALL ${queuedBetween('@wholeDaysUntil', '@until')}
  )
  SELECT ${breakdownColumns('q.channel', 'q.locale', bucket)},
    coalesce(sum(q.messages), 0)::int AS messages,
    coalesce(sum(q.failed), 0)::int AS failed,
    coalesce(sum(q.dead), 0)::int AS dead
  FROM queued q
  ${breakdownGroups('q.channel', 'q.locale', bucket)}`;
