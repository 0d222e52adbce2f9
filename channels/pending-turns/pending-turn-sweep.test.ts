import { describe, expect, it } from 'vitest';
import { createTurnRunner } from '../turn-runner.js';
import type { PendingTurn } from './pending-turn.js';
import { startPendingTurnSweep } from './pending-turn-sweep.js';
import { runPendingTurn } from './run-pending-turn.js';

/** An in-memory stand-in for the store: hands out `abandoned` in batches and records what happened to each turn. */
function memoryStore(abandoned: PendingTurn[]) {
  const waiting = [...abandoned];
  const store = {
    completed: [] as string[],
    released: [] as { id: string; error: string }[],
    claims: [] as number[],
    unclaimed: [] as string[],
    async claimAbandoned(limit: number) {
      store.claims.push(limit);
      return waiting.splice(0, limit);
    },
    async complete(id: string) {
      store.completed.push(id);
    },
    async release(id: string, error: string) {
      store.released.push({ id, error });
    },
    async unclaim(id: string) {
      store.unclaimed.push(id);
    },
  };
  return store;
}

const turn = (id: string): PendingTurn => ({ inboundMessageId: id, channel: 'sms', input: {}, attempts: 2 });

describe('runPendingTurn', () => {
  it('completes the turn when its work succeeds', async () => {
    const store = memoryStore([]);
    await runPendingTurn(store, 'm1', async () => undefined);
    expect(store.completed).toEqual(['m1']);
  });

  it('frees the turn with the reason and rethrows when its work fails', async () => {
    const store = memoryStore([]);
    await expect(runPendingTurn(store, 'm1', async () => Promise.reject(new TypeError('no answer')))).rejects.toThrow('no answer');
    expect(store).toMatchObject({ completed: [], released: [{ id: 'm1', error: 'TypeError: no answer' }] });
  });
});

describe('the pending-turn sweep', () => {
  it('runs every abandoned turn, batch after batch, on its channel, completing those that succeed and freeing those that fail', async () => {
    const store = memoryStore(['a', 'b', 'c', 'd', 'e'].map(turn));
    const resumed: string[] = [];
    const sweep = startPendingTurnSweep({
      store,
      turns: createTurnRunner(),
      batchSize: 2,
      intervalMs: 60_000,
      async resume(pending) {
        resumed.push(pending.inboundMessageId);
        if (pending.inboundMessageId === 'c') throw new Error('channel not configured');
      },
    });
    await sweep.sweep();
    await sweep.stop();
    expect(resumed.sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(store.completed.sort()).toEqual(['a', 'b', 'd', 'e']);
    expect(store.released).toEqual([{ id: 'c', error: 'Error: channel not configured' }]);
    expect(store.claims.every((limit) => limit === 2)).toBe(true);
  });

  it('does not start a second run of a turn this process is already running', async () => {
    const store = memoryStore([turn('a')]);
    const turns = createTurnRunner();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const running = turns.run('a', () => held);
    let resumed = 0;
    const sweep = startPendingTurnSweep({ store, turns, intervalMs: 60_000, resume: async () => void (resumed += 1) });
    const swept = sweep.sweep();
    release();
    await Promise.all([running, swept]);
    await sweep.stop();
    expect(resumed).toBe(0);
  });

  it('stops sweeping once stopped', async () => {
    const store = memoryStore([]);
    const sweep = startPendingTurnSweep({ store, turns: createTurnRunner(), intervalMs: 10, resume: async () => undefined });
    await sweep.stop();
    const claims = store.claims.length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(store.claims.length).toBe(claims);
  });
});
