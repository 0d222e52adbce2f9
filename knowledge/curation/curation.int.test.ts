import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError } from '../../bot/errors/not-found-error.js';
import type { PgliteDb } from '../../db/pglite-db.js';
import { hybridSearch } from '../../retrieval/hybrid-search.js';
import { knowledgeBaseVersion } from '../../retrieval/knowledge-store.js';
import { saveArticleVersion } from '../../test-support/save-article-version.js';
import { createLocalHashEmbedder } from '../../retrieval/local-hash-embedder.js';
import { articleFixture, type ArticleFixture } from '../../test-support/article-fixture.js';
import { createTestDb } from '../../test-support/test-db.js';
import { approveArticle, diffArticleVersions, retireArticle } from './curation-actions.js';
import { CurationConflictError } from './curation-conflict-error.js';
import { articleHistory, getArticle, listArticles, staleReport } from './curation-queries.js';
import { expectServingFlagsConsistent } from '../../test-support/expect-serving-flags-consistent.js';

const embedder = createLocalHashEmbedder();
// The date curators look at; served-ness itself follows the database clock, so
// every validity date below is far from both.
const today = '2026-11-22';

const parcelFee: ArticleFixture = {
  id: 'parcel-fee',
  title: 'Parcel delivery fee',
  body: '## What it costs\n\nA parcel delivery costs €4.95 per parcel.\nParcels arrive within 2 working days.',
};

