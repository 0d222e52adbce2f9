import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPgliteDb, type PgliteDb } from './pglite-db.js';
import { isFullyMigrated, migrate, readMigrations } from './migrate.js';
import { MigrationError } from './migration-error.js';

describe('migrate', () => {
  let db: PgliteDb | undefined;
  afterEach(async () => {
    await db?.close();
  });

  it('applies every migration once, records it, and is idempotent', async () => {
    db = await createPgliteDb();
    expect(await isFullyMigrated(db)).toBe(false);
    const all = await readMigrations();
    expect(await migrate(db)).toEqual(all.map((migration) => migration.version));
    expect(await migrate(db)).toEqual([]);
    expect(await isFullyMigrated(db)).toBe(true);
    const recorded = await db.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version');
    expect(recorded).toEqual(all.map((migration) => ({ version: migration.version, name: migration.name })));
    const [tables] = await db.query<{ count: number }>(
      "SELECT count(*)::int AS count FROM information_schema.tables WHERE table_name IN ('articles', 'chunks', 'messages', 'answers', 'audit_log')",
    );
    expect(tables?.count).toBe(5);
  });

  it('refuses to continue when an applied migration was edited', async () => {
    db = await createPgliteDb();
    const all = await readMigrations();
    await migrate(db, all);
    const edited = all.map((migration, index) => (index === 0 ? { ...migration, checksum: 'edited' } : migration));
    await expect(migrate(db, edited)).rejects.toThrow(MigrationError);
    await expect(migrate(db, edited)).rejects.toThrow(/was changed after it was applied/);
  });

  it('rolls back a failing migration and records nothing for it', async () => {
    db = await createPgliteDb();
    const broken = { version: 9001, name: 'broken', sql: 'CREATE TABLE half_done (id int); SELECT * FROM missing_table', checksum: 'x' };
    await expect(migrate(db, [broken])).rejects.toThrow(/missing_table/);
    expect(await db.query("SELECT to_regclass('half_done') AS present")).toEqual([{ present: null }]);
    expect(await db.query('SELECT version FROM schema_migrations')).toEqual([]);
  });

  it('rejects badly named migration files', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'migrations-'));
    await writeFile(join(directory, 'add-things.sql'), 'SELECT 1');
    await expect(readMigrations(directory)).rejects.toThrow(/NNNN_snake_case_name\.sql/);
  });
});
