import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser, signIn, type ConsoleSession } from '../test-support/console-session.js';
import { postJson, startTestApp, type TestApp } from '../test-support/start-test-app.js';

const password = 'csrf-test-password';
const operationsToken = 'operations-token-0123456789abcdef';

describe('CSRF protection of cookie-authenticated changes', () => {
  let app: TestApp;
  let anna: ConsoleSession;
  let caseId: string;

  beforeAll(async () => {
    app = await startTestApp({ OPERATIONS_API_TOKEN: operationsToken });
    await createStaffUser(app.db, { username: 'anna.expert', password, roles: ['expert'] });
    await createStaffUser(app.db, { username: 'kim.admin', password, roles: ['admin'] });
    anna = await signIn(app.baseUrl, 'anna.expert', password);
    const handoff = await postJson(`${app.baseUrl}/api/web-chat/messages`, { text: 'What is the capital of Mongolia?', locale: 'en' });
    const [opened] = await app.db.query<{ id: string }>('SELECT id FROM cases WHERE conversation_id = $1', [handoff.body.conversationId]);
    caseId = opened?.id ?? '';
  });
  afterAll(async () => {
    await app?.close();
  });

  const claim = (headers: Record<string, string>) =>
    fetch(`${app.baseUrl}/api/cases/${caseId}/claim`, {
      method: 'POST',
      headers: { cookie: anna.cookie, 'content-type': 'application/json', ...headers },
      body: '{}',
    });
  async function expectUnchanged() {
    const [row] = await app.db.query<{ status: string; assignee: string | null }>('SELECT status, assignee FROM cases WHERE id = $1', [caseId]);
    expect(row).toEqual({ status: 'open', assignee: null });
    expect(await app.db.query("SELECT 1 FROM audit_log WHERE subject_id = $1 AND action = 'case.claimed'", [caseId])).toEqual([]);
  }

  it.each([
    ['without the X-CSRF-Token header', {}],
    ['with a wrong token', { 'x-csrf-token': 'not-the-token' }],
    ['with an empty token', { 'x-csrf-token': '' }],
  ])('refuses a change %s with 403, changing nothing', async (_label, headers) => {
    const response = await claim(headers);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'csrf_token_invalid', message: expect.any(String), requestId: expect.any(String) } });
    await expectUnchanged();
  });

  it("refuses another session's token", async () => {
    const admin = await signIn(app.baseUrl, 'kim.admin', password);
    expect((await claim({ 'x-csrf-token': admin.csrfToken })).status).toBe(403);
    await expectUnchanged();
  });

  it.each([
    ['a foreign Origin', { origin: 'https://evil.example' }],
    ['an opaque Origin', { origin: 'null' }],
    ['a cross-site fetch without Origin', { 'sec-fetch-site': 'cross-site' }],
  ])('refuses %s even with the right token, changing nothing', async (_label, headers) => {
    const response = await claim({ 'x-csrf-token': anna.csrfToken, ...headers });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'cross_site_request' } });
    await expectUnchanged();
  });

  it('needs no token to read', async () => {
    expect((await fetch(`${app.baseUrl}/api/cases`, { headers: { cookie: anna.cookie, origin: 'https://evil.example' } })).status).toBe(200);
  });

  it('accepts the change from the console itself with the right token', async () => {
    const response = await claim({ 'x-csrf-token': anna.csrfToken, origin: app.baseUrl, 'sec-fetch-site': 'same-origin' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'claimed', assignee: 'anna.expert' });
  });

  it('exempts a desk using the bearer token, which carries no ambient credentials', async () => {
    const response = await postJson(`${app.baseUrl}/api/cases/${caseId}/release`, { expert: 'anna.expert' }, { authorization: `Bearer ${operationsToken}`, cookie: anna.cookie });
    expect(response.status).toBe(200);
  });

  it('guards staff accounts and the knowledge base the same way', async () => {
    const admin = await signIn(app.baseUrl, 'kim.admin', password);
    const createUser = await fetch(`${app.baseUrl}/api/console/users`, {
      method: 'POST',
      headers: { cookie: admin.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'planted.admin', displayName: 'Planted', password: 'planted-password-123', roles: ['admin'] }),
    });
    expect(createUser.status).toBe(403);
    expect(await app.db.query("SELECT 1 FROM staff_users WHERE username = 'planted.admin'")).toEqual([]);
    const approve = await fetch(`${app.baseUrl}/api/kb/articles/anything/approve`, { method: 'POST', headers: { cookie: admin.cookie } });
    expect(approve.status).toBe(403);
  });
});
