import type { ArticleStatus } from '../article-front-matter.js';

/** One article as curators see it: its latest version, and what (if anything) is served. */
export interface ArticleSummary {
  id: string;
  locale: string;
  title: string;
  owner: string;
  tags: string[];
  latestVersion: number;
  latestStatus: ArticleStatus;
  /** The version customers get answers from, or null when none is served. */
  servedVersion: number | null;
  reviewDue: string | null;
  validUntil: string | null;
  /** Served but past its review date: still answered from, reported for review. */
  stale: boolean;
  /** Approved but past `valid_until`: never served. */
  expired: boolean;
  source: string | null;
}

export interface ArticleVersionEntry {
  version: number;
  status: ArticleStatus;
  title: string;
  contentHash: string;
  createdBy: string;
  createdAt: string;
  changeNote: string | null;
}

export interface ArticleDetail extends ArticleSummary {
  url: string | null;
  translations: Record<string, string>;
  reviewedAt: string | null;
  body: string;
}
