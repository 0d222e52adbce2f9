import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PgliteDb } from '../db/pglite-db.js';
import { createStaffUser } from '../test-support/console-session.js';
import { createTestDb } from '../test-support/test-db.js';
import { createStaffSessionStore } from './staff-session-store.js';
import { createStaffUserStore } from './staff-user-store.js';

const hour = 3_600_000;

describe('staff sessions', () => {
  let db: PgliteDb;
  let userId: string;
  const clock = { at: new Date('2026-03-02T08:00:00Z').getTime() };
  const sessions = () => createStaffSessionStore(db, { now: () => new Date(clock.at) });

  beforeAll(async () => {
    db = await createTestDb();
    userId = (await createStaffUser(db, { username: 'session.anna', password: 'session-store-password', roles: ['expert'] })).id;
  });
  afterAll(async () => {
    await db?.close();
  });

  it('stores only a hash of the token, and resolves the token to the person and the CSRF token', async () => {
    const started = await sessions().start(userId);
    expect(started.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await db.query<{ id_hash: string }>('SELECT id_hash FROM staff_sessions WHERE user_id = $1', [userId]);
    expect(stored.map((row) => row.id_hash)).not.toContain(started.token);
    expect(await sessions().resolve(started.token)).toMatchObject({
      csrfToken: started.csrfToken,
      user: { id: userId, username: 'session.anna', roles: ['expert'] },
    });
  });

  it('ends after 8 idle hours, and each request restarts the idle clock', async () => {
    const started = await sessions().start(userId);
    clock.at += 7 * hour;
    expect(await sessions().resolve(started.token)).toBeDefined();
    clock.at += 7 * hour;
    expect(await sessions().resolve(started.token)).toBeDefined();
    clock.at += 8 * hour + 1;
    expect(await sessions().resolve(started.token)).toBeUndefined();
  });

  it('ends 24 hours after sign-in, however busy', async () => {
    const started = await sessions().start(userId);
    for (let hours = 0; hours < 23; hours += 1) {
      clock.at += hour;
      expect(await sessions().resolve(started.token)).toBeDefined();
    }
    clock.at += hour;
    expect(await sessions().resolve(started.token)).toBeUndefined();
  });

  it('ends at sign-out, and never resolves a made-up or malformed token', async () => {
    const started = await sessions().start(userId);
    await sessions().end(started.token);
    expect(await sessions().resolve(started.token)).toBeUndefined();
    expect(await sessions().resolve('A'.repeat(43))).toBeUndefined();
    expect(await sessions().resolve("' OR 1=1 --")).toBeUndefined();
  });

  it('stops resolving, and is deleted, when the account is disabled or its password changes', async () => {
    const admin = await createStaffUser(db, { username: 'session.admin', password: 'session-store-password', roles: ['admin'] });
    const users = createStaffUserStore(db);
    const first = await sessions().start(userId);
    await users.update(userId, { password: 'a brand new password' }, admin);
    expect(await sessions().resolve(first.token)).toBeUndefined();

    const second = await sessions().start(userId);
    await users.update(userId, { disabled: true }, admin);
    expect(await sessions().resolve(second.token)).toBeUndefined();
    expect(await db.query('SELECT 1 FROM staff_sessions WHERE user_id = $1', [userId])).toEqual([]);
  });

  it('sweeps expired sessions when a new one starts', async () => {
    const other = await createStaffUser(db, { username: 'session.bo', password: 'session-store-password', roles: ['expert'] });
    await sessions().start(other.id);
    clock.at += 25 * hour;
    await sessions().start(other.id);
    const rows = await db.query('SELECT 1 FROM staff_sessions WHERE user_id = $1', [other.id]);
    expect(rows).toHaveLength(1);
  });
});
