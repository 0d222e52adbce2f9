import { toVectorLiteral } from './vector-literal.js';
import type { Db, Queryable } from '../db/db.js';
import { bm25Score } from './bm25.js';
import type { Embedder } from './embedder.js';
import type { RetrievedChunk } from './retrieved-chunk.js';
import type { TermStatistics } from './term-statistics.js';
import { contentTerms, tokenize } from './text/normalize-terms.js';
import { textSearchConfigSql } from './text-search-config.js';
import type { QueryExpander } from './query-expansion/query-expander.js';

export interface HybridSearchOptions {
  query: string;
  locale: string;
  /** Chunks to return after fusion. */
  limit?: number;
  /** Candidates taken from each of the two searches before fusion. */
  candidates?: number;
  /** At most this many chunks of one article, so one long article cannot crowd out the rest. */
  maxChunksPerArticle?: number;
  /** Only articles carrying at least one of these tags. */
  tags?: readonly string[];
  /**
   * Locale to search when the customer's locale has no article that matches
   * the question's words at all; its chunks come back flagged `fallback`.
   */
  fallbackLocale?: string;
  /**
   * Statistics of the served knowledge base per locale. With them, typos are
   * corrected to words the articles use and candidates are also ranked by BM25.
   */
  termStatistics?: (locale: string) => Promise<TermStatistics>;
  /** Adds the articles' words for customer phrases (see knowledge/synonyms.yaml) before searching. */
  expandQuery?: QueryExpander;
}

type CandidateRow = {
  chunk_id: string;
  article_id: string;
  article_version: number;
  locale: string;
  title: string;
  url: string | null;
  heading: string;
  text: string;
  score: number;
};

// Reciprocal rank fusion constant: the usual 60 keeps one list's top hit from drowning the other list.
const fusionK = 60;
// BM25 with knowledge-base document frequencies is the strongest of the three
// rankings on the retrieval set (bench:retrieval), so it counts three times.
const bm25Weight = 3;

// Serving chunks still within their validity: the same set as the
// served_article_versions view, in a form the partial indexes serve.
const servingFilter = `c.serving AND (c.valid_until IS NULL OR c.valid_until >= CURRENT_DATE)
  AND c.locale = $2 AND c.embedder_id = $3 AND ($4::text[] IS NULL OR c.tags && $4::text[])`;

// Title and url come from the chunk's own (immutable) version.
const withVersion = `JOIN article_versions v ON v.article_id = c.article_id AND v.version = c.article_version`;

/**
 * Hybrid retrieval over APPROVED, unexpired chunks of one locale: a pgvector
 * cosine search (HNSW, iterative so filters cannot starve it) and a Postgres
 * full-text search in the locale's configuration (any query term may match,
 * ranked by cover density), fused by reciprocal rank.
 */
export async function hybridSearch(db: Db, embedder: Embedder, options: HybridSearchOptions): Promise<RetrievedChunk[]> {
  const found = await searchLocale(db, embedder, options, options.locale);
  const fallbackLocale = options.fallbackLocale;
  if (fallbackLocale === undefined || fallbackLocale === options.locale || found.some(sharesWords)) return found;
  const fallback = await searchLocale(db, embedder, options, fallbackLocale);
  return fallback.some(sharesWords) ? fallback.map((chunk) => ({ ...chunk, fallback: true })) : found;
}

/** Whether a chunk has at least one of the question's words (not merely a similar vector). */
function sharesWords(chunk: RetrievedChunk): boolean {
  return chunk.textRank > 0 || chunk.bm25 > 0;
}

