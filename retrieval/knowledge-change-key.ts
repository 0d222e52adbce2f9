import type { Db } from '../db/db.js';

/**
 * Changes whenever what may be served can have changed: after any article
 * version write (a counter every write bumps) or on a new day (validity
 * dates). One primary-key lookup, for caches derived from the knowledge base.
 */
export async function knowledgeChangeKey(db: Db): Promise<string> {
  const [state] = await db.query<{ key: string }>(
    "SELECT change_count::text || ':' || CURRENT_DATE::text AS key FROM knowledge_state",
  );
  return state?.key ?? 'unknown';
}
