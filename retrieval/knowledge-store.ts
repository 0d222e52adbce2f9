import type { Db } from '../db/db.js';

/** Number of articles stored in any status. */
export async function countArticles(db: Db): Promise<number> {
  const [row] = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM articles');
  return row?.count ?? 0;
}

/**
 * Identifies exactly what can be served right now: a hash of every served
 * article version. It changes on approval, retirement, a new approved version
 * or an expiry date passing, and is recorded with every answer.
 */
export async function knowledgeBaseVersion(db: Db): Promise<string> {
  const [row] = await db.query<{ version: string | null }>(
    `SELECT left(md5(coalesce(string_agg(article_id || '@' || version, ',' ORDER BY article_id), '')), 16) AS version
     FROM served_article_versions`,
  );
  return `kb-${row?.version ?? 'empty'}`;
}
