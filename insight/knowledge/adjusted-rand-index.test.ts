import { describe, expect, it } from 'vitest';
import { adjustedRandIndex } from './adjusted-rand-index.js';

describe('adjustedRandIndex', () => {
  it('matches the published values of worked examples (scikit-learn adjusted_rand_score)', () => {
    expect(adjustedRandIndex(['0', '0', '1', '1'], ['0', '0', '1', '2'])).toBeCloseTo(0.5714285714, 9);
    expect(adjustedRandIndex(['0', '0', '0', '1', '1', '1'], ['0', '0', '1', '1', '2', '2'])).toBeCloseTo(0.2424242424, 9);
    expect(adjustedRandIndex(['0', '0', '1', '2'], ['0', '0', '1', '1'])).toBeCloseTo(0.5714285714, 9);
    expect(adjustedRandIndex(['0', '0', '1', '1'], ['0', '1', '0', '1'])).toBeCloseTo(-0.5, 9);
  });

  it('is 1 for the same partition under other names', () => {
    expect(adjustedRandIndex(['a', 'a', 'b', 'b', 'c'], ['x', 'x', 'y', 'y', 'z'])).toBe(1);
  });

  it('treats two all-singleton or two single-cluster partitions as agreeing', () => {
    expect(adjustedRandIndex(['a', 'b', 'c'], ['x', 'y', 'z'])).toBe(1);
    expect(adjustedRandIndex(['a', 'a', 'a'], ['x', 'x', 'x'])).toBe(1);
  });

  it('refuses partitions of different lengths', () => {
    expect(() => adjustedRandIndex(['a'], ['a', 'b'])).toThrow(/same items/);
  });
});
