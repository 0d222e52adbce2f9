import { parseArticleMarkdown, type ParsedArticle } from '../knowledge/parse-article-markdown.js';

export interface ArticleFixture {
  id: string;
  title: string;
  body: string;
  status?: 'draft' | 'in_review' | 'approved' | 'retired';
  locale?: 'en' | 'nl';
  version?: number;
  validUntil?: string;
  /** YYYY-MM-DD; 2026-01-10 unless given. */
  reviewedAt?: string;
  /** YYYY-MM-DD; 2027-01-10 unless given. Must not be before `reviewedAt`. */
  reviewDue?: string;
  /** `[test]` unless given. */
  tags?: readonly string[];
  /** `test-team` unless given. */
  owner?: string;
}

/** Builds a parsed article the way a curator's markdown file would produce it. */
export function articleFixture(fixture: ArticleFixture): ParsedArticle {
  const locale = fixture.locale ?? 'en';
  const lines = [
    '---',
    `id: ${fixture.id}`,
    `title: ${fixture.title}`,
    `locale: ${locale}`,
    `status: ${fixture.status ?? 'approved'}`,
    `owner: ${fixture.owner ?? 'test-team'}`,
    `version: ${fixture.version ?? 1}`,
    `reviewed_at: ${fixture.reviewedAt ?? '2026-01-10'}`,
    `review_due: ${fixture.reviewDue ?? '2027-01-10'}`,
    ...(fixture.validUntil ? [`valid_until: ${fixture.validUntil}`] : []),
    `tags: [${(fixture.tags ?? ['test']).join(', ')}]`,
    `url: https://help.example/${locale}/${fixture.id}`,
    '---',
    '',
    `# ${fixture.title}`,
    '',
    fixture.body,
  ];
  return parseArticleMarkdown(lines.join('\n'));
}
