import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describeSettings } from '../bot/config.js';
import { recordSuiteLog, recordSuiteSecrets } from './suite-log-audit.js';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));

export interface SpawnedServer {
  process: ChildProcess;
  baseUrl: string;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  /** Resolves when the server logs that it listens; rejects if it exits first. */
  listening: Promise<void>;
}

/** A free loopback port, released before the server takes it. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  probe.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Starts `bot/server.ts` as `npm start` would, with the given environment on top of a quiet default. */
export function spawnServer(environment: Record<string, string>): SpawnedServer {
  let stdout = '';
  let stderr = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'bot/server.ts'], {
    cwd: projectRoot,
    // Only what the test gives: no variable of the test's own environment leaks into the server.
    env: { HOST: '127.0.0.1', LOG_LEVEL: 'info', ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const secretSettings = new Set(describeSettings().filter((setting) => setting.secret).map((setting) => setting.name as string));
  recordSuiteSecrets(Object.entries(environment).flatMap(([name, value]) => (secretSettings.has(name) ? [value] : [])));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // Whole lines go to the run's log audit, as they are complete.
  let recorded = 0;
  const recordCompleteLines = (final = false) => {
    const end = final ? stdout.length : stdout.lastIndexOf('\n') + 1;
    if (end > recorded) recordSuiteLog(stdout.slice(recorded, end));
    recorded = Math.max(recorded, end);
  };
  void exited.then(() => recordCompleteLines(true));
  const listening = new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      recordCompleteLines();
      if (stdout.includes('"msg":"listening"')) resolve();
    });
    void exited.then((code) => reject(new Error(`server exited with ${code} before listening: ${stderr}`)));
  });
  listening.catch(() => undefined);
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  return {
    process: child,
    baseUrl: `http://127.0.0.1:${environment.PORT ?? '3978'}`,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    listening,
  };
}
