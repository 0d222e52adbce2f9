import pgvector from 'pgvector';
import type { Db } from '../db/db.js';
import type { Embedder } from './embedder.js';
import type { RetrievedChunk } from './retrieved-chunk.js';

export interface HybridSearchOptions {
  query: string;
  locale: string;
  /** Chunks to return after fusion. */
  limit?: number;
  /** Candidates taken from each of the two searches before fusion. */
  candidates?: number;
}

type CandidateRow = {
  chunk_id: string;
  article_id: string;
  article_version: number;
  title: string;
  url: string | null;
  heading: string;
  text: string;
  score: number;
};

// Reciprocal rank fusion constant: the usual 60 keeps one list's top hit from drowning the other list.
const fusionK = 60;

const servedChunks = `chunks c
  JOIN served_article_versions s ON s.article_id = c.article_id AND s.version = c.article_version`;

/**
 * Hybrid retrieval over APPROVED, unexpired chunks of one locale: a pgvector
 * cosine search and a Postgres full-text search (any query term may match,
 * ranked by cover density), fused by reciprocal rank.
 */
export async function hybridSearch(db: Db, embedder: Embedder, options: HybridSearchOptions): Promise<RetrievedChunk[]> {
  const limit = options.limit ?? 5;
  const candidates = options.candidates ?? 20;
  const [queryVector] = await embedder.embed([options.query]);
  if (!queryVector) return [];

  const [vectorRows, textRows] = await Promise.all([
    db.query<CandidateRow>(
      `SELECT c.id AS chunk_id, c.article_id, c.article_version, s.title, s.url, c.heading, c.text,
              1 - (c.embedding <=> $1::vector) AS score
       FROM ${servedChunks}
       WHERE c.locale = $2 AND c.embedder_id = $3
       ORDER BY c.embedding <=> $1::vector
       LIMIT $4`,
      [pgvector.toSql(queryVector), options.locale, embedder.id, candidates],
    ),
    db.query<CandidateRow>(
      `WITH q AS (
         SELECT replace(
           plainto_tsquery(CASE $2 WHEN 'nl' THEN 'dutch'::regconfig ELSE 'english'::regconfig END, $1)::text,
           '&', '|')::tsquery AS query
       )
       SELECT c.id AS chunk_id, c.article_id, c.article_version, s.title, s.url, c.heading, c.text,
              ts_rank_cd(c.search_vector, q.query, 32) AS score
       FROM ${servedChunks}, q
       WHERE c.locale = $2 AND c.embedder_id = $3 AND c.search_vector @@ q.query
       ORDER BY score DESC, c.id
       LIMIT $4`,
      [options.query, options.locale, embedder.id, candidates],
    ),
  ]);

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

  return [...fused.values()]
    .sort((left, right) => right.score - left.score || left.chunkId.localeCompare(right.chunkId))
    .slice(0, limit);
}

function toRetrievedChunk(row: CandidateRow): RetrievedChunk {
  return {
    chunkId: row.chunk_id,
    articleId: row.article_id,
    articleVersion: Number(row.article_version),
    title: row.title,
    url: row.url ?? '',
    heading: row.heading,
    text: row.text,
    vectorSimilarity: 0,
    textRank: 0,
    score: 0,
  };
}
