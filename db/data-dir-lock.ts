import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { DataDirLockedError } from './data-dir-locked-error.js';

const lockFileName = 'service.lock';

const lockOwnerSchema = z.object({ pid: z.number().int(), host: z.string() });

export interface DataDirLock {
  readonly path: string;
  /** Removes the lock file if this process still owns it. Safe to call twice. */
  release(): void;
}

export interface DataDirLockOptions {
  pid?: number;
  host?: string;
  /** Whether a process with this id is running; injectable for tests. */
  isAlive?: (pid: number) => boolean;
}

/**
 * PGlite has no lock of its own: two processes on one directory silently lose
 * writes. This takes an exclusive lock file (created with O_EXCL) before the
 * database is opened. A lock left by a crashed process on this host is taken over.
 */
export function lockDataDir(dataDir: string, options: DataDirLockOptions = {}): DataDirLock {
  const pid = options.pid ?? process.pid;
  const host = options.host ?? hostname();
  const isAlive = options.isAlive ?? isProcessAlive;
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, lockFileName);

  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const descriptor = openSync(path, 'wx');
      writeSync(descriptor, JSON.stringify({ pid, host, startedAt: new Date().toISOString() }));
      closeSync(descriptor);
      return createLock(path, pid);
    } catch (error) {
      if (!isFileExistsError(error)) throw error;
      const owner = readOwner(path);
      const stale = owner === undefined || (owner.host === host && !isAlive(owner.pid));
      if (!stale) throw new DataDirLockedError(dataDir, owner.pid);
      removeIfPresent(path);
    }
  }
  throw new DataDirLockedError(dataDir, readOwner(path)?.pid ?? -1);
}

function createLock(path: string, pid: number): DataDirLock {
  let released = false;
  return {
    path,
    release() {
      if (released) return;
      released = true;
      if (readOwner(path)?.pid === pid) removeIfPresent(path);
    },
  };
}

function readOwner(path: string): z.infer<typeof lockOwnerSchema> | undefined {
  try {
    const parsed = lockOwnerSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isFileExistsError(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'EEXIST';
}

function removeIfPresent(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
