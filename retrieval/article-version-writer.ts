import pgvector from 'pgvector';
import type { Db, Queryable } from '../db/db.js';
import type { ArticleFrontMatter } from '../knowledge/article-front-matter.js';
import { chunkArticle, type ArticleChunk } from './chunk-article.js';
import type { Embedder } from './embedder.js';

/** Curated metadata of a version; documents without a canonical page have no url. */
export type ArticleMetadata = Omit<ArticleFrontMatter, 'url'> & { url?: string | undefined };

export interface NewArticleVersion {
  metadata: ArticleMetadata;
  body: string;
  /** Hash of the source document; equal hashes mean the source is unchanged. */
  contentHash: string;
  /** Where ingestion read it (`path` or `path#record`); omitted for edits made in the service. */
  source?: string;
  changeNote: string;
}

export interface WrittenVersion {
  articleId: string;
  version: number;
  chunkCount: number;
}

// Rows per multi-row INSERT: few round trips, well under the 65,535-parameter limit.
const chunkRowsPerStatement = 100;

/**
 * Stores new article versions with their chunks and embeddings, and an audit
 * entry for each, in one transaction. Chunking and embedding happen first,
 * outside the transaction (a remote embedder may be slow). Versions are
 * never overwritten: each gets the next number (or the one its curator set, if higher).
 */
export async function writeArticleVersions(
  db: Db,
  embedder: Embedder,
  versions: readonly NewArticleVersion[],
  actor: string,
): Promise<WrittenVersion[]> {
  const chunked = await Promise.all(versions.map((version) => chunkArticle(version.metadata.title, version.body)));
  const allChunks = chunked.flat();
  const vectors = await embedder.embed(allChunks.map((chunk) => `${chunk.heading}\n${chunk.text}`));
  if (vectors.length !== allChunks.length) throw new Error(`Embedder ${embedder.id} returned ${vectors.length} vectors for ${allChunks.length} chunks`);

  return db.transaction(async (transaction) => {
    const written: WrittenVersion[] = [];
    let vectorOffset = 0;
    for (const [index, item] of versions.entries()) {
      const chunks = chunked[index] ?? [];
      const itemVectors = vectors.slice(vectorOffset, vectorOffset + chunks.length);
      vectorOffset += chunks.length;
      written.push(await writeOne(transaction, embedder, item, chunks, itemVectors, actor));
    }
    return written;
  });
}

async function writeOne(
  transaction: Queryable,
  embedder: Embedder,
  item: NewArticleVersion,
  chunks: readonly ArticleChunk[],
  vectors: readonly number[][],
  actor: string,
): Promise<WrittenVersion> {
  const { metadata } = item;
  await transaction.query(
    `INSERT INTO articles (id, locale, source, source_hash) VALUES ($1, $2, $3, $4)
     ON CONFLICT (id) DO UPDATE SET source = coalesce(EXCLUDED.source, articles.source),
       source_hash = CASE WHEN EXCLUDED.source IS NULL THEN articles.source_hash ELSE EXCLUDED.source_hash END`,
    [metadata.id, metadata.locale, item.source ?? null, item.source === undefined ? null : item.contentHash],
  );
  const [latest] = await transaction.query<{ version: number }>(
    'SELECT max(version) AS version FROM article_versions WHERE article_id = $1',
    [metadata.id],
  );
  const version = Math.max(metadata.version, (latest?.version ?? 0) + 1);
  await transaction.query(
    `INSERT INTO article_versions (article_id, version, title, locale, status, owner, reviewed_at, review_due,
       valid_until, tags, url, translations, body, content_hash, source_path, created_by, change_note)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
    [
      metadata.id,
      version,
      metadata.title,
      metadata.locale,
      metadata.status,
      metadata.owner,
      metadata.reviewed_at,
      metadata.review_due,
      metadata.valid_until ?? null,
      metadata.tags,
      metadata.url ?? null,
      JSON.stringify(metadata.translations),
      item.body,
      item.contentHash,
      item.source ?? null,
      actor,
      item.changeNote,
    ],
  );
  await insertChunkRows(transaction, embedder, metadata.id, version, metadata.locale, chunks, vectors);
  await transaction.query(
    `INSERT INTO audit_log (actor_type, actor_id, action, subject_type, subject_id, details)
     VALUES ($1, $2, 'article.version_saved', 'article', $3, $4)`,
    [
      actorType(actor),
      actor,
      metadata.id,
      JSON.stringify({ version, status: metadata.status, contentHash: item.contentHash, note: item.changeNote }),
    ],
  );
  return { articleId: metadata.id, version, chunkCount: chunks.length };
}

async function insertChunkRows(
  transaction: Queryable,
  embedder: Embedder,
  articleId: string,
  version: number,
  locale: string,
  chunks: readonly ArticleChunk[],
  vectors: readonly number[][],
): Promise<void> {
  for (let start = 0; start < chunks.length; start += chunkRowsPerStatement) {
    const rows = chunks.slice(start, start + chunkRowsPerStatement);
    const params: unknown[] = [];
    const placeholders = rows.map((chunk, offset) => {
      const vector = vectors[start + offset];
      if (vector?.length !== embedder.dimensions) {
        throw new Error(`Embedder ${embedder.id} returned a vector of the wrong size for chunk ${chunk.ordinal} of ${articleId}`);
      }
      params.push(`${articleId}@${version}#${chunk.ordinal}`, chunk.ordinal, chunk.heading, chunk.text, pgvector.toSql(vector));
      const base = params.length - 5;
      return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5}::vector)`;
    });
    await transaction.query(
      `INSERT INTO chunks (id, ordinal, heading, text, embedding, article_id, article_version, locale, embedder_id)
       SELECT v.id, v.ordinal::int, v.heading, v.text, v.embedding, $${params.length + 1}, $${params.length + 2}::int,
              $${params.length + 3}, $${params.length + 4}
       FROM (VALUES ${placeholders.join(', ')}) AS v (id, ordinal, heading, text, embedding)`,
      [...params, articleId, version, locale, embedder.id],
    );
  }
}

/** Audit actors: "system:<process>" for automation, otherwise a named person. */
export function actorType(actor: string): 'system' | 'expert' {
  return actor.startsWith('system:') ? 'system' : 'expert';
}
