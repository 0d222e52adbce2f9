import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, spawnServer } from './spawn-server.js';

/**
 * A data directory with the migrated schema and the sample knowledge base,
 * made by starting the real server once on an empty directory and stopping
 * it gracefully. Loading the knowledge base takes most of a first start;
 * copies of this directory start in seconds.
 */
export async function createSeededDataDir(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'seeded-data-'));
  const server = spawnServer({ PORT: String(await freePort()), DATA_DIR: dataDir, LOG_LEVEL: 'info' });
  await server.listening;
  server.process.kill('SIGTERM');
  const code = await server.exited;
  if (code !== 0) throw new Error(`seeding server exited with ${code}: ${server.stderr()}`);
  return dataDir;
}

/** A private copy of a (stopped server's) data directory. */
export function copyDataDir(source: string): string {
  const copy = mkdtempSync(join(tmpdir(), 'data-copy-'));
  cpSync(source, copy, { recursive: true });
  return copy;
}
