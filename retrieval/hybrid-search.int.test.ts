import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PgliteDb } from '../db/pglite-db.js';
import { articleFixture, type ArticleFixture } from '../test-support/article-fixture.js';
import { createTestDb } from '../test-support/test-db.js';
import { hybridSearch, type HybridSearchOptions } from './hybrid-search.js';
import { saveArticleVersion } from '../test-support/save-article-version.js';
import { createLocalHashEmbedder } from './local-hash-embedder.js';

const embedder = createLocalHashEmbedder();

const fixtures: ArticleFixture[] = [
  {
    id: 'parcel-fee',
    title: 'Parcel delivery fee',
    tags: ['parcels', 'fees'],
    body: [
      '## Standard parcels\n\nA standard parcel delivery costs €4.95 per parcel.',
      '## Heavy parcels\n\nA parcel heavier than 10 kg costs €9.95 to deliver.',
      '## Parcels abroad\n\nA parcel delivered abroad costs €14.50 per parcel.',
      '## Evening parcels\n\nA parcel delivered in the evening costs €2.00 extra.',
      '## Parcel returns\n\nReturning a parcel costs €4.95, the same as sending one.',
    ].join('\n\n'),
  },
  {
    id: 'letter-fee',
    title: 'Letter postage',
    tags: ['letters', 'fees'],
    body: '## What it costs\n\nA letter costs €1.10 to send within the country; registered letters cost €9.50.',
  },
  {
    id: 'parcel-insurance',
    title: 'Parcel insurance',
    tags: ['parcels', 'insurance'],
    body: '## Insurance claims\n\nAn insured parcel that is lost or damaged is refunded up to €500 after a claim.',
  },
  {
    id: 'pakketkosten',
    title: 'Kosten pakketbezorging',
    locale: 'nl',
    tags: ['pakketten'],
    body: '## Kosten\n\nEen pakket bezorgen kost €4,95 per pakket. Een zwaar pakket kost €9,95.',
  },
];

