import type { Db } from '../db/db.js';
import { knowledgeChangeKey } from './knowledge-change-key.js';
import { loadTermStatistics, type TermStatistics } from './term-statistics.js';

/** Term statistics per locale, rebuilt when the served knowledge base may have changed (see `knowledgeChangeKey`). */
export function createTermStatisticsCache(db: Db): (locale: string) => Promise<TermStatistics> {
  const cache = new Map<string, { kbVersion: string; statistics: Promise<TermStatistics> }>();
  return async (locale) => {
    const kbVersion = await knowledgeChangeKey(db);
    const cached = cache.get(locale);
    if (cached?.kbVersion === kbVersion) return cached.statistics;
    const statistics = loadTermStatistics(db, locale);
    cache.set(locale, { kbVersion, statistics });
    statistics.catch(() => cache.delete(locale));
    return statistics;
  };
}
