import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './db.js';
import { MigrationError } from './migration-error.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export const migrationsDirectory = fileURLToPath(new URL('./migrations/', import.meta.url));

/** Reads `NNNN_name.sql` files in version order. */
export async function readMigrations(directory = migrationsDirectory): Promise<Migration[]> {
  const files = (await readdir(directory)).filter((file) => file.endsWith('.sql')).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const match = /^(\d{4})_([a-z0-9_]+)\.sql$/.exec(file);
    if (!match) throw new MigrationError(`Migration file "${file}" must be named NNNN_snake_case_name.sql`);
    const sql = await readFile(join(directory, file), 'utf8');
    migrations.push({
      version: Number(match[1]),
      name: match[2] ?? file,
      sql,
      checksum: createHash('sha256').update(sql).digest('hex'),
    });
  }
  const versions = migrations.map((migration) => migration.version);
  if (new Set(versions).size !== versions.length) throw new MigrationError('Two migration files share a version number');
  return migrations;
}

// Any constant shared by every process that migrates the same database.
const migrationLockKey = 7_340_241;

/**
 * Applies every migration not yet recorded in `schema_migrations`, each in its
 * own transaction under an advisory lock, so concurrent starts are safe.
 * Refuses to run when an applied migration's file has changed since.
 * Returns the versions it applied.
 */
export async function migrate(db: Db, migrations?: readonly Migration[]): Promise<number[]> {
  const all = migrations ?? (await readMigrations());
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version     integer PRIMARY KEY,
    name        text NOT NULL,
    checksum    text NOT NULL,
    applied_at  timestamptz NOT NULL DEFAULT now()
  )`);
  const applied: number[] = [];
  for (const migration of all) {
    const didApply = await db.transaction(async (transaction) => {
      await transaction.query('SELECT pg_advisory_xact_lock($1)', [migrationLockKey]);
      const [existing] = await transaction.query<{ checksum: string }>(
        'SELECT checksum FROM schema_migrations WHERE version = $1',
        [migration.version],
      );
      if (existing) {
        if (existing.checksum !== migration.checksum) {
          throw new MigrationError(
            `Migration ${migration.version} (${migration.name}) was changed after it was applied; add a new migration instead`,
          );
        }
        return false;
      }
      await transaction.exec(migration.sql);
      await transaction.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        migration.checksum,
      ]);
      return true;
    });
    if (didApply) applied.push(migration.version);
  }
  return applied;
}

/** True when every known migration is recorded as applied. */
export async function isFullyMigrated(db: Db, migrations?: readonly Migration[]): Promise<boolean> {
  const all = migrations ?? (await readMigrations());
  const [table] = await db.query<{ present: boolean }>("SELECT to_regclass('schema_migrations') IS NOT NULL AS present");
  if (!table?.present) return false;
  const rows = await db.query<{ version: number }>('SELECT version FROM schema_migrations');
  const applied = new Set(rows.map((row) => row.version));
  return all.every((migration) => applied.has(migration.version));
}
