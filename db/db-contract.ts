import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from './db.js';

/**
 * The behaviour every `Db` implementation must share, run against each one.
 * `open` must return a migrated database.
 */
export function describeDbContract(name: string, open: () => Promise<Db>): void {
  describe(`Db contract: ${name}`, () => {
    let db: Db;
    beforeAll(async () => {
      db = await open();
      await db.exec(`
        CREATE TABLE contract_items (id integer PRIMARY KEY, label text NOT NULL, tags text[] NOT NULL DEFAULT '{}',
          details jsonb, done boolean NOT NULL DEFAULT false, at timestamptz NOT NULL DEFAULT now(),
          amount double precision, embedding vector(3));
        CREATE TABLE contract_log (id integer PRIMARY KEY)`);
    });
    afterAll(async () => {
      await db.close();
    });

    it('runs parameterised statements and returns rows with JavaScript types', async () => {
      await db.query(
        'INSERT INTO contract_items (id, label, tags, details, done, amount, embedding) VALUES ($1, $2, $3, $4, $5, $6, $7::vector)',
        [1, "it's", ['a', 'b'], JSON.stringify({ nested: [1, 2] }), true, 3.25, '[1,0,0]'],
      );
      const [row] = await db.query('SELECT id, label, tags, details, done, at, amount FROM contract_items WHERE id = $1', [1]);
      expect(row).toMatchObject({ id: 1, label: "it's", tags: ['a', 'b'], details: { nested: [1, 2] }, done: true, amount: 3.25 });
      expect(row?.at).toBeInstanceOf(Date);
    });

    it('treats parameters as data, never as SQL', async () => {
      const hostile = "x'); DROP TABLE contract_items; --";
      await db.query('INSERT INTO contract_items (id, label) VALUES ($1, $2)', [2, hostile]);
      const rows = await db.query<{ label: string }>('SELECT label FROM contract_items WHERE id = 2');
      expect(rows).toEqual([{ label: hostile }]);
    });

    it('returns counts cast to int as numbers', async () => {
      const [row] = await db.query('SELECT count(*)::int AS count FROM contract_items');
      expect(row).toEqual({ count: 2 });
    });

    it('orders by pgvector cosine distance', async () => {
      await db.query("INSERT INTO contract_items (id, label, embedding) VALUES (3, 'y', '[0,1,0]'), (4, 'z', '[0.9,0.1,0]')");
      const rows = await db.query<{ id: number }>(
        "SELECT id FROM contract_items WHERE embedding IS NOT NULL ORDER BY embedding <=> '[1,0,0]'::vector LIMIT 2",
      );
      expect(rows.map((row) => row.id)).toEqual([1, 4]);
    });

    it('searches full text with Postgres stemming in English and Dutch', async () => {
      const [row] = await db.query<{ english: boolean; dutch: boolean }>(
        `SELECT to_tsvector('english', 'Blocking your cards') @@ plainto_tsquery('english', 'blocked card') AS english,
                to_tsvector('dutch', 'Rekeningen openen') @@ plainto_tsquery('dutch', 'rekening open') AS dutch`,
      );
      expect(row).toEqual({ english: true, dutch: true });
    });

    it('commits a transaction that resolves', async () => {
      const result = await db.transaction(async (transaction) => {
        await transaction.query('INSERT INTO contract_log (id) VALUES (1)');
        await transaction.query('INSERT INTO contract_log (id) VALUES (2)');
        return 'done';
      });
      expect(result).toBe('done');
      expect(await db.query('SELECT id FROM contract_log ORDER BY id')).toEqual([{ id: 1 }, { id: 2 }]);
    });

    it('rolls back every statement of a transaction that throws, and rethrows', async () => {
      await expect(
        db.transaction(async (transaction) => {
          await transaction.query('INSERT INTO contract_log (id) VALUES (3)');
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await db.query('SELECT id FROM contract_log WHERE id = 3')).toEqual([]);
    });

    it('reports a unique violation with SQLSTATE 23505 and rolls back', async () => {
      const failure = await db
        .transaction(async (transaction) => {
          await transaction.query('INSERT INTO contract_log (id) VALUES (4)');
          await transaction.query('INSERT INTO contract_log (id) VALUES (1)');
        })
        .catch((error: unknown) => error);
      expect((failure as { code?: string }).code).toBe('23505');
      expect(await db.query('SELECT id FROM contract_log WHERE id = 4')).toEqual([]);
    });

    it('runs several statements with exec, inside a transaction too', async () => {
      await db.exec('INSERT INTO contract_log (id) VALUES (10); INSERT INTO contract_log (id) VALUES (11)');
      await db.transaction(async (transaction) => {
        await transaction.exec('INSERT INTO contract_log (id) VALUES (12); INSERT INTO contract_log (id) VALUES (13)');
      });
      const [row] = await db.query('SELECT count(*)::int AS count FROM contract_log WHERE id >= 10');
      expect(row).toEqual({ count: 4 });
    });

    it('keeps the audit log append-only', async () => {
      await db.query(
        "INSERT INTO audit_log (actor_type, action, subject_type, subject_id) VALUES ('system', 'contract.test', 'test', '1')",
      );
      await expect(db.query("UPDATE audit_log SET action = 'changed' WHERE action = 'contract.test'")).rejects.toThrow(
        /append-only/,
      );
      await expect(db.query("DELETE FROM audit_log WHERE action = 'contract.test'")).rejects.toThrow(/append-only/);
    });

    it('identifies itself', () => {
      expect(['pglite', 'postgres']).toContain(db.kind);
    });
  });
}