describe('curation', () => {
  let db: PgliteDb;
  const save = (fixture: ArticleFixture, changeNote?: string) =>
    saveArticleVersion(db, embedder, articleFixture(fixture), {
      actor: 'system:test',
      ...(changeNote === undefined ? {} : { changeNote }),
    });
  const served = () =>
    db.query<{ article_id: string; version: number }>('SELECT article_id, version FROM served_article_versions ORDER BY article_id');
  const searchParcels = () => hybridSearch(db, embedder, { query: 'How much is the parcel delivery fee?', locale: 'en' });
  const auditOf = (id: string) =>
    db.query<{ actor_type: string; actor_id: string; action: string; details: Record<string, unknown> }>(
      "SELECT actor_type, actor_id, action, details FROM audit_log WHERE subject_type = 'article' AND subject_id = $1 ORDER BY id",
      [id],
    );

  beforeEach(async () => {
    db = await createTestDb();
  });
  afterEach(async () => {
    await expectServingFlagsConsistent(db);
    await db.close();
  });

  describe('approveArticle', () => {
    it('serves an approved draft as a new version and changes the knowledge-base version', async () => {
      await save({ ...parcelFee, status: 'draft' });
      const before = await knowledgeBaseVersion(db);
      expect(await served()).toEqual([]);
      expect(await searchParcels()).toEqual([]);

      const version = await approveArticle(db, 'parcel-fee', { actor: 'curator.anna' });

      expect(version).toBe(2);
      expect(await served()).toEqual([{ article_id: 'parcel-fee', version: 2 }]);
      const found = await searchParcels();
      expect(found.map((chunk) => [chunk.articleId, chunk.articleVersion])).toContainEqual(['parcel-fee', 2]);
      expect(await knowledgeBaseVersion(db)).not.toBe(before);
    });

    it('refuses to approve what is already approved, and writes nothing', async () => {
      await save(parcelFee);
      const error = await approveArticle(db, 'parcel-fee', { actor: 'curator.anna' }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(CurationConflictError);
      expect((error as Error).message).toContain('already approved');
      expect(await articleHistory(db, 'parcel-fee')).toHaveLength(1);
    });

    it('approves a given older version: its content is served again', async () => {
      await save(parcelFee);
      await save({ ...parcelFee, version: 2, body: parcelFee.body.replace('€4.95', '€9.95') });
      expect((await searchParcels())[0]?.text).toContain('€9.95');

      const version = await approveArticle(db, 'parcel-fee', { actor: 'curator.anna', version: 1, note: 'price rise postponed' });

      expect(version).toBe(3);
      expect(await served()).toEqual([{ article_id: 'parcel-fee', version: 3 }]);
      const [top] = await searchParcels();
      expect(top).toMatchObject({ articleId: 'parcel-fee', articleVersion: 3 });
      expect(top?.text).toContain('€4.95');
      expect((await articleHistory(db, 'parcel-fee'))[0]).toMatchObject({ version: 3, status: 'approved', changeNote: 'price rise postponed' });
    });

    it('approves the latest version, here a pending draft, when no version is given', async () => {
      await save(parcelFee);
      await save({ ...parcelFee, version: 2, status: 'draft', body: `${parcelFee.body}\nDraft sentence.` });
      expect(await approveArticle(db, 'parcel-fee', { actor: 'curator.anna' })).toBe(3);
      const [row] = await db.query<{ body: string }>("SELECT body FROM served_article_versions WHERE article_id = 'parcel-fee'");
      expect(row?.body).toContain('Draft sentence.');
    });

    it('reports an unknown article or version as not found', async () => {
      await save(parcelFee);
      await expect(approveArticle(db, 'no-such-article', { actor: 'curator.anna' })).rejects.toBeInstanceOf(NotFoundError);
      await expect(approveArticle(db, 'parcel-fee', { actor: 'curator.anna', version: 7 })).rejects.toMatchObject({
        name: 'NotFoundError',
        resource: 'article version',
        id: 'parcel-fee@7',
      });
    });
  });

  describe('retireArticle', () => {
    it('stops serving an article and changes the knowledge-base version; retiring again is a conflict', async () => {
      await save(parcelFee);
      const before = await knowledgeBaseVersion(db);
      expect(await searchParcels()).not.toEqual([]);

      expect(await retireArticle(db, 'parcel-fee', { actor: 'curator.anna' })).toBe(2);

      expect(await served()).toEqual([]);
      expect(await searchParcels()).toEqual([]);
      expect(await knowledgeBaseVersion(db)).not.toBe(before);
      await expect(retireArticle(db, 'parcel-fee', { actor: 'curator.anna' })).rejects.toBeInstanceOf(CurationConflictError);
      expect(await articleHistory(db, 'parcel-fee')).toHaveLength(2);
    });

    it('serves a retired article again once a version is approved', async () => {
      await save(parcelFee);
      await retireArticle(db, 'parcel-fee', { actor: 'curator.anna' });
      expect(await approveArticle(db, 'parcel-fee', { actor: 'curator.anna' })).toBe(3);
      expect(await served()).toEqual([{ article_id: 'parcel-fee', version: 3 }]);
    });

    it('reports an unknown article as not found', async () => {
      await expect(retireArticle(db, 'no-such-article', { actor: 'curator.anna' })).rejects.toMatchObject({
        name: 'NotFoundError',
        resource: 'article',
        id: 'no-such-article',
      });
    });
  });

  it('records every action in the audit log with the actor and the action', async () => {
    await save({ ...parcelFee, status: 'draft' });
    await approveArticle(db, 'parcel-fee', { actor: 'curator.anna', note: 'checked with finance' });
    await retireArticle(db, 'parcel-fee', { actor: 'system:cleanup' });

    expect(await auditOf('parcel-fee')).toEqual([
      expect.objectContaining({ actor_id: 'system:test', action: 'article.version_saved' }),
      {
        actor_type: 'expert',
        actor_id: 'curator.anna',
        action: 'article.approved',
        details: { fromVersion: 1, version: 2, status: 'approved', note: 'checked with finance' },
      },
      {
        actor_type: 'system',
        actor_id: 'system:cleanup',
        action: 'article.retired',
        details: { fromVersion: 2, version: 3, status: 'retired', note: 'retired' },
      },
    ]);
  });

  it('writes no audit entry for a refused action', async () => {
    await save(parcelFee);
    await approveArticle(db, 'parcel-fee', { actor: 'curator.anna' }).catch(() => undefined);
    expect((await auditOf('parcel-fee')).map((entry) => entry.action)).toEqual(['article.version_saved']);
  });

  describe('articleHistory', () => {
    it('lists every version newest first, with who made it and why', async () => {
      await save(parcelFee);
      await save({ ...parcelFee, version: 2, status: 'draft', body: `${parcelFee.body}\nNew sentence.` }, 'added a sentence');
      await approveArticle(db, 'parcel-fee', { actor: 'curator.anna', note: 'looks right' });

      const history = await articleHistory(db, 'parcel-fee');

      expect(history.map(({ version, status, createdBy, changeNote }) => ({ version, status, createdBy, changeNote }))).toEqual([
        { version: 3, status: 'approved', createdBy: 'curator.anna', changeNote: 'looks right' },
        { version: 2, status: 'draft', createdBy: 'system:test', changeNote: 'added a sentence' },
        { version: 1, status: 'approved', createdBy: 'system:test', changeNote: 'saved' },
      ]);
      expect(history[0]?.title).toBe('Parcel delivery fee');
      expect(history[0]?.contentHash).toBe(history[1]?.contentHash);
      expect(history[1]?.contentHash).not.toBe(history[2]?.contentHash);
      for (const entry of history) expect(new Date(entry.createdAt).toISOString()).toBe(entry.createdAt);
    });

    it('reports an unknown article as not found', async () => {
      await expect(articleHistory(db, 'no-such-article')).rejects.toBeInstanceOf(NotFoundError);
    });
  });

  describe('diffArticleVersions', () => {
    it('reports changed metadata fields and added and removed body lines', async () => {
      await save(parcelFee);
      await save({
        ...parcelFee,
        version: 2,
        status: 'draft',
        title: 'Parcel delivery fees',
        tags: ['parcels', 'fees'],
        reviewDue: '2027-06-30',
        body: parcelFee.body.replace('€4.95', '€5.95'),
      });

      const diff = await diffArticleVersions(db, 'parcel-fee', 1, 2);

      expect(diff).toMatchObject({ articleId: 'parcel-fee', from: 1, to: 2 });
      expect(diff.changedFields).toEqual({
        title: ['Parcel delivery fee', 'Parcel delivery fees'],
        status: ['approved', 'draft'],
        review_due: ['2027-01-10', '2027-06-30'],
        tags: [['test'], ['parcels', 'fees']],
      });
      expect(diff.lines.filter((line) => line.kind !== 'same')).toEqual([
        { kind: 'removed', text: '# Parcel delivery fee' },
        { kind: 'added', text: '# Parcel delivery fees' },
        { kind: 'removed', text: 'A parcel delivery costs €4.95 per parcel.' },
        { kind: 'added', text: 'A parcel delivery costs €5.95 per parcel.' },
      ]);
      expect(diff.unified.split('\n')).toContain('- A parcel delivery costs €4.95 per parcel.');
      expect(diff.unified.split('\n')).toContain('+ A parcel delivery costs €5.95 per parcel.');
      expect(diff.unified.split('\n')).toContain('  Parcels arrive within 2 working days.');
    });

    it('reports only the status between a version and its approval', async () => {
      await save({ ...parcelFee, status: 'draft' });
      await approveArticle(db, 'parcel-fee', { actor: 'curator.anna' });
      const diff = await diffArticleVersions(db, 'parcel-fee', 1, 2);
      expect(diff.changedFields).toEqual({ status: ['draft', 'approved'] });
      expect(diff.lines.every((line) => line.kind === 'same')).toBe(true);
      expect(diff.unified).toBe('');
    });

    it('reports a version that does not exist as not found', async () => {
      await save(parcelFee);
      await expect(diffArticleVersions(db, 'parcel-fee', 1, 4)).rejects.toMatchObject({ name: 'NotFoundError', id: 'parcel-fee@4' });
      await expect(diffArticleVersions(db, 'no-such-article', 1, 2)).rejects.toBeInstanceOf(NotFoundError);
    });
  });

  describe('staleReport', () => {
    it('lists served articles past their review date, most overdue first, without drafts or retired ones', async () => {
      await save({ ...parcelFee, id: 'overdue-three-weeks', reviewDue: '2026-11-01' });
      await save({ ...parcelFee, id: 'overdue-since-june', reviewDue: '2026-06-01' });
      await save({ ...parcelFee, id: 'due-next-year', reviewDue: '2027-01-10' });
      await save({ ...parcelFee, id: 'due-today', reviewDue: today });
      await save({ ...parcelFee, id: 'overdue-draft', status: 'draft', reviewedAt: '2025-01-01', reviewDue: '2026-01-01' });
      await save({ ...parcelFee, id: 'overdue-retired', reviewedAt: '2025-01-01', reviewDue: '2026-01-01' });
      await retireArticle(db, 'overdue-retired', { actor: 'curator.anna' });

      const stale = await staleReport(db, today);

      expect(stale.map(({ id, reviewDue, daysOverdue, stale: isStale }) => ({ id, reviewDue, daysOverdue, isStale }))).toEqual([
        { id: 'overdue-since-june', reviewDue: '2026-06-01', daysOverdue: 174, isStale: true },
        { id: 'overdue-three-weeks', reviewDue: '2026-11-01', daysOverdue: 21, isStale: true },
      ]);
      expect(stale[0]).toMatchObject({ owner: 'test-team', servedVersion: 1, latestStatus: 'approved' });
    });

    it('counts the days overdue of the served version while a newer draft is pending', async () => {
      await save({ ...parcelFee, reviewDue: '2026-06-01' });
      await save({ ...parcelFee, version: 2, status: 'draft', reviewedAt: '2026-11-20', reviewDue: '2027-11-20', body: `${parcelFee.body}\nNew.` });
      const [entry] = await staleReport(db, today);
      expect(entry).toMatchObject({ id: 'parcel-fee', servedVersion: 1, daysOverdue: 174 });
    });
  });

  describe('listArticles', () => {
    beforeEach(async () => {
      await save({ ...parcelFee, tags: ['parcels', 'fees'] });
      await save({ ...parcelFee, id: 'letter-fee', title: 'Letter postage', status: 'draft', tags: ['letters', 'fees'] });
      await save({ ...parcelFee, id: 'old-parcel-offer', title: 'Old parcel offer', validUntil: '2020-12-31', tags: ['parcels'] });
      await save({ ...parcelFee, id: 'overdue-parcel-rules', title: 'Parcel rules', reviewedAt: '2025-01-01', reviewDue: '2026-01-01' });
      await save({
        ...parcelFee,
        id: 'pakketkosten',
        locale: 'nl',
        title: 'Kosten pakketbezorging',
        tags: ['pakketten'],
        body: '## Kosten\n\nEen pakket bezorgen kost €4,95 per pakket.',
      });
    });
    const ids = async (filter: Parameters<typeof listArticles>[2]) => (await listArticles(db, today, filter)).map((article) => article.id);

    it('lists every article by id with its latest and served versions', async () => {
      const articles = await listArticles(db, today);
      expect(articles.map((article) => article.id)).toEqual([
        'letter-fee',
        'old-parcel-offer',
        'overdue-parcel-rules',
        'pakketkosten',
        'parcel-fee',
      ]);
      expect(articles.find((article) => article.id === 'letter-fee')).toMatchObject({
        latestVersion: 1,
        latestStatus: 'draft',
        servedVersion: null,
        stale: false,
        expired: false,
      });
      expect(articles.find((article) => article.id === 'parcel-fee')).toEqual({
        id: 'parcel-fee',
        locale: 'en',
        title: 'Parcel delivery fee',
        owner: 'test-team',
        tags: ['parcels', 'fees'],
        latestVersion: 1,
        latestStatus: 'approved',
        servedVersion: 1,
        reviewDue: '2027-01-10',
        validUntil: null,
        stale: false,
        expired: false,
        source: null,
      });
    });

    it('flags an approved article past its validity as expired and not served', async () => {
      const articles = await listArticles(db, today);
      expect(articles.filter((article) => article.expired).map((article) => article.id)).toEqual(['old-parcel-offer']);
      expect(articles.find((article) => article.expired)).toMatchObject({ id: 'old-parcel-offer', validUntil: '2020-12-31', servedVersion: null, stale: false });
    });

    it('filters by status, locale, tag and staleness, alone and together', async () => {
      expect(await ids({ status: 'draft' })).toEqual(['letter-fee']);
      expect(await ids({ locale: 'nl' })).toEqual(['pakketkosten']);
      expect(await ids({ tag: 'fees' })).toEqual(['letter-fee', 'parcel-fee']);
      expect(await ids({ stale: true })).toEqual(['overdue-parcel-rules']);
      expect(await ids({ tag: 'fees', status: 'approved' })).toEqual(['parcel-fee']);
      expect(await ids({ locale: 'nl', tag: 'fees' })).toEqual([]);
    });

    it('filters on the latest status: a retired article is listed as retired', async () => {
      await retireArticle(db, 'parcel-fee', { actor: 'curator.anna' });
      expect(await ids({ status: 'retired' })).toEqual(['parcel-fee']);
      expect(await ids({ status: 'approved', tag: 'fees' })).toEqual([]);
    });
  });

  describe('getArticle', () => {
    it('shows the latest version with its body and what is served', async () => {
      await save(parcelFee);
      await save({ ...parcelFee, version: 2, status: 'draft', body: `${parcelFee.body}\nDraft sentence.` });
      const article = await getArticle(db, 'parcel-fee', today);
      expect(article).toMatchObject({
        id: 'parcel-fee',
        latestVersion: 2,
        latestStatus: 'draft',
        servedVersion: 1,
        url: 'https://help.example/en/parcel-fee',
        reviewedAt: '2026-01-10',
        translations: {},
      });
      expect(article.body).toContain('Draft sentence.');
    });

    it('reports an unknown article as not found', async () => {
      await expect(getArticle(db, 'no-such-article', today)).rejects.toBeInstanceOf(NotFoundError);
    });
  });
});
