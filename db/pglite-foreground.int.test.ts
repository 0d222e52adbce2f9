import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgliteDb, type PgliteDb } from './pglite-db.js';
import { holdForeground, runInBackground } from './background-statements.js';

const nextTurns = async (turns: number) => {
  for (let turn = 0; turn < turns; turn += 1) await new Promise((resolve) => setImmediate(resolve));
};

describe('embedded database: background statements give way to requests being handled', () => {
  let db: PgliteDb;
  beforeAll(async () => {
    // Long enough that only a release lets a waiting background statement go.
    db = await createPgliteDb({ maxForegroundWaitMs: 60_000 });
  });
  afterAll(async () => {
    await db?.close();
  });

  it('runs a background statement once the requests being handled are answered; request handlers do not wait', async () => {
    const release = holdForeground();
    let ran = false;
    const background = runInBackground(() => db.query('SELECT 1')).then(() => {
      ran = true;
    });
    try {
      expect(await db.query<{ answer: number }>('SELECT 42 AS answer')).toEqual([{ answer: 42 }]);
      await nextTurns(20);
      expect(ran).toBe(false);
    } finally {
      release();
    }
    await background;
    expect(ran).toBe(true);
  });

  it('waits before a background transaction, never inside one, where a request would queue behind it', async () => {
    let release: (() => void) | undefined;
    const rows = await runInBackground(() =>
      db.transaction(async (transaction) => {
        await transaction.query('CREATE TEMP TABLE IF NOT EXISTS foreground_check (n integer)');
        release = holdForeground();
        await transaction.query('INSERT INTO foreground_check VALUES (1)');
        return transaction.query<{ n: number }>('SELECT n FROM foreground_check');
      }),
    );
    release?.();
    expect(rows).toEqual([{ n: 1 }]);
  });
});
