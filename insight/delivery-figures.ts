import { bucketOf, breakdownColumns, breakdownGroups, channelAndLocale } from './filter-sql.js';

/**
 * Outbound messages queued in the period (the outbox), by the channel they
 * were sent on and their conversation's locale (`unknown` for a message
 * without a conversation). Failed: the last attempt failed and another is
 * due; dead: attempts are exhausted and the message was given up.
 */
export interface DeliveryFigureRow {
  dimension: 'overall' | 'channel' | 'locale' | 'period';
  key: string | null;
  messages: number;
  failed: number;
  dead: number;
}

const bucket = bucketOf('o.created_at');

export const deliveryFiguresSql = `
  SELECT ${breakdownColumns('o.channel', 'c.locale', bucket)},
    count(*)::int AS messages,
    count(*) FILTER (WHERE o.status = 'failed')::int AS failed,
    count(*) FILTER (WHERE o.status = 'dead')::int AS dead
  FROM outbox o
  LEFT JOIN conversations c ON c.id = o.conversation_id
  WHERE o.created_at >= @since::timestamptz AND o.created_at < @until::timestamptz ${channelAndLocale('o.channel', 'c.locale')}
  ${breakdownGroups('o.channel', 'c.locale', bucket)}`;
