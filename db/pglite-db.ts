import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { foregroundQuiet, isBackgroundWork } from './background-statements.js';
import { asDatabaseUnavailable } from './database-unavailable-error.js';
import type { Db, Queryable, Row } from './db.js';
import { storableParameters } from './storable-parameters.js';

export interface PgliteDbOptions {
  /** Directory to persist into; omit for an in-memory database. */
  dataDir?: string;
  /** A dumped data directory (from `dumpDataDir`) to start from, e.g. a migrated test template. */
  loadDataDir?: Blob | File;
  /** Runs after the database has closed, e.g. to release the data-directory lock. */
  onClose?: () => void;
  /** The longest a background statement waits for requests to be answered (default 20 ms). */
  maxForegroundWaitMs?: number;
}

/**
 * PGlite runs every statement synchronously on the main thread and hands the
 * next queued one on in a promise callback, so a stream of statements from
 * background work (`runInBackground`: the bot's turns, the outbox) would never
 * let the event loop read a new request, and would share the thread with the
 * requests it did read. Before each background statement the event loop goes
 * round, so waiting requests are read; then, unless the statement belongs to
 * an open transaction, it waits while requests are being handled (at most
 * `maxForegroundWaitMs`): webhooks are acknowledged first and background work
 * takes the gaps. Inside a transaction it does not wait, since a request's own
 * statements queue behind the open transaction.
 */
const defaultMaxForegroundWaitMs = 20;

async function yieldToForeground(maxWaitMs: number | undefined): Promise<void> {
  if (!isBackgroundWork()) return;
  await new Promise((resolve) => setImmediate(resolve));
  if (maxWaitMs !== undefined) await foregroundQuiet(maxWaitMs);
}

/** The embedded default: Postgres in WebAssembly with pgvector, no server needed. */
export async function createPgliteDb(options: PgliteDbOptions = {}): Promise<PgliteDb> {
  const pglite = await PGlite.create({
    ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
    ...(options.loadDataDir === undefined ? {} : { loadDataDir: options.loadDataDir }),
    extensions: { vector },
  });
  return new PgliteDb(pglite, options.onClose, options.maxForegroundWaitMs);
}

export class PgliteDb implements Db {
  readonly kind = 'pglite';

  constructor(
    readonly pglite: PGlite,
    private readonly onClose: () => void = () => undefined,
    private readonly maxForegroundWaitMs = defaultMaxForegroundWaitMs,
  ) {}

  async query<T extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    await yieldToForeground(this.maxForegroundWaitMs);
    try {
      return (await this.pglite.query<T>(sql, storableParameters(params))).rows;
    } catch (error) {
      throw asDatabaseUnavailable(error);
    }
  }

  async transaction<T>(work: (transaction: Queryable) => Promise<T>): Promise<T> {
    await yieldToForeground(this.maxForegroundWaitMs);
    if (this.pglite.closed) throw asDatabaseUnavailable(new Error('PGlite is closed'));
    return this.pglite.transaction(async (transaction) =>
      work({
        async query<R extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
          await yieldToForeground(undefined);
          const result = await transaction.query<R>(sql, storableParameters(params));
          return result.rows;
        },
        async exec(sql: string): Promise<void> {
          await transaction.exec(sql);
        },
      }),
    );
  }

  async exec(sql: string): Promise<void> {
    await this.pglite.exec(sql);
  }

  /** A compressed copy of the whole data directory, to seed other instances quickly. */
  async dump(): Promise<Blob | File> {
    return this.pglite.dumpDataDir('gzip');
  }

  async close(): Promise<void> {
    try {
      if (!this.pglite.closed) await this.pglite.close();
    } finally {
      this.onClose();
    }
  }
}
