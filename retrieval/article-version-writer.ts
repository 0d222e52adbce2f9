import { toVectorLiteral } from './vector-literal.js';
import type { Db, Queryable } from '../db/db.js';
import type { ArticleFrontMatter } from '../knowledge/article-front-matter.js';
import { chunkArticle } from './chunk-article.js';
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
const rowsPerStatement = 100;

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
    const ids = versions.map((item) => item.metadata.id);
    const latestRows = await transaction.query<{ article_id: string; version: number }>(
      'SELECT article_id, max(version)::int AS version FROM article_versions WHERE article_id = ANY ($1::text[]) GROUP BY article_id',
      [ids],
    );
    const latest = new Map(latestRows.map((row) => [row.article_id, row.version]));
    const numbered = versions.map((item) => {
      const version = Math.max(item.metadata.version, (latest.get(item.metadata.id) ?? 0) + 1);
      latest.set(item.metadata.id, version);
      return { item, version };
    });

    await insertRows(
      transaction,
      `INSERT INTO articles (id, locale, source, source_hash) VALUES {rows}
       ON CONFLICT (id) DO UPDATE SET source = coalesce(EXCLUDED.source, articles.source),
         source_hash = CASE WHEN EXCLUDED.source IS NULL THEN articles.source_hash ELSE EXCLUDED.source_hash END`,
      ['', '', '', ''],
      // The last write of one id in a batch wins, as it would one by one.
      [...new Map(versions.map((item) => [item.metadata.id, item])).values()].map((item) => [
        item.metadata.id,
        item.metadata.locale,
        item.source ?? null,
        item.source === undefined ? null : item.contentHash,
      ]),
    );
    await insertRows(
      transaction,
      `INSERT INTO article_versions (article_id, version, title, locale, status, owner, reviewed_at, review_due,
         valid_until, tags, url, translations, body, content_hash, source_path, created_by, change_note) VALUES {rows}`,
      ['', '::int', '', '', '', '', '::date', '::date', '::date', '::text[]', '', '::jsonb', '', '', '', '', ''],
      numbered.map(({ item, version }) => [
        item.metadata.id,
        version,
        item.metadata.title,
        item.metadata.locale,
        item.metadata.status,
        item.metadata.owner,
        item.metadata.reviewed_at,
        item.metadata.review_due,
        item.metadata.valid_until ?? null,
        item.metadata.tags,
        item.metadata.url ?? null,
        JSON.stringify(item.metadata.translations),
        item.body,
        item.contentHash,
        item.source ?? null,
        actor,
        item.changeNote,
      ]),
    );
    const chunkRows: unknown[][] = [];
    let vectorIndex = 0;
    numbered.forEach(({ item, version }, index) => {
      for (const chunk of chunked[index] ?? []) {
        const vector = vectors[vectorIndex];
        vectorIndex += 1;
        if (vector?.length !== embedder.dimensions) {
          throw new Error(`Embedder ${embedder.id} returned a vector of the wrong size for chunk ${chunk.ordinal} of ${item.metadata.id}`);
        }
        chunkRows.push([
          `${item.metadata.id}@${version}#${chunk.ordinal}`,
          item.metadata.id,
          version,
          chunk.ordinal,
          item.metadata.locale,
          chunk.heading,
          chunk.text,
          embedder.id,
          toVectorLiteral(vector),
          item.metadata.valid_until ?? null,
          item.metadata.tags,
        ]);
      }
    });
    await insertRows(
      transaction,
      `INSERT INTO chunks (id, article_id, article_version, ordinal, locale, heading, text, embedder_id, embedding,
         valid_until, tags) VALUES {rows}`,
      ['', '', '::int', '::int', '', '', '', '', '::vector', '::date', '::text[]'],
      chunkRows,
    );
    await insertRows(
      transaction,
      `INSERT INTO audit_log (actor_type, actor_id, action, subject_type, subject_id, details) VALUES {rows}`,
      ['', '', '', '', '', '::jsonb'],
      numbered.map(({ item, version }) => [
        actorType(actor),
        actor,
        'article.version_saved',
        'article',
        item.metadata.id,
        JSON.stringify({ version, status: item.metadata.status, contentHash: item.contentHash, note: item.changeNote }),
      ]),
    );
    await transaction.query('SELECT refresh_chunk_serving($1::text[])', [[...new Set(ids)]]);
    return numbered.map(({ item, version }, index) => ({
      articleId: item.metadata.id,
      version,
      chunkCount: chunked[index]?.length ?? 0,
    }));
  });
}

/**
 * Multi-row INSERT in statements of at most `rowsPerStatement` rows: a few
 * round trips instead of one per row. `casts` gives each column's SQL cast.
 */
async function insertRows(
  transaction: Queryable,
  sqlTemplate: string,
  casts: readonly string[],
  rows: readonly (readonly unknown[])[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const batch = rows.slice(start, start + rowsPerStatement);
    const params: unknown[] = [];
    const tuples = batch.map((row) => {
      const placeholders = row.map((value, column) => {
        params.push(value);
        return `$${params.length}${casts[column] ?? ''}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    await transaction.query(sqlTemplate.replace('{rows}', tuples.join(', ')), params);
  }
}

/** Audit actors: "system:<process>" for automation, otherwise a named person. */
export function actorType(actor: string): 'system' | 'expert' {
  return actor.startsWith('system:') ? 'system' : 'expert';
}
