import type { Db } from '../../db/db.js';
import { NotFoundError } from '../../bot/errors/not-found-error.js';
import type { ArticleStatus } from '../article-front-matter.js';
import { copyArticleVersion } from './copy-article-version.js';
import { CurationConflictError } from './curation-conflict-error.js';
import { diffLines, formatUnifiedDiff, type DiffLine } from './diff-lines.js';

export interface CurationActor {
  /** A curator's id, or "system:<process>" for automation. */
  actor: string;
  note?: string;
}

type VersionRow = { version: number; status: ArticleStatus };

/**
 * Approves an article: its latest version (or the given one) becomes a new
 * approved version, which is served from then on (within its validity).
 */
export async function approveArticle(db: Db, id: string, request: CurationActor & { version?: number }): Promise<number> {
  return db.transaction(async (transaction) => {
    const versions = await transaction.query<VersionRow>(
      'SELECT version, status FROM article_versions WHERE article_id = $1 ORDER BY version DESC',
      [id],
    );
    const [latest] = versions;
    if (!latest) throw new NotFoundError('article', id);
    const source = request.version === undefined ? latest : versions.find((row) => row.version === request.version);
    if (!source) throw new NotFoundError('article version', `${id}@${request.version}`);
    if (source === latest && latest.status === 'approved') {
      throw new CurationConflictError(`Article ${id} is already approved (version ${latest.version})`);
    }
    return copyArticleVersion(transaction, {
      articleId: id,
      fromVersion: source.version,
      status: 'approved',
      actor: request.actor,
      action: 'article.approved',
      note: request.note ?? `approved version ${source.version}`,
    });
  });
}

/** Retires an article: it is never served again until a later version is approved. */
export async function retireArticle(db: Db, id: string, request: CurationActor): Promise<number> {
  return db.transaction(async (transaction) => {
    const [latest] = await transaction.query<VersionRow>(
      'SELECT version, status FROM article_versions WHERE article_id = $1 ORDER BY version DESC LIMIT 1',
      [id],
    );
    if (!latest) throw new NotFoundError('article', id);
    if (latest.status === 'retired') throw new CurationConflictError(`Article ${id} is already retired (version ${latest.version})`);
    return copyArticleVersion(transaction, {
      articleId: id,
      fromVersion: latest.version,
      status: 'retired',
      actor: request.actor,
      action: 'article.retired',
      note: request.note ?? 'retired',
    });
  });
}

export interface VersionDiff {
  articleId: string;
  from: number;
  to: number;
  /** Metadata fields whose value differs: field -> [from, to]. */
  changedFields: Record<string, [unknown, unknown]>;
  lines: DiffLine[];
  unified: string;
}

const comparedFields = ['title', 'status', 'owner', 'reviewed_at', 'review_due', 'valid_until', 'tags', 'url', 'translations'] as const;

/** What changed between two versions: metadata fields and a line diff of the body. */
export async function diffArticleVersions(db: Db, id: string, from: number, to: number): Promise<VersionDiff> {
  const rows = await db.query<Record<string, unknown> & { version: number; body: string }>(
    `SELECT version, title, status, owner, to_char(reviewed_at, 'YYYY-MM-DD') AS reviewed_at,
            to_char(review_due, 'YYYY-MM-DD') AS review_due, to_char(valid_until, 'YYYY-MM-DD') AS valid_until,
            tags, url, translations, body
     FROM article_versions WHERE article_id = $1 AND version = ANY ($2::int[])`,
    [id, [from, to]],
  );
  const before = rows.find((row) => row.version === from);
  const after = rows.find((row) => row.version === to);
  if (!before) throw new NotFoundError('article version', `${id}@${from}`);
  if (!after) throw new NotFoundError('article version', `${id}@${to}`);
  const changedFields: Record<string, [unknown, unknown]> = {};
  for (const field of comparedFields) {
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) changedFields[field] = [before[field], after[field]];
  }
  const lines = diffLines(before.body, after.body);
  return { articleId: id, from, to, changedFields, lines, unified: formatUnifiedDiff(lines) };
}
