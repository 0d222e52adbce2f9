import { describe, expect, it } from 'vitest';
import { selectCases, shuffled } from './select-cases.js';

const items = Array.from({ length: 50 }, (_, index) => `case-${index}`);

describe('selectCases', () => {
  it('keeps every case, in dataset order, without a limit', () => {
    expect(selectCases(items, { seed: 7 })).toEqual(items);
  });

  it('samples the same cases for the same seed, and other ones for another seed', () => {
    const first = selectCases(items, { seed: 1, limit: 10 });
    expect(first).toHaveLength(10);
    expect(selectCases(items, { seed: 1, limit: 10 })).toEqual(first);
    expect(selectCases(items, { seed: 2, limit: 10 })).not.toEqual(first);
  });

  it('returns the sample in dataset order', () => {
    const sample = selectCases(items, { seed: 3, limit: 12 });
    expect([...sample].sort((a, b) => items.indexOf(a) - items.indexOf(b))).toEqual(sample);
  });

  it('keeps everything when the limit is the dataset size or more', () => {
    expect(selectCases(items, { seed: 1, limit: 500 })).toEqual(items);
  });
});

describe('shuffled', () => {
  it('is a permutation that depends only on the seed', () => {
    const once = shuffled(items, 42);
    expect([...once].sort()).toEqual([...items].sort());
    expect(shuffled(items, 42)).toEqual(once);
    expect(once).not.toEqual(items);
  });
});
