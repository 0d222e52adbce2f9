import pg from 'pg';
import { asDatabaseUnavailable } from './database-unavailable-error.js';
import type { Db, Queryable, Row } from './db.js';
import { storableParameters } from './storable-parameters.js';

export interface PgPoolDbOptions {
  connectionString: string;
  maxConnections: number;
}

/** Production Postgres (with pgvector) through a `pg.Pool`. */
export function createPgPoolDb(options: PgPoolDbOptions): PgPoolDb {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections,
    connectionTimeoutMillis: 5_000,
  });
  // An idle client losing its connection must not crash the process; the
  // next query reconnects and fails loudly if the server is still gone.
  pool.on('error', () => undefined);
  return new PgPoolDb(pool);
}

export class PgPoolDb implements Db {
  readonly kind = 'postgres';

  constructor(private readonly pool: pg.Pool) {}

  async query<T extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    try {
      return (await this.pool.query<T>(sql, storableParameters(params))).rows;
    } catch (error) {
      throw asDatabaseUnavailable(error);
    }
  }

  async transaction<T>(work: (transaction: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect().catch((error: unknown) => {
      throw asDatabaseUnavailable(error);
    });
    try {
      await client.query('BEGIN');
      const result = await work({
        async query<R extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
          return (await client.query<R>(sql, storableParameters(params))).rows;
        },
        async exec(sql: string): Promise<void> {
          await client.query(sql);
        },
      });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw asDatabaseUnavailable(error);
    } finally {
      client.release();
    }
  }

  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
