import type { Logger } from 'pino';

/**
 * Runs bot turns after their webhook was acknowledged (the provider must not
 * wait for the answer), one per inbound message at a time, and keeps track of
 * them so shutdown and tests can wait until every started turn has finished.
 */
export function createTurnRunner(logger?: Pick<Logger, 'error'>) {
  const running = new Map<string, Promise<void>>();
  return {
    /** Starts `turn` unless a turn for the same message is already running. */
    run(key: string, turn: () => Promise<void>): void {
      if (running.has(key)) return;
      const promise = Promise.resolve()
        .then(turn)
        .catch((error: unknown) => {
          logger?.error({ inboundMessageId: key, error: error instanceof Error ? error.name : 'Error' }, 'turn failed after acknowledgement');
        })
        .finally(() => {
          running.delete(key);
        });
      running.set(key, promise);
    },
    /** Resolves when no turn is running. */
    async idle(): Promise<void> {
      while (running.size > 0) await Promise.all(running.values());
    },
    get size(): number {
      return running.size;
    },
  };
}

export type TurnRunner = ReturnType<typeof createTurnRunner>;
