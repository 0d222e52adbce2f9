import { describe, expect, it } from 'vitest';
import { runWithConcurrency } from './run-with-concurrency.js';

/** A task that resolves when the test says so, to observe how many run at once. */
function controllable() {
  let running = 0;
  let mostAtOnce = 0;
  const waiting: (() => void)[] = [];
  const work = async (item: number) => {
    running += 1;
    mostAtOnce = Math.max(mostAtOnce, running);
    await new Promise<void>((resolve) => waiting.push(resolve));
    running -= 1;
    return item * 2;
  };
  const releaseAll = async () => {
    while (waiting.length > 0 || running > 0) {
      waiting.splice(0).forEach((release) => release());
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return { work, releaseAll, mostAtOnce: () => mostAtOnce };
}

describe('runWithConcurrency', () => {
  it('runs at most the given number at once and keeps the input order', async () => {
    const tasks = controllable();
    const progress: string[] = [];
    const run = runWithConcurrency([1, 2, 3, 4, 5, 6, 7], 3, tasks.work, (done, total) => progress.push(`${done}/${total}`));
    await tasks.releaseAll();
    expect(await run).toEqual([2, 4, 6, 8, 10, 12, 14]);
    expect(tasks.mostAtOnce()).toBe(3);
    expect(progress.at(-1)).toBe('7/7');
    expect(progress).toHaveLength(7);
  });

  it('stops taking new items after a failure and rejects with it', async () => {
    const started: number[] = [];
    const run = runWithConcurrency([1, 2, 3, 4, 5], 1, async (item) => {
      started.push(item);
      if (item === 2) throw new Error('broken on 2');
      return item;
    });
    await expect(run).rejects.toThrow('broken on 2');
    expect(started).toEqual([1, 2]);
  });

  it('returns nothing for no items', async () => {
    expect(await runWithConcurrency([], 4, async () => 1)).toEqual([]);
  });
});
