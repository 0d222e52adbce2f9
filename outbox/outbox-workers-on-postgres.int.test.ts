import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgPoolDb, type PgPoolDb } from '../db/pg-pool-db.js';
import { nativePostgresUnavailable, startNativePostgres, type NativePostgres } from '../test-support/native-postgres.js';
import { createOutboxStore } from './outbox-store.js';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const unavailable = nativePostgresUnavailable();
const messages = 1_000;

/**
 * The outbox table exactly as migrations 0003 and 0007 create it, with its
 * indexes and the app_processes table its claims consult, minus the two
 * foreign keys to conversations and messages: native Postgres here has no
 * pgvector, which the rest of the schema needs. The claim query, leases and
 * status updates under test only touch these tables.
 */
async function outboxDdl(): Promise<string> {
  const migration = await readFile(new URL('../db/migrations/0003_channels_customers_outbox.sql', import.meta.url), 'utf8');
  const recovery = await readFile(new URL('../db/migrations/0007_crash_recovery.sql', import.meta.url), 'utf8');
  const table = /CREATE TABLE outbox \([\s\S]*?\n\);/.exec(migration)?.[0];
  const indexes = migration.match(/CREATE INDEX outbox_[^;]*;/g) ?? [];
  const processes = /CREATE TABLE app_processes \([\s\S]*?\n\);/.exec(recovery)?.[0];
  const claims = /ALTER TABLE outbox[^;]*;/.exec(recovery)?.[0];
  if (!table || indexes.length === 0 || !processes || !claims) throw new Error('migrations 0003 and 0007 no longer create the outbox as expected');
  return [table.replace(/\s+REFERENCES (conversations|messages) \(id\)/g, ''), ...indexes, processes, claims].join('\n');
}

describe.skipIf(unavailable !== undefined)(`two outbox workers in separate processes on one Postgres server${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  let postgres: NativePostgres;
  let db: PgPoolDb;
  let recorder: Server;
  const deliveries: { idempotencyKey: string; worker: string }[] = [];
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    postgres = await startNativePostgres();
    db = createPgPoolDb({ connectionString: postgres.connectionString, maxConnections: 2 });
    await db.exec(await outboxDdl());
    recorder = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        deliveries.push(JSON.parse(body) as { idempotencyKey: string; worker: string });
        // A provider takes a moment: claims of the two workers overlap.
        setTimeout(() => response.writeHead(201).end(), Math.floor(Math.random() * 4));
      });
    });
    recorder.listen(0, '127.0.0.1');
    await once(recorder, 'listening');
  }, 60_000);

  afterAll(async () => {
    for (const worker of workers) if (worker.exitCode === null) worker.kill('SIGKILL');
    recorder?.closeAllConnections();
    recorder?.close();
    await db?.close();
    await postgres?.stop();
  });

  it('delivers every message exactly once while both workers claim concurrently', async () => {
    const store = createOutboxStore(db);
    for (let index = 0; index < messages; index += 1) {
      await store.enqueue(db, { channel: 'sms', recipient: '+31612345678', payload: { body: `reply ${index}` }, idempotencyKey: `reply-${index}` });
    }
    const deliveryUrl = `http://127.0.0.1:${(recorder.address() as AddressInfo).port}/deliver`;
    for (const name of ['worker-a', 'worker-b']) {
      const worker = spawn(process.execPath, ['--import', 'tsx', 'test-support/outbox-worker-process.ts', postgres.connectionString, deliveryUrl, name], {
        cwd: projectRoot,
        env: {},
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      workers.push(worker);
    }

    const deadline = Date.now() + 90_000;
    let sent = 0;
    while (Date.now() < deadline) {
      [{ sent }] = (await db.query<{ sent: number }>(`SELECT count(*)::int AS sent FROM outbox WHERE status = 'sent'`)) as [{ sent: number }];
      if (sent === messages) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    for (const worker of workers) worker.kill('SIGTERM');
    await Promise.all(workers.map((worker) => (worker.exitCode === null ? once(worker, 'exit') : undefined)));

    expect(sent).toBe(messages);
    const keys = deliveries.map((delivery) => delivery.idempotencyKey);
    expect(keys).toHaveLength(messages);
    expect(new Set(keys).size).toBe(messages);
    const byWorker = new Map<string, number>();
    for (const delivery of deliveries) byWorker.set(delivery.worker, (byWorker.get(delivery.worker) ?? 0) + 1);
    // Both processes did part of the work: the claims really were concurrent.
    expect(byWorker.get('worker-a') ?? 0).toBeGreaterThan(0);
    expect(byWorker.get('worker-b') ?? 0).toBeGreaterThan(0);
    const attempts = await db.query<{ attempts: number }>('SELECT attempts FROM outbox');
    expect(attempts.every((row) => row.attempts === 1)).toBe(true);
  }, 120_000);
});
