import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../knowledge/curation/article-views.js';
import { saveArticleVersion } from '../../test-support/save-article-version.js';
import { createLocalHashEmbedder } from '../../retrieval/local-hash-embedder.js';
import { articleFixture, type ArticleFixture } from '../../test-support/article-fixture.js';
import { startTestApp, type TestApp } from '../../test-support/start-test-app.js';

const token = 'curation-token-for-tests-0123456789';
const embedder = createLocalHashEmbedder();

interface ApiResponse {
  status: number;
  body: Record<string, unknown> & { error?: { code: string; message: string; issues?: { path: string; message: string }[] } };
}

const body = '## What it costs\n\nA parcel delivery costs €4.95 per parcel.\nParcels arrive within 2 working days.';
// Read-only tests use `curation-read` articles; each test that changes state has its own `curation-write` article.
const fixtures: ArticleFixture[] = [
  { id: 'read-draft', title: 'Draft parcel rules', status: 'draft', tags: ['curation-read'], body },
  { id: 'read-overdue', title: 'Overdue parcel rules', tags: ['curation-read'], reviewedAt: '2020-01-10', reviewDue: '2021-01-10', body },
  { id: 'read-changed', title: 'Changed parcel fee', tags: ['curation-read'], body },
  { id: 'read-changed', title: 'Changed parcel fee', tags: ['curation-read'], status: 'draft', version: 2, body: body.replace('€4.95', '€5.95') },
  { id: 'write-draft', title: 'Draft to approve', status: 'draft', tags: ['curation-write'], body },
  { id: 'write-served', title: 'Served to approve again', tags: ['curation-write'], body },
  { id: 'write-retire', title: 'Served to retire', tags: ['curation-write'], body },
  { id: 'write-untouched', title: 'Never approved by a bad request', status: 'draft', tags: ['curation-write'], body },
];

