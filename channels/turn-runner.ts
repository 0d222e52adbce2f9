import { setImmediate as nextIoTurn } from 'node:timers/promises';
import type { Logger } from 'pino';
import { runInBackground } from '../db/background-statements.js';

export interface TurnRunnerOptions {
  logger?: Pick<Logger, 'error'>;
  /** Turns running side by side. Each is mostly work on the one main thread, so a few keep the database busy without starving webhooks. */
  maxRunning?: number;
  /**
   * Turns waiting for a place beyond those running. Past that the runner
   * refuses a turn, and its caller leaves it to the recovery sweep, which
   * claims from the database only as many as there is room for: a burst
   * then waits in Postgres, not in this process's memory.
   */
  maxWaiting?: number;
}

const defaultMaxRunning = 2;
const defaultMaxWaiting = 256;

/**
 * Runs bot turns after their webhook was acknowledged (the provider must not
 * wait for the answer), at most one per inbound message at a time and a
 * bounded number at once, and keeps track of them so shutdown and tests can
 * wait until every started turn has finished. Turns run as background work
 * (`runInBackground`): acknowledgements go first.
 */
export function createTurnRunner(options: TurnRunnerOptions = {}) {
  const maxRunning = options.maxRunning ?? defaultMaxRunning;
  const capacity = maxRunning + (options.maxWaiting ?? defaultMaxWaiting);
  const tracked = new Map<string, Promise<void>>();
  const queue: (() => void)[] = [];
  let running = 0;

  function takePlace(): Promise<void> {
    if (running < maxRunning) {
      running += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      queue.push(() => {
        running += 1;
        resolve();
      });
    });
  }

  function givePlace(): void {
    running -= 1;
    queue.shift()?.();
  }

  return {
    /**
     * Starts `turn` unless a turn for the same message is already tracked (then
     * returns that one's promise); returns undefined, running nothing, when
     * the runner is full. The promise never rejects (failures are logged).
     */
    run(key: string, turn: () => Promise<void>): Promise<void> | undefined {
      const already = tracked.get(key);
      if (already) return already;
      if (tracked.size >= capacity) return undefined;
      const promise = takePlace()
        .then(async () => {
          try {
            await nextIoTurn();
            await runInBackground(turn);
          } finally {
            givePlace();
          }
        })
        .catch((error: unknown) => {
          options.logger?.error({ inboundMessageId: key, error: error instanceof Error ? error.name : 'Error' }, 'turn failed after acknowledgement');
        })
        .finally(() => {
          tracked.delete(key);
        });
      tracked.set(key, promise);
      return promise;
    },
    /** Resolves when no turn is running or waiting. */
    async idle(): Promise<void> {
      while (tracked.size > 0) await Promise.all(tracked.values());
    },
    /** Turns running or waiting. */
    get size(): number {
      return tracked.size;
    },
    /** How many more turns `run` would take now. */
    get room(): number {
      return Math.max(0, capacity - tracked.size);
    },
  };
}

export type TurnRunner = ReturnType<typeof createTurnRunner>;
