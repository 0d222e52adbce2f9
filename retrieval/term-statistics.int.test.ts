import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PgliteDb } from '../db/pglite-db.js';
import { articleFixture } from '../test-support/article-fixture.js';
import { createTestDb } from '../test-support/test-db.js';
import { bm25Score } from './bm25.js';
import { saveArticleVersion } from '../test-support/save-article-version.js';
import { createLocalHashEmbedder } from './local-hash-embedder.js';
import { loadTermStatistics } from './term-statistics.js';
import { createTermStatisticsCache } from './term-statistics-cache.js';

const embedder = createLocalHashEmbedder();

describe('term statistics of the served knowledge base', () => {
  let db: PgliteDb;
  const save = (id: string, body: string, status: 'approved' | 'draft' = 'approved') =>
    saveArticleVersion(db, embedder, articleFixture({ id, title: id.replace(/-/g, ' '), body, status }), { actor: 'system:test' });

  beforeEach(async () => {
    db = await createTestDb();
    await save('overdraft-interest', '## Rates\n\nAn arranged overdraft costs 11.9% interest per year on your account.');
    await save('account-statements', '## Statements\n\nYour account statement is in the app every month.');
    await save('secret-draft', '## Hidden\n\nThe zeppelin account is not launched yet.', 'draft');
  });
  afterEach(async () => {
    await db.close();
  });

  it('corrects a word one edit away from a word the served articles use', async () => {
    const statistics = await loadTermStatistics(db, 'en');
    expect(statistics.correct('how much is an overdarft')).toBe('how much is an overdraft');
    expect(statistics.correct('acount statment')).toBe('account statement');
  });

  it('leaves known words, short words, numbers and words too far away alone', async () => {
    const statistics = await loadTermStatistics(db, 'en');
    expect(statistics.correct('my acc 11.9 xylophone account')).toBe('my acc 11.9 xylophone account');
  });

  it('keeps real words the articles do not use when judging coverage, and still corrects misspellings', async () => {
    const statistics = await loadTermStatistics(db, 'en');
    // "statement" is an article word one edit from "statements"; "overdraw" is a real word one edit from nothing served.
    expect(statistics.correctMisspellings('acount statment')).toBe('account statement');
    expect(statistics.correct('how much interst')).toBe('how much interest');
    expect(statistics.correct('interests')).toBe('interest');
    expect(statistics.correctMisspellings('interests')).toBe('interests');
  });

  it('learns only from serving chunks of the locale', async () => {
    const statistics = await loadTermStatistics(db, 'en');
    expect(statistics.documentCount).toBe(2);
    expect(statistics.correct('zepelin')).toBe('zepelin');
    expect(statistics.documentFrequency('account')).toBe(2);
    expect(statistics.documentFrequency('overdraft')).toBe(1);
  });

  it('ranks a rare matching word above a common one with BM25', async () => {
    const statistics = await loadTermStatistics(db, 'en');
    const overdraft = bm25Score(['overdraft', 'account'], 'An arranged overdraft costs interest on your account.', 'en', statistics);
    const statement = bm25Score(['overdraft', 'account'], 'Your account statement is in the app.', 'en', statistics);
    expect(overdraft).toBeGreaterThan(statement);
    expect(bm25Score(['zebra'], 'Your account statement.', 'en', statistics)).toBe(0);
  });

  it('is rebuilt by the cache when the served knowledge base changes', async () => {
    const statisticsFor = createTermStatisticsCache(db);
    expect((await statisticsFor('en')).documentCount).toBe(2);
    expect(await statisticsFor('en')).toBe(await statisticsFor('en'));
    await save('mortgage-basics', '## Mortgage\n\nA mortgage runs for up to 30 years.');
    expect((await statisticsFor('en')).documentCount).toBe(3);
  });
});
