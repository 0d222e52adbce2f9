import type { Db } from '../db/db.js';
import type { Embedder } from './embedder.js';
import { hybridSearch } from './hybrid-search.js';
import type { RetrievedChunk } from './retrieved-chunk.js';
import type { QueryExpander } from './query-expansion/query-expander.js';
import type { TermStatistics } from './term-statistics.js';

export interface RetrievePassagesOptions {
  query: string;
  locale: string;
  /** Chunks taken from hybrid search before grouping by article. */
  searchLimit?: number;
  /** Most passages returned in total. */
  passageLimit?: number;
  /** How many of the best articles are returned whole. */
  wholeArticles?: number;
  /** Searched when the customer's locale has nothing matching (see `hybridSearch`). */
  fallbackLocale?: string;
  termStatistics?: (locale: string) => Promise<TermStatistics>;
  expandQuery?: QueryExpander;
}

/**
 * Help-centre articles are the unit of curation, and one article usually
 * answers one need. So: hybrid-search chunks, rank articles by their best
 * chunk, and return the best articles' served chunks whole
 * and in reading order (an introduction included even when search missed it),
 * followed by the best chunks of the remaining articles.
 */
export async function retrievePassages(db: Db, embedder: Embedder, options: RetrievePassagesOptions): Promise<RetrievedChunk[]> {
  const found = await hybridSearch(db, embedder, {
    query: options.query,
    locale: options.locale,
    limit: options.searchLimit ?? 8,
    ...(options.fallbackLocale === undefined ? {} : { fallbackLocale: options.fallbackLocale }),
    ...(options.termStatistics === undefined ? {} : { termStatistics: options.termStatistics }),
    ...(options.expandQuery === undefined ? {} : { expandQuery: options.expandQuery }),
  });
  const passageLimit = options.passageLimit ?? 12;
  const wholeArticles = options.wholeArticles ?? 2;
  const topArticleIds = rankArticles(found).slice(0, wholeArticles);

  const scoreById = new Map(found.map((chunk) => [chunk.chunkId, chunk]));
  const passages: RetrievedChunk[] = [];
  for (const articleId of topArticleIds) {
    const representative = found.find((chunk) => chunk.articleId === articleId);
    if (!representative) continue;
    for (const sibling of await servedChunksOf(db, representative)) passages.push(scoreById.get(sibling.chunkId) ?? sibling);
  }
  passages.push(...found.filter((chunk) => !topArticleIds.includes(chunk.articleId)));
  return passages.slice(0, passageLimit);
}

/**
 * Articles in order of their best retrieved chunk's fused score: the answer
 * engine's article ranking. (The best chunk ranks slightly better on the
 * retrieval set than the sum over chunks, which favours long articles.)
 */
export function rankArticles(found: readonly RetrievedChunk[]): string[] {
  const articleScores = new Map<string, number>();
  for (const chunk of found) articleScores.set(chunk.articleId, Math.max(articleScores.get(chunk.articleId) ?? 0, chunk.score));
  return [...articleScores.entries()]
    .sort((left, right) => right[1] - left[1] || left[0].localeCompare(right[0]))
    .map(([articleId]) => articleId);
}

type ChunkRow = { chunk_id: string; heading: string; text: string };

async function servedChunksOf(db: Db, template: RetrievedChunk): Promise<RetrievedChunk[]> {
  const rows = await db.query<ChunkRow>(
    `SELECT c.id AS chunk_id, c.heading, c.text
     FROM chunks c
     JOIN served_article_versions s ON s.article_id = c.article_id AND s.version = c.article_version
     WHERE c.article_id = $1 AND c.article_version = $2
     ORDER BY c.ordinal`,
    [template.articleId, template.articleVersion],
  );
  return rows.map((row) => ({
    ...template,
    // A sibling shares its article's locale and fallback flag.
    chunkId: row.chunk_id,
    heading: row.heading,
    text: row.text,
    vectorSimilarity: 0,
    textRank: 0,
    bm25: 0,
    score: 0,
  }));
}
