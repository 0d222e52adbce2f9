import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser, sessionCookieFrom, signIn } from '../test-support/console-session.js';
import { startTestApp, type TestApp } from '../test-support/start-test-app.js';

const password = 'console-session-password';

describe('signing in to the console', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    await createStaffUser(app.db, { username: 'anna.expert', password, roles: ['expert'], skills: ['fraud'], displayName: 'Anna de Vries' });
    await createStaffUser(app.db, { username: 'bo.expert', password, roles: ['expert'] });
    await createStaffUser(app.db, { username: 'kim.admin', password, roles: ['admin', 'expert'] });
  });
  afterAll(async () => {
    await app?.close();
  });

  const post = (username: string, secret: string, headers: Record<string, string> = {}) =>
    fetch(`${app.baseUrl}/api/console/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ username, password: secret }),
    });
  const currentSession = (cookie: string) => fetch(`${app.baseUrl}/api/console/session`, { headers: { cookie } });

  it('answers the person and a CSRF token, with an HttpOnly, SameSite=Strict session cookie that is never cached', async () => {
    const response = await post('Anna.Expert', password);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { user: Record<string, unknown>; csrfToken: string };
    expect(body.user).toEqual({ id: expect.any(String), username: 'anna.expert', displayName: 'Anna de Vries', roles: ['expert'], skills: ['fraud'] });
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [setCookie] = response.headers.getSetCookie();
    expect(setCookie).toMatch(/^console_session=[A-Za-z0-9_-]{43}; /);
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Strict/);
    expect(setCookie).toMatch(/; Path=\//);
    expect(setCookie).toMatch(/; Max-Age=86400/);
    expect(setCookie).not.toMatch(/; Secure/);
    expect(response.headers.get('cache-control')).toBe('no-store');

    const current = await currentSession(sessionCookieFrom(response));
    expect(current.status).toBe(200);
    expect(current.headers.get('cache-control')).toBe('no-store');
    expect(await current.json()).toEqual(body);
  });

  it('answers 401 with one message for an unknown username and a wrong password, and audits both without the password', async () => {
    const unknown = await post('nobody.here', 'some-password-guess');
    const wrong = await post('bo.expert', 'some-password-guess');
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(await unknown.json()).toMatchObject({ error: { code: 'unauthorized', message: 'Unknown username or wrong password' } });
    expect(await wrong.json()).toMatchObject({ error: { code: 'unauthorized', message: 'Unknown username or wrong password' } });
    expect(unknown.headers.getSetCookie()).toEqual([]);

    const audit = await app.db.query<{ actor_type: string; actor_id: string | null; subject_id: string; details: unknown }>(
      "SELECT actor_type, actor_id, subject_id, details FROM audit_log WHERE action = 'console.sign_in_failed' ORDER BY id",
    );
    expect(audit.map((entry) => entry.subject_id)).toEqual(expect.arrayContaining(['nobody.here', 'bo.expert']));
    expect(JSON.stringify(audit)).not.toContain('some-password-guess');
  });

  it('issues a new session id at sign-in: a cookie sent before it is neither promoted nor kept', async () => {
    const planted = `console_session=${'A'.repeat(43)}`;
    const response = await post('bo.expert', password, { cookie: planted });
    expect(response.status).toBe(200);
    const issued = sessionCookieFrom(response);
    expect(issued).not.toBe(planted);
    expect((await currentSession(planted)).status).toBe(401);

    // Someone else's live session in the browser at sign-in: it ends, and a new one starts.
    const earlier = await signIn(app.baseUrl, 'anna.expert', password);
    const replacing = await post('bo.expert', password, { cookie: earlier.cookie });
    const replaced = sessionCookieFrom(replacing);
    expect(replaced).not.toBe(earlier.cookie);
    expect((await currentSession(earlier.cookie)).status).toBe(401);
    expect(((await (await currentSession(replaced)).json()) as { user: { username: string } }).user.username).toBe('bo.expert');
  });

  it('signs out with the CSRF token: the row is gone, the cookie cleared, the old id refused', async () => {
    const session = await signIn(app.baseUrl, 'anna.expert', password);
    expect((await session.fetch('/api/console/session', { method: 'DELETE', headers: { 'x-csrf-token': 'wrong' } })).status).toBe(403);
    const signedOut = await session.fetch('/api/console/session', { method: 'DELETE' });
    expect(signedOut.status).toBe(204);
    expect(signedOut.headers.getSetCookie()[0]).toMatch(/^console_session=; .*Expires=Thu, 01 Jan 1970/);
    expect((await currentSession(session.cookie)).status).toBe(401);
    expect((await session.fetch('/api/cases')).status).toBe(401);
    expect((await session.fetch('/api/console/session', { method: 'DELETE' })).status).toBe(401);

    const audit = await app.db.query<{ action: string; actor_type: string; actor_id: string }>(
      "SELECT action, actor_type, actor_id FROM audit_log WHERE action IN ('console.signed_in', 'console.signed_out') AND actor_id = 'anna.expert' ORDER BY id DESC LIMIT 2",
    );
    expect(audit).toEqual([
      { action: 'console.signed_out', actor_type: 'expert', actor_id: 'anna.expert' },
      { action: 'console.signed_in', actor_type: 'expert', actor_id: 'anna.expert' },
    ]);
  });

  it('answers 401 to the session check when nobody is signed in, clearing a stale cookie', async () => {
    expect((await fetch(`${app.baseUrl}/api/console/session`)).status).toBe(401);
    const stale = await currentSession(`console_session=${'B'.repeat(43)}`);
    expect(stale.status).toBe(401);
    expect(stale.headers.getSetCookie()[0]).toMatch(/^console_session=;/);
  });

  it('stops a disabled account at once, and lets it sign in no more', async () => {
    await createStaffUser(app.db, { username: 'leaving.expert', password, roles: ['expert'] });
    const leaving = await signIn(app.baseUrl, 'leaving.expert', password);
    expect((await leaving.fetch('/api/cases')).status).toBe(200);
    const admin = await signIn(app.baseUrl, 'kim.admin', password);
    const { users } = (await (await admin.fetch('/api/console/users')).json()) as { users: { id: string; username: string }[] };
    const id = users.find((user) => user.username === 'leaving.expert')?.id;
    expect((await admin.fetch(`/api/console/users/${id}`, { method: 'PATCH', body: JSON.stringify({ disabled: true }) })).status).toBe(200);

    expect((await leaving.fetch('/api/cases')).status).toBe(401);
    expect((await leaving.fetch('/api/console/session')).status).toBe(401);
    expect((await post('leaving.expert', password)).status).toBe(401);
  });

  it('ends every session of an account whose password an admin changes', async () => {
    await createStaffUser(app.db, { username: 'forgetful.expert', password, roles: ['expert'] });
    const forgetful = await signIn(app.baseUrl, 'forgetful.expert', password);
    const admin = await signIn(app.baseUrl, 'kim.admin', password);
    const { users } = (await (await admin.fetch('/api/console/users')).json()) as { users: { id: string; username: string }[] };
    const id = users.find((user) => user.username === 'forgetful.expert')?.id;
    const changed = await admin.fetch(`/api/console/users/${id}`, { method: 'PATCH', body: JSON.stringify({ password: 'a completely new password' }) });
    expect(changed.status).toBe(200);
    expect((await forgetful.fetch('/api/console/session')).status).toBe(401);
    expect((await post('forgetful.expert', password)).status).toBe(401);
    expect((await post('forgetful.expert', 'a completely new password')).status).toBe(200);
  });

  it('locks a username for 15 minutes after 5 failed sign-ins, even against the right password', async () => {
    await createStaffUser(app.db, { username: 'targeted.expert', password, roles: ['expert'] });
    for (let attempt = 0; attempt < 5; attempt += 1) expect((await post('targeted.expert', `guess number ${attempt}`)).status).toBe(401);
    const locked = await post('targeted.expert', password);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    expect(await locked.json()).toMatchObject({ error: { code: 'too_many_requests' } });
  });

  it('refuses a sign-in posted from another site (login CSRF)', async () => {
    const response = await post('bo.expert', password, { origin: 'https://evil.example' });
    expect(response.status).toBe(403);
    expect(response.headers.getSetCookie()).toEqual([]);
  });
});

describe('the session cookie behind HTTPS', () => {
  it('is Secure when PUBLIC_BASE_URL is https', async () => {
    const app = await startTestApp({ PUBLIC_BASE_URL: 'https://assist.example.com' });
    try {
      await createStaffUser(app.db, { username: 'secure.expert', password, roles: ['expert'] });
      const response = await fetch(`${app.baseUrl}/api/console/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'secure.expert', password }),
      });
      expect(response.status).toBe(200);
      expect(response.headers.getSetCookie()[0]).toMatch(/; Secure/);
    } finally {
      await app.close();
    }
  });
});
