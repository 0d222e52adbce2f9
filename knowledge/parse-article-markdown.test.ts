import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ArticleFormatError, parseArticleMarkdown } from './parse-article-markdown.js';

const validFrontMatter = {
  id: 'card-lost-or-stolen',
  title: 'Report a lost or stolen card',
  locale: 'en',
  status: 'approved',
  owner: 'cards-team',
  version: 3,
  reviewed_at: '2026-09-14',
  review_due: '2027-03-14',
  tags: ['cards', 'fraud'],
  url: 'https://help.lumenbank.example/en/cards/card-lost-or-stolen',
};

const validBody = `# Report a lost or stolen card

If your card is lost or stolen, block it in the app as soon as possible.
`;

function article(frontMatter: Record<string, unknown> = {}, body = validBody): string {
  return `---\n${stringify({ ...validFrontMatter, ...frontMatter })}---\n\n${body}`;
}

function formatErrorOf(source: string): ArticleFormatError {
  try {
    parseArticleMarkdown(source);
  } catch (error) {
    if (error instanceof ArticleFormatError) return error;
    throw error;
  }
  throw new Error('expected the article to be rejected');
}

describe('parseArticleMarkdown', () => {
  it('parses a valid article into front matter, trimmed body and content hash', () => {
    const parsed = parseArticleMarkdown(article());
    expect(parsed.frontMatter).toEqual({ ...validFrontMatter, translations: {} });
    expect(parsed.body).toBe(validBody.trim());
    expect(parsed.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('fills defaults for tags and translations and accepts optional fields', () => {
    const { tags: _tags, ...withoutTags } = validFrontMatter;
    const source = `---\n${stringify({ ...withoutTags, valid_until: '2027-01-01', translations: { nl: 'kaart-kwijt' } })}---\n${validBody}`;
    expect(parseArticleMarkdown(source).frontMatter).toMatchObject({
      tags: [],
      valid_until: '2027-01-01',
      translations: { nl: 'kaart-kwijt' },
    });
  });

  it('accepts a byte-order mark and Windows line endings', () => {
    const source = `\uFEFF${article().replace(/\n/g, '\r\n')}`;
    expect(parseArticleMarkdown(source).frontMatter.id).toBe('card-lost-or-stolen');
  });

  it('rejects a file without front matter', () => {
    expect(formatErrorOf(validBody).message).toBe('missing front matter: the file must start with a --- block');
  });

  it('rejects front matter that is not valid YAML', () => {
    const error = formatErrorOf(`---\nid: card\ntitle: [unclosed\n---\n${validBody}`);
    expect(error.message).toMatch(/^front matter is not valid YAML: /);
  });

  it('rejects front matter longer than 4,000 characters before the YAML parser spends seconds on it (found by bench/fuzz)', () => {
    const started = performance.now();
    const error = formatErrorOf(`---\nid: card\n${'}'.repeat(90_000)}\n---\n${validBody}`);
    expect(error.message).toBe("front matter is longer than 4000 characters: it holds only the article's metadata");
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('rejects an article whose body is empty', () => {
    expect(formatErrorOf(article({}, '\n# Title\n')).message).toBe('the article body is empty');
  });

  it.each([
    ['id', { id: 'Card_Lost' }],
    ['status', { status: 'published' }],
    ['locale', { locale: 'de' }],
    ['version', { version: 0 }],
    ['url', { url: 'ftp://help.lumenbank.example/card' }],
    ['reviewed_at', { reviewed_at: '14-09-2026' }],
    ['review_due', { review_due: '2025-01-01' }],
  ])('names the bad field %s in the error', (field, frontMatter) => {
    const error = formatErrorOf(article(frontMatter));
    expect(error.message).toMatch(/^invalid front matter: /);
    expect(error.message).toContain(`${field}: `);
  });

  it('says what a valid id and date look like', () => {
    expect(formatErrorOf(article({ id: 'Card_Lost' })).message).toContain('id: must be lowercase kebab-case');
    expect(formatErrorOf(article({ reviewed_at: '14-09-2026' })).message).toContain(
      'reviewed_at: must be a date written YYYY-MM-DD',
    );
  });

  it('rejects a review due before the article was reviewed', () => {
    expect(formatErrorOf(article({ reviewed_at: '2026-09-14', review_due: '2026-09-13' })).message).toContain(
      'review_due: review_due must not be before reviewed_at',
    );
  });

  it('rejects a month that does not exist', () => {
    expect(formatErrorOf(article({ review_due: '2027-13-01' })).message).toContain(
      'review_due: must be a real calendar date',
    );
  });

  // Bug: Date.parse rolls "2026-02-30" over to 2 March instead of returning NaN, so impossible days pass.
  it('rejects a day that does not exist in its month, such as 2026-02-30', () => {
    expect(formatErrorOf(article({ reviewed_at: '2026-02-30' })).message).toContain(
      'reviewed_at: must be a real calendar date',
    );
  });

  it('names an unknown key in the error', () => {
    const error = formatErrorOf(article({ reviewer: 'someone' }));
    expect(error.message).toBe('invalid front matter: front matter: Unrecognized key: "reviewer"');
  });

  it('names a missing required field in the error', () => {
    const { owner: _owner, ...withoutOwner } = validFrontMatter;
    const error = formatErrorOf(`---\n${stringify(withoutOwner)}---\n${validBody}`);
    expect(error.message).toContain('owner: ');
  });

  describe('content hash', () => {
    it('is the same for the same article', () => {
      expect(parseArticleMarkdown(article()).contentHash).toBe(parseArticleMarkdown(article()).contentHash);
    });

    it('ignores whitespace around the body', () => {
      expect(parseArticleMarkdown(article({}, `\n\n${validBody}\n\n`)).contentHash).toBe(
        parseArticleMarkdown(article()).contentHash,
      );
    });

    it('changes when the body changes', () => {
      const changed = article({}, validBody.replace('as soon as possible', 'straight away'));
      expect(parseArticleMarkdown(changed).contentHash).not.toBe(parseArticleMarkdown(article()).contentHash);
    });

    it('changes when the front matter changes', () => {
      expect(parseArticleMarkdown(article({ version: 4 })).contentHash).not.toBe(
        parseArticleMarkdown(article()).contentHash,
      );
    });
  });
});
