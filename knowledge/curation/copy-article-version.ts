import type { Queryable } from '../../db/db.js';
import { actorType } from '../../retrieval/article-version-writer.js';
import type { ArticleStatus } from '../article-front-matter.js';

export interface CopyVersionRequest {
  articleId: string;
  fromVersion: number;
  status: ArticleStatus;
  actor: string;
  action: 'article.approved' | 'article.retired' | 'article.submitted_for_review';
  note: string;
}

/**
 * A status change is a new version: the same content and chunks (vectors
 * copied, not recomputed) under the next version number, with an audit entry.
 * Earlier versions stay as they were.
 */
export async function copyArticleVersion(transaction: Queryable, request: CopyVersionRequest): Promise<number> {
  // Serialises concurrent curation of one article.
  await transaction.query('SELECT id FROM articles WHERE id = $1 FOR UPDATE', [request.articleId]);
  const [latest] = await transaction.query<{ version: number }>(
    'SELECT max(version) AS version FROM article_versions WHERE article_id = $1',
    [request.articleId],
  );
  const version = (latest?.version ?? 0) + 1;
  await transaction.query(
    `INSERT INTO article_versions (article_id, version, title, locale, status, owner, reviewed_at, review_due, valid_until,
       tags, url, translations, body, content_hash, source_path, created_by, change_note)
     SELECT article_id, $3::int, title, locale, $4, owner, reviewed_at, review_due, valid_until,
       tags, url, translations, body, content_hash, source_path, $5, $6
     FROM article_versions WHERE article_id = $1 AND version = $2`,
    [request.articleId, request.fromVersion, version, request.status, request.actor, request.note],
  );
  await transaction.query(
    `INSERT INTO chunks (id, article_id, article_version, ordinal, locale, heading, text, embedder_id, embedding,
       valid_until, tags)
     SELECT article_id || '@' || $3::int || '#' || ordinal, article_id, $3::int, ordinal, locale, heading, text,
       embedder_id, embedding, valid_until, tags
     FROM chunks WHERE article_id = $1 AND article_version = $2`,
    [request.articleId, request.fromVersion, version],
  );
  await transaction.query('SELECT refresh_chunk_serving($1::text[])', [[request.articleId]]);
  await transaction.query(
    `INSERT INTO audit_log (actor_type, actor_id, action, subject_type, subject_id, details)
     VALUES ($1, $2, $3, 'article', $4, $5)`,
    [
      actorType(request.actor),
      request.actor,
      request.action,
      request.articleId,
      JSON.stringify({ fromVersion: request.fromVersion, version, status: request.status, note: request.note }),
    ],
  );
  return version;
}
