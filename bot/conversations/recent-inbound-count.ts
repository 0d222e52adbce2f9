import type { Queryable } from '../../db/db.js';

/**
 * Messages the customer behind `conversation` sent in the last `windowSeconds`,
 * over all their conversations and channels (when the conversation has no
 * known customer, in it alone), stored ones only.
 */
export async function countRecentInbound(db: Queryable, conversation: { id: string; customerId?: string | null }, windowSeconds = 60): Promise<number> {
  const [row] = await db.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM messages
     WHERE direction = 'inbound' AND created_at > now() - make_interval(secs => $3)
       AND conversation_id IN (SELECT id FROM conversations WHERE customer_id = $2 UNION ALL SELECT $1::text)`,
    [conversation.id, conversation.customerId ?? null, windowSeconds],
  );
  return row?.count ?? 0;
}
