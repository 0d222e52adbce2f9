import { createHash } from 'node:crypto';
import type { Db } from '../../db/db.js';
import { writeArticleVersions } from '../../retrieval/article-version-writer.js';
import type { Embedder } from '../../retrieval/embedder.js';
import type { ArticleLocale } from '../article-front-matter.js';

export interface NewDraftArticle {
  id: string;
  title: string;
  locale: ArticleLocale;
  /** Markdown, personal data already removed. */
  body: string;
  tags: string[];
  /** The help centre's base address; the article's page is `<base>/<locale>/<id>`. */
  articleBaseUrl: string;
  /** YYYY-MM-DD; the review falls due half a year later. */
  today: string;
  changeNote: string;
  /** Who made it, for the audit log and `created_by`. */
  actor: string;
}

const reviewAfterDays = 182;

/**
 * A new article, written as a draft through the one article-writing path
 * (`writeArticleVersions`: chunks, embeddings, audit). A draft is never
 * served until a curator approves it through the normal curation flow.
 */
export async function saveNewDraftArticle(db: Db, embedder: Embedder, draft: NewDraftArticle): Promise<{ articleId: string; version: number }> {
  const reviewDue = new Date(Date.parse(`${draft.today}T00:00:00Z`) + reviewAfterDays * 86_400_000).toISOString().slice(0, 10);
  const metadata = {
    id: draft.id,
    title: draft.title.trim(),
    locale: draft.locale,
    status: 'draft' as const,
    owner: 'service-team',
    version: 1,
    reviewed_at: draft.today,
    review_due: reviewDue,
    tags: draft.tags,
    url: `${draft.articleBaseUrl.replace(/\/+$/, '')}/${draft.locale}/${draft.id}`,
    translations: {},
  };
  const contentHash = createHash('sha256').update(JSON.stringify(metadata)).update('\n').update(draft.body).digest('hex');
  const [written] = await writeArticleVersions(db, embedder, [{ metadata, body: draft.body, contentHash, changeNote: draft.changeNote }], draft.actor);
  if (!written) throw new Error(`article ${draft.id} was not written`);
  return { articleId: written.articleId, version: written.version };
}

/** The first words of a title as an article id part: lower case, accents folded, joined by hyphens. */
export function articleSlug(title: string, fallback = 'answer'): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .match(/[a-z0-9]+/g);
  return (words ?? [fallback]).slice(0, 8).join('-');
}
