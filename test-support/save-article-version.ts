import type { Db } from '../db/db.js';
import type { ParsedArticle } from '../knowledge/parse-article-markdown.js';
import { writeArticleVersions } from '../retrieval/article-version-writer.js';
import type { Embedder } from '../retrieval/embedder.js';

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
 * version has the same content: the way tests put a curated article in place.
 * The service itself writes through ingestion (`ingestSources`).
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
