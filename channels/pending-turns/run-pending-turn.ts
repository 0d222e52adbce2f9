import type { PendingTurnStore } from './pending-turn-store.js';

/**
 * Does the work a pending turn stands for, then completes it; when the work
 * fails, frees the turn for another attempt after a backoff and rethrows.
 * Killed half-way, the turn stays claimed by a process that is gone, and a
 * recovery sweep takes it over.
 */
export async function runPendingTurn(store: Pick<PendingTurnStore, 'complete' | 'release'>, inboundMessageId: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    await store.release(inboundMessageId, error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    throw error;
  }
  await store.complete(inboundMessageId);
}
