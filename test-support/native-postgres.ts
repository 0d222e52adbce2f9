import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { readMigrations } from '../db/migrate.js';
import { freePort } from './spawn-server.js';

const run = promisify(execFile);
const binaries = '/usr/lib/postgresql/15/bin';

export interface NativePostgres {
  connectionString: string;
  stop(): Promise<void>;
}

/** Why native Postgres cannot run here, or undefined when it can (Debian's postgresql-15 binaries and root to drop to `nobody`). */
export function nativePostgresUnavailable(): string | undefined {
  if (!existsSync(join(binaries, 'initdb'))) return `no Postgres 15 binaries in ${binaries} (apt-get install -y postgresql-15)`;
  if (process.getuid?.() !== 0) return 'initdb refuses root and this helper drops to nobody, which needs root';
  return undefined;
}

/**
 * A throwaway Postgres 15 server on a loopback port, owned by `nobody`
 * (initdb refuses root), without fsync: for tests that need a real
 * multi-process Postgres. `stop()` ends the server it started and removes its files.
 */
export async function startNativePostgres(): Promise<NativePostgres> {
  const why = nativePostgresUnavailable();
  if (why) throw new Error(why);
  const directory = await mkdtemp(join(tmpdir(), 'native-postgres-'));
  await chmod(directory, 0o700);
  await chown(directory, 65534, 65534);
  const dataDirectory = join(directory, 'data');
  await run('runuser', ['-u', 'nobody', '--', join(binaries, 'initdb'), '-D', dataDirectory, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  const port = await freePort();
  const server: ChildProcess = spawn(
    'runuser',
    ['-u', 'nobody', '--', join(binaries, 'postgres'), '-D', dataDirectory, '-p', String(port), '-k', directory,
      '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  server.stderr?.on('data', (chunk: Buffer) => {
    log = (log + chunk.toString('utf8')).slice(-4000);
  });
  const exited = once(server, 'exit');
  const connectionString = `postgres://postgres@127.0.0.1:${port}/postgres`;
  await waitUntilAccepting(connectionString, () => server.exitCode !== null, () => log);
  return {
    connectionString,
    async stop() {
      if (server.exitCode === null) {
        // runuser does not pass signals on: ask the postmaster it started (first line of postmaster.pid) for a fast shutdown.
        const postmasterPid = Number((await readFile(join(dataDirectory, 'postmaster.pid'), 'utf8')).split('\n', 1)[0]);
        process.kill(postmasterPid, 'SIGINT');
        await exited;
      }
      await rm(directory, { recursive: true, force: true });
    },
  };
}

async function waitUntilAccepting(connectionString: string, hasExited: () => boolean, log: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const client = new pg.Client({ connectionString });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (hasExited() || Date.now() > deadline) throw new Error(`Postgres did not start: ${(error as Error).message}\n${log()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/**
 * The migrations as Postgres 15 without pgvector can run them (the native
 * server here has no pgvector): the extension left out and embeddings stored
 * as real[]. Every other table, trigger and function is unchanged.
 */
export async function migrationsWithoutPgvector() {
  return (await readMigrations()).map((migration) => ({
    ...migration,
    sql: migration.sql.replace(/CREATE EXTENSION IF NOT EXISTS vector;/g, '').replace(/\bvector NOT NULL\b/g, 'real[] NOT NULL'),
  }));
}
