import { describe, expect, it } from 'vitest';
import { createGroupCommit } from './group-commit.js';

describe('group commit', () => {
  it('writes the items submitted together with one call, and answers each caller with its own outcome', async () => {
    const batches: number[][] = [];
    const commit = createGroupCommit(async (items: number[]) => {
      batches.push(items);
      return items.map((item) => item * 10);
    });
    expect(await Promise.all([commit.submit(1), commit.submit(2), commit.submit(3)])).toEqual([10, 20, 30]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('collects what arrives while a batch is being written into the next one', async () => {
    const batches: string[][] = [];
    let finishFirst: () => void = () => undefined;
    const commit = createGroupCommit(async (items: string[]) => {
      batches.push(items);
      if (batches.length === 1) await new Promise<void>((resolve) => (finishFirst = resolve));
      return items.map(() => true);
    });
    const first = commit.submit('a');
    await new Promise((resolve) => setImmediate(resolve));
    const later = [commit.submit('b'), commit.submit('c')];
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toEqual([['a']]);
    finishFirst();
    await Promise.all([first, ...later]);
    expect(batches).toEqual([['a'], ['b', 'c']]);
  });

  it('takes at most the largest batch per write; the rest follow', async () => {
    const sizes: number[] = [];
    const commit = createGroupCommit(
      async (items: number[]) => {
        sizes.push(items.length);
        return items;
      },
      { maxBatch: 2 },
    );
    expect(await Promise.all([1, 2, 3, 4, 5].map((item) => commit.submit(item)))).toEqual([1, 2, 3, 4, 5]);
    expect(sizes).toEqual([2, 2, 1]);
  });

  it('fails every caller of a failed batch with its error, and goes on with the next batch', async () => {
    let calls = 0;
    const commit = createGroupCommit(async (items: string[]) => {
      calls += 1;
      if (calls === 1) throw new Error('database unavailable');
      return items;
    });
    const failed = [commit.submit('a'), commit.submit('b')].map((outcome) => outcome.then(() => 'written', (error: Error) => error.message));
    expect(await Promise.all(failed)).toEqual(['database unavailable', 'database unavailable']);
    expect(await commit.submit('c')).toBe('c');
  });

  it('fails the batch when the write answers for a different number of items', async () => {
    const commit = createGroupCommit(async () => [1]);
    await expect(Promise.all([commit.submit(1), commit.submit(2)])).rejects.toThrow('returned 1 outcomes');
  });
});
