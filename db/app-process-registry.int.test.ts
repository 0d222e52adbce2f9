import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb } from '../test-support/test-db.js';
import { processIsGone, registerAppProcess } from './app-process-registry.js';
import type { PgliteDb } from './pglite-db.js';

describe('the app process registry', () => {
  let db: PgliteDb;
  beforeEach(async () => {
    db = await createTestDb();
  });
  afterEach(async () => {
    await db.close();
  });

  const gone = async (id: string) => {
    const [row] = await db.query<{ gone: boolean }>(`SELECT ${processIsGone('$1::text')} AS gone`, [id]);
    return row?.gone;
  };

  it('keeps a registered process alive with its heartbeat, and frees its claims when it retires', async () => {
    const registered = await registerAppProcess(db, { exclusive: false, heartbeatMs: 10, ttlMs: 40, newId: () => 'process-a' });
    expect(registered.id).toBe('process-a');
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(await gone('process-a')).toBe(false);
    await registered.retire();
    expect(await gone('process-a')).toBe(true);
    expect(await db.query('SELECT id FROM app_processes')).toEqual([]);
  });

  it('retires without failing when the database is already closed, reporting why', async () => {
    const errors: unknown[] = [];
    const registered = await registerAppProcess(db, { exclusive: true, onError: (error) => errors.push(error) });
    await db.close();
    await registered.retire();
    expect(errors).toHaveLength(1);
    db = await createTestDb();
  });

  it('counts a process whose heartbeat ran out, or that never registered, as gone', async () => {
    await db.query("INSERT INTO app_processes (id, alive_until) VALUES ('killed', now() - interval '1 second')");
    expect(await gone('killed')).toBe(true);
    expect(await gone('never-registered')).toBe(true);
  });

  it('on an exclusive database, counts every earlier process as dead at once', async () => {
    await db.query("INSERT INTO app_processes (id, alive_until) VALUES ('killed-a moment ago', now() + interval '10 seconds')");
    const registered = await registerAppProcess(db, { exclusive: true });
    expect(await gone('killed-a moment ago')).toBe(true);
    expect((await db.query<{ id: string }>('SELECT id FROM app_processes')).map((row) => row.id)).toEqual([registered.id]);
    await registered.retire();
  });

  it('on a shared database, leaves other live processes alone', async () => {
    const other = await registerAppProcess(db, { exclusive: false });
    const registered = await registerAppProcess(db, { exclusive: false });
    expect(await gone(other.id)).toBe(false);
    await registered.retire();
    await other.retire();
  });
});
