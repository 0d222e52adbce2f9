import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { afterAll } from 'vitest';
import { createTestDb } from '../test-support/test-db.js';
import { describeDbContract } from './db-contract.js';
import { createPgPoolDb } from './pg-pool-db.js';

// Native Postgres here lacks pgvector, so the pg.Pool implementation is tested
// over the Postgres wire protocol against PGlite served by pglite-socket. That
// server has one backend session, hence a pool of one connection.
let server: PGLiteSocketServer | undefined;
let closeBackingDb: (() => Promise<void>) | undefined;

describeDbContract('pg.Pool over the Postgres wire protocol', async () => {
  const backing = await createTestDb();
  closeBackingDb = () => backing.close();
  server = new PGLiteSocketServer({ db: backing.pglite, host: '127.0.0.1', port: 0, maxConnections: 2 });
  await server.start();
  const address = server.getServerConn();
  return createPgPoolDb({ connectionString: `postgres://postgres:postgres@${address}/postgres`, maxConnections: 1 });
});

afterAll(async () => {
  await server?.stop();
  await closeBackingDb?.();
});
