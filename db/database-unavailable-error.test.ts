import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { asDatabaseUnavailable, DatabaseUnavailableError } from './database-unavailable-error.js';
import { createPgPoolDb } from './pg-pool-db.js';

/** A loopback port nobody listens on: taken, then freed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('asDatabaseUnavailable', () => {
  it('recognises refused and lost connections, server shutdown and a closed embedded database', () => {
    for (const error of [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      Object.assign(new Error('connection failure'), { code: '08006' }),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      new Error('PGlite is closed'),
    ]) {
      const mapped = asDatabaseUnavailable(error);
      expect(mapped).toBeInstanceOf(DatabaseUnavailableError);
      expect((mapped as Error).cause).toBe(error);
    }
  });

  it('leaves every other error alone: a constraint violation or a syntax error is not an outage', () => {
    const unique = Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' });
    const syntax = Object.assign(new Error('syntax error at or near "SELEC"'), { code: '42601' });
    expect(asDatabaseUnavailable(unique)).toBe(unique);
    expect(asDatabaseUnavailable(syntax)).toBe(syntax);
    expect(asDatabaseUnavailable('text')).toBe('text');
  });

  it('is what the Postgres adapter throws when the server cannot be reached, for statements and transactions', async () => {
    const db = createPgPoolDb({ connectionString: `postgres://app:secret@127.0.0.1:${await closedPort()}/app`, maxConnections: 2 });
    try {
      await expect(db.query('SELECT 1')).rejects.toBeInstanceOf(DatabaseUnavailableError);
      await expect(db.transaction((transaction) => transaction.query('SELECT 1'))).rejects.toBeInstanceOf(DatabaseUnavailableError);
    } finally {
      await db.close();
    }
  });
});