describe('curation API /api/kb', () => {
  let app: TestApp;
  const call = async (path: string, init: RequestInit & { json?: unknown } = {}, authorization = `Bearer ${token}`): Promise<ApiResponse> => {
    const { json, ...rest } = init;
    const response = await fetch(`${app.baseUrl}${path}`, {
      ...rest,
      headers: {
        ...(authorization === '' ? {} : { authorization }),
        ...(json === undefined ? {} : { 'content-type': 'application/json' }),
        ...(rest.headers as Record<string, string> | undefined),
      },
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
    });
    return { status: response.status, body: (await response.json()) as ApiResponse['body'] };
  };
  const post = (path: string, curator: string | undefined, json?: unknown) =>
    call(path, { method: 'POST', headers: curator === undefined ? {} : { 'x-curator': curator }, json });
  const ids = (response: ApiResponse) => (response.body.articles as ArticleSummary[]).map((article) => article.id);
  const auditOf = (id: string) =>
    app.db.query<{ actor_type: string; actor_id: string; action: string; details: Record<string, unknown> }>(
      "SELECT actor_type, actor_id, action, details FROM audit_log WHERE subject_id = $1 AND action <> 'article.version_saved' ORDER BY id",
      [id],
    );

  beforeAll(async () => {
    app = await startTestApp({ CURATION_API_TOKEN: token });
    for (const fixture of fixtures) {
      await saveArticleVersion(app.db, embedder, articleFixture(fixture), { actor: 'system:test' });
    }
  });
  afterAll(async () => {
    await app.close();
  });

  describe('access', () => {
    it('is switched off, naming the setting, when no token is configured', async () => {
      const disabled = await startTestApp();
      try {
        for (const [method, path] of [
          ['GET', '/api/kb/articles'],
          ['GET', '/api/kb/version'],
          ['POST', '/api/kb/articles/read-draft/approve'],
        ] as const) {
          const response = await fetch(`${disabled.baseUrl}${path}`, {
            method,
            headers: { authorization: `Bearer ${token}`, 'x-curator': 'curator.anna' },
          });
          expect(response.status).toBe(404);
          expect(((await response.json()) as ApiResponse['body']).error).toMatchObject({
            code: 'disabled',
            message: expect.stringContaining('CURATION_API_TOKEN'),
          });
        }
      } finally {
        await disabled.close();
      }
    });

    it.each([
      ['no Authorization header', ''],
      ['a wrong token', `Bearer ${token}x`],
      ['a prefix of the token', `Bearer ${token.slice(0, 24)}`],
      ['another scheme', `Basic ${Buffer.from(`curator:${token}`).toString('base64')}`],
      ['the bare token', token],
    ])('answers 401 to %s', async (_label, authorization) => {
      const response = await call('/api/kb/articles', {}, authorization);
      expect(response.status).toBe(401);
      expect(response.body.error?.code).toBe('unauthorized');
    });

    it('refuses a change without a valid token, and changes nothing', async () => {
      const response = await call(
        '/api/kb/articles/write-untouched/approve',
        { method: 'POST', headers: { 'x-curator': 'curator.anna' } },
        'Bearer wrong-token-wrong-token-wrong',
      );
      expect(response.status).toBe(401);
      expect(await auditOf('write-untouched')).toEqual([]);
    });
  });

  describe('reading', () => {
    it('lists every article, the sample knowledge base included', async () => {
      const response = await call('/api/kb/articles');
      expect(response.status).toBe(200);
      const articles = response.body.articles as ArticleSummary[];
      expect(articles.length).toBeGreaterThan(100);
      expect(articles.map((article) => article.id)).toEqual([...articles.map((article) => article.id)].sort());
    });

    it('filters by tag, status, locale and staleness', async () => {
      expect(ids(await call('/api/kb/articles?tag=curation-read'))).toEqual(['read-changed', 'read-draft', 'read-overdue']);
      expect(ids(await call('/api/kb/articles?tag=curation-read&status=draft'))).toEqual(['read-changed', 'read-draft']);
      expect(ids(await call('/api/kb/articles?tag=curation-read&stale=true'))).toEqual(['read-overdue']);
      expect(ids(await call('/api/kb/articles?tag=curation-read&stale=false'))).toHaveLength(3);

      const dutch = (await call('/api/kb/articles?locale=nl')).body.articles as ArticleSummary[];
      expect(dutch.length).toBeGreaterThan(0);
      expect(dutch.every((article) => article.locale === 'nl')).toBe(true);
      const stale = (await call('/api/kb/articles?stale=true')).body.articles as ArticleSummary[];
      expect(stale.every((article) => article.stale && article.servedVersion !== null)).toBe(true);
    });

    it.each([
      ['an unknown status', '?status=published', 'status'],
      ['an unknown parameter', '?sort=id', '(query)'],
      ['a stale flag that is not true or false', '?stale=yes', 'stale'],
    ])('rejects %s with 400', async (_label, query, path) => {
      const response = await call(`/api/kb/articles${query}`);
      expect(response.status).toBe(400);
      expect(response.body.error?.code).toBe('invalid_request');
      expect(response.body.error?.issues?.map((issue) => issue.path)).toContain(path);
    });

    it('shows one article: its latest version, body and what is served', async () => {
      const response = await call('/api/kb/articles/read-changed');
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        id: 'read-changed',
        latestVersion: 2,
        latestStatus: 'draft',
        servedVersion: 1,
        tags: ['curation-read'],
        url: 'https://help.example/en/read-changed',
      });
      expect(response.body.body).toContain('€5.95');
    });

    it('lists the history of an article, newest first', async () => {
      const response = await call('/api/kb/articles/read-changed/history');
      expect(response.status).toBe(200);
      expect(response.body.versions).toEqual([
        expect.objectContaining({ version: 2, status: 'draft', createdBy: 'system:test', changeNote: 'saved' }),
        expect.objectContaining({ version: 1, status: 'approved', createdBy: 'system:test', changeNote: 'saved' }),
      ]);
    });

    it('diffs two versions', async () => {
      const response = await call('/api/kb/articles/read-changed/diff?from=1&to=2');
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ articleId: 'read-changed', from: 1, to: 2, changedFields: { status: ['approved', 'draft'] } });
      expect(String(response.body.unified).split('\n')).toEqual(
        expect.arrayContaining(['- A parcel delivery costs €4.95 per parcel.', '+ A parcel delivery costs €5.95 per parcel.']),
      );
    });

    it.each([
      ['a missing version', '?from=1'],
      ['a version that is not a number', '?from=one&to=2'],
      ['a version below 1', '?from=0&to=2'],
      ['an unknown parameter', '?from=1&to=2&context=5'],
    ])('rejects a diff with %s with 400', async (_label, query) => {
      const response = await call(`/api/kb/articles/read-changed/diff${query}`);
      expect(response.status).toBe(400);
      expect(response.body.error?.code).toBe('invalid_request');
    });

    it('answers 404 for an unknown article or version', async () => {
      for (const path of [
        '/api/kb/articles/no-such-article',
        '/api/kb/articles/no-such-article/history',
        '/api/kb/articles/no-such-article/diff?from=1&to=2',
        '/api/kb/articles/read-changed/diff?from=1&to=9',
      ]) {
        const response = await call(path);
        expect(response.status, path).toBe(404);
        expect(response.body.error?.code).toBe('not_found');
      }
    });

    it('reports served articles overdue for review, most overdue first', async () => {
      const response = await call('/api/kb/stale');
      expect(response.status).toBe(200);
      const stale = response.body.articles as (ArticleSummary & { daysOverdue: number })[];
      expect(stale.map((article) => article.id)).toContain('read-overdue');
      expect(stale.map((article) => article.id)).not.toContain('read-draft');
      expect(stale.every((article) => article.daysOverdue > 0)).toBe(true);
      const days = stale.map((article) => article.daysOverdue);
      expect(days).toEqual([...days].sort((left, right) => right - left));
    });
  });

  describe('changing', () => {
    it('approves a draft as the curator named in X-Curator, recorded in the audit log', async () => {
      const response = await post('/api/kb/articles/write-draft/approve', 'curator.anna', { note: 'prices checked' });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ id: 'write-draft', version: 2, status: 'approved', kbVersion: expect.stringMatching(/^kb-[0-9a-f]{16}$/) });
      expect(await auditOf('write-draft')).toEqual([
        {
          actor_type: 'expert',
          actor_id: 'curator.anna',
          action: 'article.approved',
          details: { fromVersion: 1, version: 2, status: 'approved', note: 'prices checked' },
        },
      ]);
      expect((await call('/api/kb/articles/write-draft')).body).toMatchObject({ servedVersion: 2 });
    });

    it('answers 409 to approving what is already approved', async () => {
      const response = await post('/api/kb/articles/write-served/approve', 'curator.anna');
      expect(response.status).toBe(409);
      expect(response.body.error).toMatchObject({ code: 'conflict', message: expect.stringContaining('already approved') });
      expect(await auditOf('write-served')).toEqual([]);
    });

    it('retires an article: the knowledge-base version changes, and retiring again is a conflict', async () => {
      const before = (await call('/api/kb/version')).body.kbVersion;
      expect(before).toMatch(/^kb-[0-9a-f]{16}$/);

      const response = await post('/api/kb/articles/write-retire/retire', 'curator.ben', { note: 'service discontinued' });

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ id: 'write-retire', version: 2, status: 'retired' });
      const after = (await call('/api/kb/version')).body.kbVersion;
      expect(after).toBe(response.body.kbVersion);
      expect(after).not.toBe(before);
      expect(await auditOf('write-retire')).toEqual([
        expect.objectContaining({ actor_id: 'curator.ben', action: 'article.retired', details: expect.objectContaining({ note: 'service discontinued' }) }),
      ]);

      const again = await post('/api/kb/articles/write-retire/retire', 'curator.ben');
      expect(again.status).toBe(409);
      expect(again.body.error?.code).toBe('conflict');
    });

    it.each([
      ['no X-Curator header', undefined],
      ['an empty X-Curator header', ''],
      ['a curator posing as the system', 'system:importer'],
      ['a curator name with spaces', 'Anna de Vries'],
    ])('answers 400 to %s, and changes nothing', async (_label, curator) => {
      for (const action of ['approve', 'retire']) {
        const response = await post(`/api/kb/articles/write-untouched/${action}`, curator);
        expect(response.status).toBe(400);
        expect(response.body.error).toMatchObject({ code: 'invalid_request', issues: [{ path: 'X-Curator', message: 'required' }] });
      }
      expect(await auditOf('write-untouched')).toEqual([]);
    });

    it.each([
      ['an unknown field', { note: 'ok', force: true }],
      ['a version that is not a number', { version: '1' }],
      ['a note that is too long', { note: 'x'.repeat(501) }],
    ])('answers 400 to a body with %s, and changes nothing', async (_label, json) => {
      const response = await post('/api/kb/articles/write-untouched/approve', 'curator.anna', json);
      expect(response.status).toBe(400);
      expect(response.body.error?.code).toBe('invalid_request');
      expect(await auditOf('write-untouched')).toEqual([]);
    });

    it('answers 404 to changing an unknown article or version', async () => {
      for (const [path, json] of [
        ['/api/kb/articles/no-such-article/approve', undefined],
        ['/api/kb/articles/no-such-article/retire', undefined],
        ['/api/kb/articles/write-untouched/approve', { version: 9 }],
      ] as const) {
        const response = await post(path, 'curator.anna', json);
        expect(response.status, path).toBe(404);
        expect(response.body.error?.code).toBe('not_found');
      }
    });
  });
});
