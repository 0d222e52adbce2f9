import { startBackgroundLoop } from '../../db/background-loop.js';
import type { Logger } from 'pino';
import type { TurnRunner } from '../turn-runner.js';
import type { PendingTurn } from './pending-turn.js';
import type { PendingTurnStore } from './pending-turn-store.js';
import { startPendingTurn } from './start-pending-turn.js';

export interface PendingTurnSweepOptions {
  store: Pick<PendingTurnStore, 'claimAbandoned' | 'complete' | 'release' | 'unclaim'>;
  /** The same runner the webhooks start their turns on, so shutdown waits for recovered turns too; claims never exceed its room. */
  turns: Pick<TurnRunner, 'run' | 'room'>;
  /** Runs a recovered turn on its channel: the steps the webhook path takes after storing the message. */
  resume(turn: PendingTurn): Promise<void>;
  /** Pause between sweeps. */
  intervalMs?: number;
  /** Turns claimed at a time (fewer when the runner has less room). */
  batchSize?: number;
  logger?: Pick<Logger, 'info' | 'error'>;
}

export interface PendingTurnSweep {
  /** Recovers every abandoned turn now; resolves with how many were run (tests and start-up). */
  sweep(): Promise<number>;
  stop(): Promise<void>;
}

const defaultIntervalMs = 3_000;
const defaultBatchSize = 16;

/**
 * Answers the messages a crashed process acknowledged but never answered:
 * at start and then every few seconds, claims pending turns nobody is
 * running (see `PendingTurnStore.claimAbandoned`) and runs each exactly as
 * the webhook would have, in batches so a backlog does not starve new
 * messages. The same sweep drains a burst the turn runner had no room for.
 */
export function startPendingTurnSweep(options: PendingTurnSweepOptions): PendingTurnSweep {
  const { store, logger } = options;
  const batchSize = options.batchSize ?? defaultBatchSize;
  const loop = startBackgroundLoop({
    async pass() {
      let recovered = 0;
      while (!loop.stopped) {
        const room = Math.min(batchSize, options.turns.room);
        if (room === 0) break;
        const claimed = await store.claimAbandoned(room);
        if (claimed.length === 0) break;
        logger?.info({ turns: claimed.length, channels: [...new Set(claimed.map((turn) => turn.channel))] }, 'recovering unanswered messages');
        await Promise.all(
          claimed.map((turn) => startPendingTurn({ turns: options.turns, pendingTurns: store }, turn.inboundMessageId, () => options.resume(turn))),
        );
        recovered += claimed.length;
      }
      return recovered;
    },
    intervalMs: options.intervalMs ?? defaultIntervalMs,
    failureMessage: 'recovery sweep failed',
    ...(logger ? { logger } : {}),
  });

  return {
    async sweep() {
      if (loop.running) await loop.running;
      return loop.run();
    },
    stop: () => loop.stop(),
  };
}
