import { randomUUID } from 'node:crypto';
import type { Db } from './db.js';

/** This app process as the other processes on the database see it. */
export interface AppProcess {
  /** Written on every claim this process takes (pending turns, outbox rows being sent). */
  readonly id: string;
  /** Stops the heartbeat and removes the row, so nothing this process held waits for a lease to end. */
  retire(): Promise<void>;
}

export interface AppProcessOptions {
  /**
   * Only this process uses the database (embedded PGlite behind its
   * data-directory lock): every other registered process is dead, whatever
   * its heartbeat says, and is removed at once.
   */
  exclusive: boolean;
  /** How often the heartbeat is renewed. */
  heartbeatMs?: number;
  /** How long one heartbeat keeps the process alive; a few missed beats, not one. */
  ttlMs?: number;
  newId?: () => string;
  /** A heartbeat or the retirement failed (the database is unreachable or closed); the heartbeat then simply runs out. */
  onError?: (error: unknown) => void;
}

const defaultHeartbeatMs = 2_000;
const defaultTtlMs = 15_000;

/**
 * SQL condition: the process named by `column` holds nothing any more (it
 * retired, its heartbeat ran out, or it never registered). `column` is a
 * column name written in code, never input.
 */
export function processIsGone(column: string): string {
  return `NOT EXISTS (SELECT 1 FROM app_processes p WHERE p.id = ${column} AND p.alive_until > now())`;
}

/**
 * Registers this process with a heartbeat in `app_processes`. Claims name
 * their holder, so when a process dies (kill -9) its claims are taken over
 * as soon as its heartbeat runs out, or at once on an exclusive database.
 */
export async function registerAppProcess(db: Db, options: AppProcessOptions): Promise<AppProcess> {
  const id = (options.newId ?? randomUUID)();
  const heartbeatMs = options.heartbeatMs ?? defaultHeartbeatMs;
  const ttl = String(options.ttlMs ?? defaultTtlMs);
  const beat = () =>
    db.query(
      `INSERT INTO app_processes (id, alive_until) VALUES ($1, now() + ($2 || ' milliseconds')::interval)
       ON CONFLICT (id) DO UPDATE SET alive_until = EXCLUDED.alive_until`,
      [id, ttl],
    );

  if (options.exclusive) await db.query('DELETE FROM app_processes WHERE id <> $1', [id]);
  // Rows of processes long dead only clutter the table; recent ones still name the holders of claims.
  else await db.query("DELETE FROM app_processes WHERE alive_until < now() - interval '1 day'");
  await beat();

  let retired = false;
  let pending: Promise<unknown> | undefined;
  const timer = setInterval(() => {
    if (pending) return;
    pending = beat()
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        pending = undefined;
      });
  }, heartbeatMs);
  timer.unref();

  return {
    id,
    async retire() {
      if (retired) return;
      retired = true;
      clearInterval(timer);
      await pending;
      // Shutting down must not fail here: without the delete, the claims are free once the heartbeat runs out.
      await db.query('DELETE FROM app_processes WHERE id = $1', [id]).catch((error: unknown) => options.onError?.(error));
    },
  };
}