async function searchLocale(db: Db, embedder: Embedder, options: HybridSearchOptions, locale: string): Promise<RetrievedChunk[]> {
  const limit = options.limit ?? 5;
  const candidates = options.candidates ?? 30;
  const statistics = await options.termStatistics?.(locale);
  // Expansion reads the customer's own words, before typo correction can turn slang into another word.
  const expanded = options.expandQuery ? options.expandQuery(options.query, locale) : options.query;
  const query = statistics ? statistics.correct(expanded) : expanded;
  const [queryVector] = await embedder.embed([query]);
  if (!queryVector) return [];
  const vector = toVectorLiteral(queryVector);
  const textQuery = statistics ? selectiveWords(query, locale, statistics) : query;
  const tags = options.tags && options.tags.length > 0 ? [...options.tags] : null;
  const [vectorRows, textRows] = await db.transaction(async (transaction) => {
    await transaction.exec("SET LOCAL hnsw.iterative_scan = 'relaxed_order'; SET LOCAL hnsw.ef_search = 100");
    return [
      await vectorSearch(transaction, vector, locale, embedder.id, tags, candidates),
      await textSearch(transaction, textQuery, locale, embedder.id, tags, candidates),
    ];
  });

  const fused = new Map<string, RetrievedChunk>();
  const add = (rows: CandidateRow[], field: 'vectorSimilarity' | 'textRank') => {
    rows.forEach((row, rank) => {
      const existing = fused.get(row.chunk_id) ?? toRetrievedChunk(row);
      existing[field] = Math.max(0, Number(row.score));
      existing.score += 1 / (fusionK + rank + 1);
      fused.set(row.chunk_id, existing);
    });
  };
  add(vectorRows, 'vectorSimilarity');
  add(textRows, 'textRank');
  if (statistics) {
    const termLocale = locale === 'nl' ? 'nl' : 'en';
    const queryTerms = contentTerms(query, termLocale);
    [...fused.values()]
      .map((chunk) => {
        chunk.bm25 = bm25Score(queryTerms, `${chunk.heading} ${chunk.text}`, termLocale, statistics);
        return { chunk, bm25: chunk.bm25 };
      })
      .filter((scored) => scored.bm25 > 0)
      .sort((left, right) => right.bm25 - left.bm25 || left.chunk.chunkId.localeCompare(right.chunk.chunkId))
      .forEach((scored, rank) => {
        scored.chunk.score += bm25Weight / (fusionK + rank + 1);
      });
  }

  const maxPerArticle = options.maxChunksPerArticle ?? 3;
  const perArticle = new Map<string, number>();
  return [...fused.values()]
    .sort((left, right) => right.score - left.score || left.chunkId.localeCompare(right.chunkId))
    .filter((chunk) => {
      const count = (perArticle.get(chunk.articleId) ?? 0) + 1;
      perArticle.set(chunk.articleId, count);
      return count <= maxPerArticle;
    })
    .slice(0, limit);
}

function vectorSearch(
  transaction: Queryable,
  vector: string,
  locale: string,
  embedderId: string,
  tags: string[] | null,
  candidates: number,
): Promise<CandidateRow[]> {
  return transaction.query<CandidateRow>(
    `SELECT c.id AS chunk_id, c.article_id, c.article_version, c.locale, v.title, v.url, c.heading, c.text, c.score
     FROM (
       SELECT c.*, 1 - (c.embedding <=> $1::vector) AS score
       FROM chunks c
       WHERE ${servingFilter}
       ORDER BY c.embedding <=> $1::vector
       LIMIT $5
     ) c ${withVersion}
     ORDER BY c.score DESC, c.id`,
    [vector, locale, embedderId, tags, candidates],
  );
}

function textSearch(
  transaction: Queryable,
  query: string,
  locale: string,
  embedderId: string,
  tags: string[] | null,
  candidates: number,
): Promise<CandidateRow[]> {
  if (query.trim() === '') return Promise.resolve([]);
  // plainto_tsquery sanitises the customer's text; turning its ANDs into ORs
  // lets any term match.
  return transaction.query<CandidateRow>(
    `WITH q AS (SELECT replace(plainto_tsquery(${textSearchConfigSql('$2')}, $1)::text, '&', '|')::tsquery AS query)
     SELECT c.id AS chunk_id, c.article_id, c.article_version, c.locale, v.title, v.url, c.heading, c.text, c.score
     FROM (
       SELECT c.*, ts_rank(c.search_vector, q.query, 32) AS score
       FROM chunks c, q
       WHERE ${servingFilter} AND c.search_vector @@ q.query
       ORDER BY score DESC, c.id
       LIMIT $5
     ) c ${withVersion}
     ORDER BY c.score DESC, c.id`,
    [query, locale, embedderId, tags, candidates],
  );
}

/**
 * The query's words that are rare enough to narrow the full-text match: a word
 * found in more than 2% of the chunks ("card" in a bank's help centre)
 * matches thousands of them at scale, and ranking them all is what makes full
 * text slow; such words are left to BM25 and the vector search. At most the
 * three rarest words are used; with none left, full text is skipped.
 */
const maxSelectiveWords = 3;

function selectiveWords(query: string, locale: string, statistics: TermStatistics): string {
  const termLocale = locale === 'nl' ? 'nl' : 'en';
  const limit = Math.max(1, statistics.documentCount * 0.02);
  const words = tokenize(query)
    .map((word) => ({ word, frequency: statistics.documentFrequency(contentTerms(word, termLocale)[0] ?? '') }))
    .filter((entry) => entry.frequency > 0);
  const byRarity = [...words].sort((left, right) => left.frequency - right.frequency);
  const selective = byRarity.filter((entry) => entry.frequency <= limit).slice(0, maxSelectiveWords);
  return selective.map((entry) => entry.word).join(' ');
}

function toRetrievedChunk(row: CandidateRow): RetrievedChunk {
  return {
    chunkId: row.chunk_id,
    articleId: row.article_id,
    articleVersion: Number(row.article_version),
    locale: row.locale,
    fallback: false,
    title: row.title,
    url: row.url ?? '',
    heading: row.heading,
    text: row.text,
    vectorSimilarity: 0,
    textRank: 0,
    bm25: 0,
    score: 0,
  };
}
