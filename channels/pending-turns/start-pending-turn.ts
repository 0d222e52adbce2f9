import type { TurnRunner } from '../turn-runner.js';
import type { PendingTurnStore } from './pending-turn-store.js';
import { runPendingTurn } from './run-pending-turn.js';

export interface PendingTurnStarter {
  turns: Pick<TurnRunner, 'run'>;
  pendingTurns: Pick<PendingTurnStore, 'complete' | 'release' | 'unclaim'>;
}

/**
 * Runs the work a pending turn stands for on the turn runner, completing or
 * releasing the turn as `runPendingTurn` does. When the runner is full the
 * turn is handed back unclaimed: a recovery sweep with room takes it. Never
 * rejects; if even the hand-back fails, the claim's lease runs out instead.
 */
export function startPendingTurn(starter: PendingTurnStarter, key: string, work: () => Promise<void>): Promise<void> {
  const started = starter.turns.run(key, () => runPendingTurn(starter.pendingTurns, key, work));
  return started ?? starter.pendingTurns.unclaim(key).catch(() => undefined);
}
