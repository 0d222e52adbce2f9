import type { Db } from '../db/db.js';
import { knowledgeChangeKey } from './knowledge-change-key.js';

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

/**
 * `knowledgeBaseVersion` for the hot path: recomputed only when the knowledge
 * base may have changed, instead of hashing every served version per answer.
 */
export function createKnowledgeBaseVersionReader(db: Db): () => Promise<string> {
  let cached: { key: string; version: Promise<string> } | undefined;
  return async () => {
    const key = await knowledgeChangeKey(db);
    if (cached?.key !== key) {
      const version = knowledgeBaseVersion(db);
      cached = { key, version };
      version.catch(() => {
        cached = undefined;
      });
    }
    return cached.version;
  };
}
