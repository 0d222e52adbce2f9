import type { Logger } from 'pino';

/**
 * Runs bot turns after their webhook was acknowledged (the provider must not
 * wait for the answer), one per inbound message at a time, and keeps track of
 * them so shutdown and tests can wait until every started turn has finished.
 */
export function createTurnRunner(logger?: Pick<Logger, 'error'>) {
  const running = new Map<string, Promise<void>>();
  return {
    /**
     * Starts `turn` unless a turn for the same message is already running;
     * returns the running turn's promise, which never rejects (failures are logged).
     */
    run(key: string, turn: () => Promise<void>): Promise<void> {
      const already = running.get(key);
      if (already) return already;
      const promise = Promise.resolve()
        .then(turn)
        .catch((error: unknown) => {
          logger?.error({ inboundMessageId: key, error: error instanceof Error ? error.name : 'Error' }, 'turn failed after acknowledgement');
        })
        .finally(() => {
          running.delete(key);
        });
      running.set(key, promise);
      return promise;
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
