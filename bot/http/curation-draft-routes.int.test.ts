import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalHashEmbedder } from '../../retrieval/local-hash-embedder.js';
import { articleFixture } from '../../test-support/article-fixture.js';
import { createStaffUser, signIn, type ConsoleSession } from '../../test-support/console-session.js';
import { saveArticleVersion } from '../../test-support/save-article-version.js';
import { startTestApp, type TestApp } from '../../test-support/start-test-app.js';

const token = 'curation-token-for-drafts-0123456789';
const password = 'curation-draft-password';
const body = '## What it costs\n\nA houseboat mortgage costs €250 to arrange.';

describe('a curator editing a draft before approving it', () => {
  let app: TestApp;
  let kim: ConsoleSession;
  beforeAll(async () => {
    app = await startTestApp({ CURATION_API_TOKEN: token });
    const embedder = createLocalHashEmbedder();
    for (const fixture of [
      { id: 'draft-by-expert', title: 'Houseboat mortgage', status: 'draft' as const, body },
      { id: 'draft-by-desk', title: 'Houseboat insurance', status: 'draft' as const, body },
      { id: 'already-served', title: 'Served article', body },
    ]) {
      await saveArticleVersion(app.db, embedder, articleFixture(fixture), { actor: 'expert.anna' });
    }
    await createStaffUser(app.db, { username: 'kim.curator', password, roles: ['curator'] });
    kim = await signIn(app.baseUrl, 'kim.curator', password);
  });
  afterAll(async () => {
    await app?.close();
  });

  const put = (session: ConsoleSession, id: string, edit: unknown, headers: Record<string, string> = {}) =>
    session.fetch(`/api/kb/articles/${id}/draft`, { method: 'PUT', body: JSON.stringify(edit), headers });

  it('writes a new draft version under the curator, personal data removed, which approval then serves', async () => {
    const edited = await put(kim, 'draft-by-expert', {
      title: 'Mortgage for a houseboat',
      body: '## What it costs\n\nArranging a houseboat mortgage costs €250. Questions? Mail jan.jansen@example.nl.',
      note: 'tightened the wording',
    });
    expect(edited.status).toBe(200);
    expect(await edited.json()).toEqual({ id: 'draft-by-expert', version: 2, status: 'draft' });

    const article = (await (await kim.fetch('/api/kb/articles/draft-by-expert')).json()) as { title: string; body: string; latestStatus: string };
    expect(article).toMatchObject({ title: 'Mortgage for a houseboat', latestStatus: 'draft' });
    expect(article.body).toContain('Arranging a houseboat mortgage costs €250.');
    expect(article.body).not.toContain('jan.jansen@example.nl');
    const { versions } = (await (await kim.fetch('/api/kb/articles/draft-by-expert/history')).json()) as {
      versions: { version: number; createdBy: string; changeNote: string }[];
    };
    expect(versions[0]).toMatchObject({ version: 2, createdBy: 'kim.curator', changeNote: 'tightened the wording' });

    const approved = await kim.fetch('/api/kb/articles/draft-by-expert/approve', { method: 'POST', body: '{}' });
    expect(approved.status).toBe(200);
    const audit = await app.db.query<{ actor_type: string; actor_id: string; action: string }>(
      "SELECT actor_type, actor_id, action FROM audit_log WHERE subject_type = 'article' AND subject_id = 'draft-by-expert' AND actor_id = 'kim.curator' ORDER BY id",
    );
    expect(audit).toEqual([
      { actor_type: 'expert', actor_id: 'kim.curator', action: 'article.version_saved' },
      { actor_type: 'expert', actor_id: 'kim.curator', action: 'article.approved' },
    ]);
  });

  it('refuses to edit an article that is not a draft (409), and an unknown one (404)', async () => {
    const served = await put(kim, 'already-served', { title: 'Served article', body });
    expect(served.status).toBe(409);
    expect(await served.json()).toMatchObject({ error: { code: 'conflict' } });
    expect((await put(kim, 'no-such-article', { title: 'Nothing here', body })).status).toBe(404);
  });

  it('refuses a curator naming someone else in X-Curator', async () => {
    const response = await put(kim, 'draft-by-desk', { title: 'Houseboat insurance', body }, { 'x-curator': 'curator.other' });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'actor_mismatch' } });
  });

  it('works for a desk with the bearer token, which names the curator in X-Curator', async () => {
    const call = (headers: Record<string, string>) =>
      fetch(`${app.baseUrl}/api/kb/articles/draft-by-desk/draft`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ title: 'Insurance for a houseboat', body }),
      });
    expect((await call({})).status).toBe(400);
    const response = await call({ 'x-curator': 'curator.desk' });
    expect(response.status).toBe(200);
    const [latest] = await app.db.query<{ created_by: string; title: string }>(
      "SELECT created_by, title FROM article_versions WHERE article_id = 'draft-by-desk' ORDER BY version DESC LIMIT 1",
    );
    expect(latest).toEqual({ created_by: 'curator.desk', title: 'Insurance for a houseboat' });
  });
});
