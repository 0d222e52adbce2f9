import { createHash } from 'node:crypto';
import { NotFoundError } from '../../bot/errors/not-found-error.js';
import type { Db } from '../../db/db.js';
import { redactPii } from '../../guardrails/input/pii/redact-pii.js';
import { writeArticleVersions } from '../../retrieval/article-version-writer.js';
import type { Embedder } from '../../retrieval/embedder.js';
import type { ArticleLocale, ArticleStatus } from '../article-front-matter.js';
import { CurationConflictError } from './curation-conflict-error.js';

export interface DraftEdit {
  title: string;
  body: string;
  note?: string;
  /** The curator, for the audit log and `created_by`. */
  actor: string;
}

type LatestRow = {
  version: number;
  status: ArticleStatus;
  locale: ArticleLocale;
  owner: string;
  reviewed_at: string | null;
  review_due: string | null;
  valid_until: string | null;
  tags: string[];
  url: string | null;
  translations: Partial<Record<ArticleLocale, string>>;
};

/**
 * A curator's edit of a draft (an expert's answer saved from a case, say)
 * before approving it: a new draft version with the new title and body and
 * the rest of the metadata unchanged. Personal data is removed first, as in
 * every draft. Only an article whose latest version is a draft may be edited
 * this way; served articles change through ingestion.
 */
export async function editDraftArticle(db: Db, embedder: Embedder, id: string, edit: DraftEdit, today: string): Promise<{ version: number }> {
  const [latest] = await db.query<LatestRow>(
    `SELECT version, status, locale, owner, to_char(reviewed_at, 'YYYY-MM-DD') AS reviewed_at,
            to_char(review_due, 'YYYY-MM-DD') AS review_due, to_char(valid_until, 'YYYY-MM-DD') AS valid_until,
            tags, url, translations
     FROM article_versions WHERE article_id = $1 ORDER BY version DESC LIMIT 1`,
    [id],
  );
  if (!latest) throw new NotFoundError('article', id);
  if (latest.status !== 'draft') throw new CurationConflictError(`Article ${id} is ${latest.status} (version ${latest.version}), not a draft`);

  const body = `${redactPii(edit.body).text.trim()}\n`;
  const metadata = {
    id,
    title: redactPii(edit.title).text.trim(),
    locale: latest.locale,
    status: 'draft' as const,
    owner: latest.owner,
    // The writer numbers it after the latest version; an approval made meanwhile stays served (a later draft never hides it).
    version: latest.version + 1,
    reviewed_at: latest.reviewed_at ?? today,
    review_due: latest.review_due ?? today,
    ...(latest.valid_until === null ? {} : { valid_until: latest.valid_until }),
    tags: latest.tags,
    url: latest.url ?? undefined,
    translations: latest.translations,
  };
  const contentHash = createHash('sha256').update(JSON.stringify(metadata)).update('\n').update(body).digest('hex');
  const [written] = await writeArticleVersions(db, embedder, [{ metadata, body, contentHash, changeNote: edit.note ?? 'draft edited' }], edit.actor);
  if (!written) throw new Error(`article ${id} was not written`);
  return { version: written.version };
}
