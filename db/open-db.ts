import { join } from 'node:path';
import type { Db } from './db.js';
import { lockDataDir } from './data-dir-lock.js';
import { migrate } from './migrate.js';
import { createPgPoolDb } from './pg-pool-db.js';
import { createPgliteDb } from './pglite-db.js';

export interface OpenDbOptions {
  databaseUrl: string | undefined;
  databasePoolSize: number;
  dataDir: string;
}

/**
 * Opens the configured database and brings its schema up to date:
 * Postgres when a URL is given, otherwise embedded PGlite in a locked data directory.
 */
export async function openDb(options: OpenDbOptions): Promise<Db> {
  if (options.databaseUrl !== undefined) {
    const db = createPgPoolDb({ connectionString: options.databaseUrl, maxConnections: options.databasePoolSize });
    return migrateOrClose(db);
  }
  const lock = lockDataDir(options.dataDir);
  // A process that exits without closing the database still frees the directory.
  process.once('exit', lock.release);
  try {
    const db = await createPgliteDb({ dataDir: join(options.dataDir, 'pgdata'), onClose: lock.release });
    return await migrateOrClose(db);
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function migrateOrClose(db: Db): Promise<Db> {
  try {
    await migrate(db);
    return db;
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}
