import type { Db } from '../../db/db.js';
import type { Embedder } from '../../retrieval/embedder.js';
import { knowledgeChangeKey } from '../../retrieval/knowledge-change-key.js';
import { findConflictingStatements, type ArticleConflict } from './find-conflicting-statements.js';
import { listServedArticles, listStaleCitedArticles, type StaleCitedArticle } from './knowledge-health-store.js';

/**
 * Stale and conflicting knowledge: overdue articles ranked by how often they
 * were cited, and served articles that state the same thing with different
 * numbers. Conflicts depend on the served knowledge base only, so they are
 * computed once per change of it (one embedding pass over its sentences).
 */
export function createKnowledgeHealth(dependencies: { db: Db; embedder: Embedder; now?: () => Date }) {
  const now = dependencies.now ?? (() => new Date());
  let cached: { key: string; conflicts: Promise<ArticleConflict[]> } | undefined;

  async function allConflicts(): Promise<ArticleConflict[]> {
    const key = await knowledgeChangeKey(dependencies.db);
    if (cached?.key === key) return cached.conflicts;
    const conflicts = listServedArticles(dependencies.db).then((articles) => findConflictingStatements(articles, dependencies.embedder));
    cached = { key, conflicts };
    conflicts.catch(() => {
      if (cached?.conflicts === conflicts) cached = undefined;
    });
    return conflicts;
  }

  return {
    async stale(query: { since: Date; until: Date; locale?: string | undefined }): Promise<StaleCitedArticle[]> {
      return listStaleCitedArticles(dependencies.db, { ...query, today: now().toISOString().slice(0, 10) });
    },
    async conflicts(query: { locale?: string | undefined } = {}): Promise<ArticleConflict[]> {
      const conflicts = await allConflicts();
      return query.locale === undefined ? conflicts : conflicts.filter((conflict) => conflict.locale === query.locale);
    },
  };
}

export type KnowledgeHealth = ReturnType<typeof createKnowledgeHealth>;
