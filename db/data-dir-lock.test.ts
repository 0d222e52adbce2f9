import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockDataDir } from './data-dir-lock.js';
import { DataDirLockedError } from './data-dir-locked-error.js';

const newDataDir = () => mkdtempSync(join(tmpdir(), 'lock-'));

describe('lockDataDir', () => {
  it('creates the directory and a lock file naming this process', () => {
    const dataDir = join(newDataDir(), 'nested', 'data');
    const lock = lockDataDir(dataDir, { pid: 4242, host: 'here' });
    expect(JSON.parse(readFileSync(lock.path, 'utf8'))).toMatchObject({ pid: 4242, host: 'here' });
    lock.release();
    expect(existsSync(lock.path)).toBe(false);
  });

  it('refuses a second owner while the first is alive, naming the owner', () => {
    const dataDir = newDataDir();
    const first = lockDataDir(dataDir, { pid: 100, host: 'here', isAlive: () => true });
    expect(() => lockDataDir(dataDir, { pid: 200, host: 'here', isAlive: () => true })).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dataDir, { pid: 200, host: 'here', isAlive: () => true })).toThrow(/in use by another process \(pid 100\)/);
    expect(JSON.parse(readFileSync(first.path, 'utf8')).pid).toBe(100);
  });

  it('takes over a lock left by a process that no longer runs on this host', () => {
    const dataDir = newDataDir();
    lockDataDir(dataDir, { pid: 100, host: 'here' });
    const second = lockDataDir(dataDir, { pid: 200, host: 'here', isAlive: (pid) => pid !== 100 });
    expect(JSON.parse(readFileSync(second.path, 'utf8')).pid).toBe(200);
  });

  it('does not take over a lock held from another host', () => {
    const dataDir = newDataDir();
    lockDataDir(dataDir, { pid: 100, host: 'elsewhere' });
    expect(() => lockDataDir(dataDir, { pid: 200, host: 'here', isAlive: () => false })).toThrow(DataDirLockedError);
  });

  it('treats an unreadable lock file as stale', () => {
    const dataDir = newDataDir();
    writeFileSync(join(dataDir, 'service.lock'), 'garbage');
    const lock = lockDataDir(dataDir, { pid: 300, host: 'here' });
    expect(JSON.parse(readFileSync(lock.path, 'utf8')).pid).toBe(300);
  });

  it('release leaves a lock that another process took over alone', () => {
    const dataDir = newDataDir();
    const first = lockDataDir(dataDir, { pid: 100, host: 'here' });
    writeFileSync(first.path, JSON.stringify({ pid: 999, host: 'here' }));
    first.release();
    expect(existsSync(first.path)).toBe(true);
  });
});
