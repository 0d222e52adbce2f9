import type { Db } from '../db/db.js';
import { loadTermStatistics, type TermStatistics } from './term-statistics.js';

/**
 * Term statistics per locale, rebuilt when the served knowledge base changes:
 * after any version write (a counter every write bumps) or on a new day
 * (validity dates). Checking costs one primary-key lookup per search.
 */
export function createTermStatisticsCache(db: Db): (locale: string) => Promise<TermStatistics> {
  const cache = new Map<string, { kbVersion: string; statistics: Promise<TermStatistics> }>();
  return async (locale) => {
    const [state] = await db.query<{ key: string }>(
      "SELECT change_count::text || ':' || CURRENT_DATE::text AS key FROM knowledge_state",
    );
    const kbVersion = state?.key ?? 'unknown';
    const cached = cache.get(locale);
    if (cached?.kbVersion === kbVersion) return cached.statistics;
    const statistics = loadTermStatistics(db, locale);
    cache.set(locale, { kbVersion, statistics });
    statistics.catch(() => cache.delete(locale));
    return statistics;
  };
}
