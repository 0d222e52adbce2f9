import type { Db } from '../db/db.js';
import type { ParsedArticle } from '../knowledge/parse-article-markdown.js';
import { writeArticleVersions } from './article-version-writer.js';
import type { Embedder } from './embedder.js';

export interface SaveArticleOptions {
  /** Who made the change, for the audit log: a curator's id or "system:<process>". */
  actor: string;
  source?: string;
  changeNote?: string;
}

export type SaveArticleResult =
  | { outcome: 'created'; articleId: string; version: number; chunkCount: number }
  | { outcome: 'unchanged'; articleId: string; version: number };

/**
 * Stores one parsed article as a new version, unless the latest stored
 * version has the same content. Ingestion of many files batches through
 * `writeArticleVersions` directly.
 */
export async function saveArticleVersion(
  db: Db,
  embedder: Embedder,
  article: ParsedArticle,
  options: SaveArticleOptions,
): Promise<SaveArticleResult> {
  const { frontMatter } = article;
  const [latest] = await db.query<{ version: number; content_hash: string }>(
    'SELECT version, content_hash FROM article_versions WHERE article_id = $1 ORDER BY version DESC LIMIT 1',
    [frontMatter.id],
  );
  if (latest?.content_hash === article.contentHash) {
    return { outcome: 'unchanged', articleId: frontMatter.id, version: latest.version };
  }
  const [written] = await writeArticleVersions(
    db,
    embedder,
    [
      {
        metadata: frontMatter,
        body: article.body,
        contentHash: article.contentHash,
        ...(options.source === undefined ? {} : { source: options.source }),
        changeNote: options.changeNote ?? 'saved',
      },
    ],
    options.actor,
  );
  if (!written) throw new Error(`Article ${frontMatter.id} was not written`);
  return { outcome: 'created', ...written };
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
