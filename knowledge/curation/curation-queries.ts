import type { Db } from '../../db/db.js';
import { NotFoundError } from '../../bot/errors/not-found-error.js';
import type { ArticleStatus } from '../article-front-matter.js';
import type { ArticleDetail, ArticleSummary, ArticleVersionEntry } from './article-views.js';

export interface ArticleFilter {
  status?: ArticleStatus;
  locale?: string;
  tag?: string;
  /** Only served articles past their review date. */
  stale?: boolean;
}

type SummaryRow = {
  id: string;
  locale: string;
  title: string;
  owner: string;
  tags: string[];
  latest_version: number;
  latest_status: ArticleStatus;
  served_version: number | null;
  review_due: string | null;
  valid_until: string | null;
  stale: boolean;
  expired: boolean;
  source: string | null;
  url: string | null;
  translations: Record<string, string>;
  reviewed_at: string | null;
  body: string;
};

// Dates come back as text so both database drivers give the same YYYY-MM-DD.
const summarySelect = `
  SELECT a.id, a.locale, l.title, l.owner, l.tags, l.version AS latest_version, l.status AS latest_status,
         s.version AS served_version, to_char(l.review_due, 'YYYY-MM-DD') AS review_due,
         to_char(l.valid_until, 'YYYY-MM-DD') AS valid_until,
         (s.version IS NOT NULL AND s.review_due < $1::date) AS stale,
         (l.status = 'approved' AND l.valid_until IS NOT NULL AND l.valid_until < $1::date) AS expired,
         a.source, l.url, l.translations, to_char(l.reviewed_at, 'YYYY-MM-DD') AS reviewed_at, l.body
  FROM articles a
  JOIN LATERAL (
    SELECT * FROM article_versions v WHERE v.article_id = a.id ORDER BY v.version DESC LIMIT 1
  ) l ON true
  LEFT JOIN served_article_versions s ON s.article_id = a.id`;

/** Articles with their latest state, filtered; ordered by id. */
export async function listArticles(db: Db, today: string, filter: ArticleFilter = {}): Promise<ArticleSummary[]> {
  const rows = await db.query<SummaryRow>(
    `${summarySelect}
     WHERE ($2::text IS NULL OR l.status = $2)
       AND ($3::text IS NULL OR a.locale = $3)
       AND ($4::text IS NULL OR $4 = ANY (l.tags))
     ORDER BY a.id`,
    [today, filter.status ?? null, filter.locale ?? null, filter.tag ?? null],
  );
  const summaries = rows.map(toSummary);
  return filter.stale ? summaries.filter((summary) => summary.stale) : summaries;
}

/** Served articles past their review date, most overdue first; dates are the served version's. */
export async function staleReport(
  db: Db,
  today: string,
): Promise<(ArticleSummary & { servedReviewDue: string; daysOverdue: number })[]> {
  const stale = await listArticles(db, today, { stale: true });
  const servedDue = new Map(
    (
      await db.query<{ article_id: string; review_due: string }>(
        "SELECT article_id, to_char(review_due, 'YYYY-MM-DD') AS review_due FROM served_article_versions WHERE article_id = ANY ($1::text[])",
        [stale.map((summary) => summary.id)],
      )
    ).map((row) => [row.article_id, row.review_due]),
  );
  const day = 86_400_000;
  return stale
    .map((summary) => {
      const servedReviewDue = servedDue.get(summary.id) ?? summary.reviewDue ?? today;
      return {
        ...summary,
        reviewDue: servedReviewDue,
        servedReviewDue,
        daysOverdue: Math.round((Date.parse(today) - Date.parse(servedReviewDue)) / day),
      };
    })
    .sort((left, right) => right.daysOverdue - left.daysOverdue || left.id.localeCompare(right.id));
}

export async function getArticle(db: Db, id: string, today: string): Promise<ArticleDetail> {
  const [row] = await db.query<SummaryRow>(`${summarySelect} WHERE a.id = $2`, [today, id]);
  if (!row) throw new NotFoundError('article', id);
  return {
    ...toSummary(row),
    url: row.url,
    translations: row.translations,
    reviewedAt: row.reviewed_at,
    body: row.body,
  };
}

/** Every version, newest first. */
export async function articleHistory(db: Db, id: string): Promise<ArticleVersionEntry[]> {
  const rows = await db.query<{
    version: number;
    status: ArticleStatus;
    title: string;
    content_hash: string;
    created_by: string;
    created_at: Date;
    change_note: string | null;
  }>(
    `SELECT version, status, title, content_hash, created_by, created_at, change_note
     FROM article_versions WHERE article_id = $1 ORDER BY version DESC`,
    [id],
  );
  if (rows.length === 0) throw new NotFoundError('article', id);
  return rows.map((row) => ({
    version: row.version,
    status: row.status,
    title: row.title,
    contentHash: row.content_hash,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(),
    changeNote: row.change_note,
  }));
}

function toSummary(row: SummaryRow): ArticleSummary {
  return {
    id: row.id,
    locale: row.locale,
    title: row.title,
    owner: row.owner,
    tags: row.tags,
    latestVersion: row.latest_version,
    latestStatus: row.latest_status,
    servedVersion: row.served_version,
    reviewDue: row.review_due,
    validUntil: row.valid_until,
    stale: row.stale,
    expired: row.expired,
    source: row.source,
  };
}
