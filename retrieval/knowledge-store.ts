import pgvector from 'pgvector';
import type { Db, Queryable } from '../db/db.js';
import type { ParsedArticle } from '../knowledge/parse-article-markdown.js';
import { chunkArticle } from './chunk-article.js';
import type { Embedder } from './embedder.js';

export interface SaveArticleOptions {
  /** Who made the change, for the audit log: a curator's id or "system:ingest". */
  actor: string;
  sourcePath?: string;
}

export type SaveArticleResult =
  | { outcome: 'created'; articleId: string; version: number; chunkCount: number }
  | { outcome: 'unchanged'; articleId: string; version: number };

/**
 * Stores a new version of an article with its chunks and embeddings, unless the
 * latest stored version has the same content. Versions are never overwritten.
 */
export async function saveArticleVersion(
  db: Db,
  embedder: Embedder,
  article: ParsedArticle,
  options: SaveArticleOptions,
): Promise<SaveArticleResult> {
  const { frontMatter } = article;
  const chunks = await chunkArticle(frontMatter.title, article.body);
  // Embedding happens before the transaction: it may be a network call.
  const vectors = await embedder.embed(chunks.map((chunk) => `${chunk.heading}\n${chunk.text}`));

  return db.transaction(async (transaction) => {
    await transaction.query('INSERT INTO articles (id, locale) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [
      frontMatter.id,
      frontMatter.locale,
    ]);
    // Serialises concurrent saves of the same article.
    await transaction.query('SELECT id FROM articles WHERE id = $1 FOR UPDATE', [frontMatter.id]);
    const [latest] = await transaction.query<{ version: number; content_hash: string }>(
      'SELECT version, content_hash FROM article_versions WHERE article_id = $1 ORDER BY version DESC LIMIT 1',
      [frontMatter.id],
    );
    if (latest?.content_hash === article.contentHash) {
      return { outcome: 'unchanged', articleId: frontMatter.id, version: latest.version };
    }
    const version = Math.max(frontMatter.version, (latest?.version ?? 0) + 1);
    await transaction.query(
      `INSERT INTO article_versions (article_id, version, title, locale, status, owner, reviewed_at, review_due,
         valid_until, tags, url, translations, body, content_hash, source_path, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
      [
        frontMatter.id,
        version,
        frontMatter.title,
        frontMatter.locale,
        frontMatter.status,
        frontMatter.owner,
        frontMatter.reviewed_at,
        frontMatter.review_due,
        frontMatter.valid_until ?? null,
        frontMatter.tags,
        frontMatter.url,
        JSON.stringify(frontMatter.translations),
        article.body,
        article.contentHash,
        options.sourcePath ?? null,
        options.actor,
      ],
    );
    await insertChunks(transaction, embedder, frontMatter.id, version, frontMatter.locale, chunks, vectors);
    await transaction.query(
      `INSERT INTO audit_log (actor_type, actor_id, action, subject_type, subject_id, details)
       VALUES ($1, $2, 'article.version_saved', 'article', $3, $4)`,
      [
        options.actor.startsWith('system:') ? 'system' : 'expert',
        options.actor,
        frontMatter.id,
        JSON.stringify({ version, status: frontMatter.status, contentHash: article.contentHash }),
      ],
    );
    return { outcome: 'created', articleId: frontMatter.id, version, chunkCount: chunks.length };
  });
}

async function insertChunks(
  transaction: Queryable,
  embedder: Embedder,
  articleId: string,
  version: number,
  locale: string,
  chunks: readonly { ordinal: number; heading: string; text: string }[],
  vectors: readonly number[][],
): Promise<void> {
  for (const [index, chunk] of chunks.entries()) {
    const vector = vectors[index];
    if (vector?.length !== embedder.dimensions) {
      throw new Error(`Embedder ${embedder.id} returned a vector of the wrong size for chunk ${index} of ${articleId}`);
    }
    await transaction.query(
      `INSERT INTO chunks (id, article_id, article_version, ordinal, locale, heading, text, embedder_id, embedding)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::vector)`,
      [
        `${articleId}@${version}#${chunk.ordinal}`,
        articleId,
        version,
        chunk.ordinal,
        locale,
        chunk.heading,
        chunk.text,
        embedder.id,
        pgvector.toSql(vector),
      ],
    );
  }
}

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