describe('hybridSearch', () => {
  let db: PgliteDb;
  const search = (options: HybridSearchOptions) => hybridSearch(db, embedder, options);
  const articleIds = (chunks: { articleId: string }[]) => [...new Set(chunks.map((chunk) => chunk.articleId))].sort();

  // Searching never writes, so one database serves every test.
  beforeAll(async () => {
    db = await createTestDb();
    for (const fixture of fixtures) await saveArticleVersion(db, embedder, articleFixture(fixture), { actor: 'system:test' });
  });
  afterAll(async () => {
    await db.close();
  });

  describe('tags', () => {
    it('returns only articles carrying a given tag', async () => {
      const found = await search({ query: 'How much does it cost to send a parcel or a letter?', locale: 'en', tags: ['letters'], limit: 10 });
      expect(articleIds(found)).toEqual(['letter-fee']);
    });

    it('returns articles carrying any of several tags', async () => {
      const found = await search({ query: 'parcel letter insurance cost', locale: 'en', tags: ['letters', 'insurance'], limit: 10 });
      expect(articleIds(found)).toEqual(['letter-fee', 'parcel-insurance']);
    });

    it('does not filter with an empty tag list', async () => {
      const found = await search({ query: 'parcel letter insurance cost', locale: 'en', tags: [], limit: 10 });
      expect(articleIds(found)).toEqual(['letter-fee', 'parcel-fee', 'parcel-insurance']);
    });

    it('returns nothing for a tag no article carries', async () => {
      expect(await search({ query: 'parcel cost', locale: 'en', tags: ['no-such-tag'] })).toEqual([]);
    });
  });

  describe('chunks per article', () => {
    const query = 'How much does a parcel delivery cost?';

    it('returns at most three chunks of one article by default', async () => {
      const found = await search({ query, locale: 'en', limit: 10 });
      expect(found.filter((chunk) => chunk.articleId === 'parcel-fee')).toHaveLength(3);
    });

    it.each([1, 2, 5])('returns at most %i chunks of one article when asked', async (maxChunksPerArticle) => {
      const found = await search({ query, locale: 'en', limit: 10, maxChunksPerArticle });
      const perArticle = new Map<string, number>();
      for (const chunk of found) perArticle.set(chunk.articleId, (perArticle.get(chunk.articleId) ?? 0) + 1);
      expect(Math.max(...perArticle.values())).toBeLessThanOrEqual(maxChunksPerArticle);
      expect(perArticle.get('parcel-fee')).toBe(maxChunksPerArticle);
    });

    it('fills the limit with other articles instead', async () => {
      const found = await search({ query, locale: 'en', limit: 3, maxChunksPerArticle: 1 });
      expect(found).toHaveLength(3);
      expect(new Set(found.map((chunk) => chunk.articleId)).size).toBe(3);
    });

    it('returns at most `limit` chunks', async () => {
      expect(await search({ query, locale: 'en', limit: 2 })).toHaveLength(2);
    });
  });

  describe('locales', () => {
    it('searches only the asked locale', async () => {
      const english = await search({ query: 'parcel delivery cost pakket', locale: 'en', limit: 10 });
      expect(english.length).toBeGreaterThan(0);
      expect(english.every((chunk) => chunk.locale === 'en' && !chunk.fallback)).toBe(true);

      const dutch = await search({ query: 'Wat kost een pakket bezorgen?', locale: 'nl', limit: 10 });
      expect(articleIds(dutch)).toEqual(['pakketkosten']);
      expect(dutch.every((chunk) => chunk.locale === 'nl' && !chunk.fallback)).toBe(true);
    });

    it('returns nothing for a locale without articles', async () => {
      expect(await search({ query: 'parcel delivery cost', locale: 'de' })).toEqual([]);
    });

    it('falls back to another locale, flagged, when no article in the asked one matches the words', async () => {
      // Dutch, but the words that matter only occur in an English article.
      const found = await search({ query: 'Hoe werkt een insurance claim voor mijn parcel?', locale: 'nl', fallbackLocale: 'en', limit: 10 });
      expect(found.length).toBeGreaterThan(0);
      expect(found.every((chunk) => chunk.locale === 'en' && chunk.fallback)).toBe(true);
      expect(found[0]?.articleId).toBe('parcel-insurance');
    });

    it('does not fall back when an article in the asked locale matches the words', async () => {
      const found = await search({ query: 'Hoeveel kost een pakket?', locale: 'nl', fallbackLocale: 'en', limit: 10 });
      expect(found.length).toBeGreaterThan(0);
      expect(found.every((chunk) => chunk.locale === 'nl' && !chunk.fallback)).toBe(true);
      expect(found.some((chunk) => chunk.textRank > 0)).toBe(true);
    });

    it('does not fall back without a fallback locale', async () => {
      const found = await search({ query: 'parcel insurance claim', locale: 'nl', limit: 10 });
      expect(found.every((chunk) => chunk.locale === 'nl' && !chunk.fallback && chunk.textRank === 0)).toBe(true);
    });

    it('keeps the asked locale when the fallback locale does not match the words either', async () => {
      const found = await search({ query: 'xylophone zeppelin', locale: 'nl', fallbackLocale: 'en', limit: 10 });
      expect(found.every((chunk) => chunk.locale === 'nl' && !chunk.fallback)).toBe(true);
    });
  });

  describe('scores', () => {
    it('exposes vector similarity and text rank between 0 and 1, and sorts by the fused score', async () => {
      const found = await search({ query: 'What does a heavy parcel cost to deliver?', locale: 'en', limit: 10 });
      expect(found.length).toBeGreaterThan(3);
      for (const chunk of found) {
        expect(chunk.vectorSimilarity).toBeGreaterThanOrEqual(0);
        expect(chunk.vectorSimilarity).toBeLessThanOrEqual(1);
        expect(chunk.textRank).toBeGreaterThanOrEqual(0);
        expect(chunk.textRank).toBeLessThanOrEqual(1);
        // Reciprocal rank fusion: at most 1/61 from each of the two searches.
        expect(chunk.score).toBeGreaterThan(0);
        expect(chunk.score).toBeLessThanOrEqual(2 / 61);
      }
      const scores = found.map((chunk) => chunk.score);
      expect(scores).toEqual([...scores].sort((left, right) => right - left));
      expect(found[0]).toMatchObject({ articleId: 'parcel-fee', heading: 'Parcel delivery fee › Heavy parcels' });
      expect(found[0]?.vectorSimilarity).toBeGreaterThan(0);
      expect(found[0]?.textRank).toBeGreaterThan(0);
    });

    it('describes each chunk with its article, version, title, url and heading', async () => {
      const [top] = await search({ query: 'registered letter postage', locale: 'en' });
      expect(top).toMatchObject({
        chunkId: 'letter-fee@1#0',
        articleId: 'letter-fee',
        articleVersion: 1,
        locale: 'en',
        fallback: false,
        title: 'Letter postage',
        url: 'https://help.example/en/letter-fee',
        heading: 'Letter postage › What it costs',
      });
      expect(top?.text).toContain('€9.50');
    });
  });
});
