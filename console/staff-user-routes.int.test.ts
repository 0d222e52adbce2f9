import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser, signIn, type ConsoleSession } from '../test-support/console-session.js';
import { startTestApp, type TestApp } from '../test-support/start-test-app.js';
import type { StaffUser } from './staff-user.js';

const password = 'staff-user-routes-password';

describe('staff accounts /api/console/users', () => {
  let app: TestApp;
  let admin: ConsoleSession;
  let adminId: string;
  beforeAll(async () => {
    app = await startTestApp();
    adminId = (await createStaffUser(app.db, { username: 'kim.admin', password, roles: ['admin'] })).id;
    admin = await signIn(app.baseUrl, 'kim.admin', password);
  });
  afterAll(async () => {
    await app?.close();
  });

  const create = (body: unknown) => admin.fetch('/api/console/users', { method: 'POST', body: JSON.stringify(body) });
  const change = (id: string, body: unknown) => admin.fetch(`/api/console/users/${id}`, { method: 'PATCH', body: JSON.stringify(body) });

  it('creates an account (username lowercased) that can sign in at once', async () => {
    const response = await create({ username: 'Nora.Expert', displayName: 'Nora Jansen', password: 'nora-password-123', roles: ['expert', 'curator'], skills: ['fraud'] });
    expect(response.status).toBe(201);
    const { user } = (await response.json()) as { user: StaffUser };
    expect(user).toEqual({
      id: expect.any(String),
      username: 'nora.expert',
      displayName: 'Nora Jansen',
      roles: ['expert', 'curator'],
      skills: ['fraud'],
      disabled: false,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const nora = await signIn(app.baseUrl, 'nora.expert', 'nora-password-123');
    expect((await nora.fetch('/api/kb/version')).status).toBe(200);
  });

  it('lists accounts without any password hash', async () => {
    const response = await admin.fetch('/api/console/users');
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toMatch(/scrypt|password/i);
    const { users } = JSON.parse(text) as { users: StaffUser[] };
    expect(users.map((user) => user.username)).toEqual(expect.arrayContaining(['kim.admin', 'nora.expert']));
  });

  it.each([
    ['a taken username', { username: 'KIM.ADMIN', displayName: 'Kim', password: 'another-password-1', roles: ['admin'] }, 409],
    ['a short password', { username: 'short.pw', displayName: 'Short', password: 'eleven char', roles: ['expert'] }, 400],
    ['an unknown role', { username: 'root.user', displayName: 'Root', password: 'root-password-123', roles: ['root'] }, 400],
    ['no role', { username: 'no.role', displayName: 'None', password: 'none-password-123', roles: [] }, 400],
    ['a username with spaces', { username: 'has space', displayName: 'Space', password: 'space-password-123', roles: ['expert'] }, 400],
    ['an unknown field', { username: 'extra.field', displayName: 'Extra', password: 'extra-password-123', roles: ['expert'], isAdmin: true }, 400],
  ])('refuses %s', async (_label, body, status) => {
    expect((await create(body)).status).toBe(status);
  });

  it('changes name, roles and skills, and audits it as the admin without the password', async () => {
    const { user } = (await (await create({ username: 'lea.expert', displayName: 'Lea', password: 'lea-password-1234', roles: ['expert'] })).json()) as {
      user: StaffUser;
    };
    const response = await change(user.id, { displayName: 'Lea Bakker', roles: ['expert', 'curator'], skills: ['care'], password: 'lea-new-password-1' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ user: { displayName: 'Lea Bakker', roles: ['expert', 'curator'], skills: ['care'] } });
    const audit = await app.db.query<{ actor_type: string; actor_id: string; action: string; details: Record<string, unknown> }>(
      "SELECT actor_type, actor_id, action, details FROM audit_log WHERE subject_type = 'staff_user' AND subject_id = $1 ORDER BY id",
      [user.id],
    );
    expect(audit.map(({ actor_type, actor_id, action }) => ({ actor_type, actor_id, action }))).toEqual([
      { actor_type: 'admin', actor_id: 'kim.admin', action: 'staff_user.created' },
      { actor_type: 'admin', actor_id: 'kim.admin', action: 'staff_user.changed' },
    ]);
    expect(audit[1]?.details).toMatchObject({ passwordChanged: true });
    expect(JSON.stringify(audit)).not.toContain('lea-new-password-1');
    expect(JSON.stringify(audit)).not.toContain('lea-password-1234');
  });

  it('refuses to let an admin remove their own admin role or disable themselves (409)', async () => {
    expect((await change(adminId, { roles: ['expert'] })).status).toBe(409);
    expect((await change(adminId, { disabled: true })).status).toBe(409);
    expect((await change(adminId, { displayName: 'Kim the Admin', roles: ['admin', 'expert'] })).status).toBe(200);
    expect((await admin.fetch('/api/console/session')).status).toBe(200);
  });

  it('answers 404 for an unknown account', async () => {
    expect((await change('no-such-id', { displayName: 'Ghost' })).status).toBe(404);
  });
});
