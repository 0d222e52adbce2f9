import type { Db } from '../../db/db.js';
import type { ServedArticle } from './find-conflicting-statements.js';

/** A served article past its review date, with how often answers cited it in the period. */
export interface StaleCitedArticle {
  id: string;
  title: string;
  locale: string;
  owner: string;
  version: number;
  reviewDue: string;
  daysOverdue: number;
  citations: number;
  /** Conversations whose answers cited it in the period (the most recent 50), for the drill-down. */
  conversationIds: string[];
  lastCitedAt: string | null;
}

/**
 * Served (approved, unexpired) articles whose review date has passed, most
 * cited in the period first: an overdue article customers are being told
 * about is the one to review first.
 */
export async function listStaleCitedArticles(
  db: Db,
  query: { today: string; since: Date; until: Date; locale?: string | undefined },
): Promise<StaleCitedArticle[]> {
  const rows = await db.query<{
    id: string;
    title: string;
    locale: string;
    owner: string;
    version: number;
    review_due: string;
    days_overdue: number;
    citations: number;
    conversation_ids: string[] | null;
    last_cited_at: Date | string | null;
  }>(
    `WITH cited AS (
       SELECT citation->>'articleId' AS article_id, a.conversation_id, a.created_at
       FROM answers a, jsonb_array_elements(a.citations) AS citation
       WHERE a.decision = 'answer' AND a.created_at >= $2 AND a.created_at < $3
     ), counted AS (
       SELECT article_id, count(*)::int AS citations, max(created_at) AS last_cited_at,
              (array_agg(DISTINCT conversation_id))[1:50] AS conversation_ids
       FROM cited GROUP BY article_id
     )
     SELECT s.article_id AS id, s.title, s.locale, s.owner, s.version, to_char(s.review_due, 'YYYY-MM-DD') AS review_due,
            ($1::date - s.review_due)::int AS days_overdue, coalesce(c.citations, 0) AS citations,
            c.conversation_ids, c.last_cited_at
     FROM served_article_versions s
     LEFT JOIN counted c ON c.article_id = s.article_id
     WHERE s.review_due < $1::date AND ($4::text IS NULL OR s.locale = $4)
     ORDER BY coalesce(c.citations, 0) DESC, s.review_due, s.article_id`,
    [query.today, query.since.toISOString(), query.until.toISOString(), query.locale ?? null],
  );
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    locale: row.locale,
    owner: row.owner,
    version: row.version,
    reviewDue: row.review_due,
    daysOverdue: row.days_overdue,
    citations: row.citations,
    conversationIds: [...(row.conversation_ids ?? [])].sort(),
    lastCitedAt: row.last_cited_at === null ? null : new Date(row.last_cited_at).toISOString(),
  }));
}

/** Every served article's current title and body, by id. */
export async function listServedArticles(db: Db, locale?: string): Promise<ServedArticle[]> {
  return db.query<{ id: string; title: string; locale: string; body: string }>(
    `SELECT article_id AS id, title, locale, body FROM served_article_versions
     WHERE ($1::text IS NULL OR locale = $1) ORDER BY article_id`,
    [locale ?? null],
  );
}
