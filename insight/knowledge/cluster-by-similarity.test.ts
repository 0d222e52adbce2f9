import { describe, expect, it } from 'vitest';
import { clusterBySimilarity, cosineSimilarity } from './cluster-by-similarity.js';

const angle = (degrees: number) => [Math.cos((degrees * Math.PI) / 180), Math.sin((degrees * Math.PI) / 180)];

describe('clusterBySimilarity', () => {
  it('groups vectors whose average similarity reaches the threshold', () => {
    const vectors = [angle(0), angle(5), angle(90), angle(10), angle(95), angle(180)];
    expect(clusterBySimilarity(vectors, { threshold: 0.9 })).toEqual([[0, 1, 3], [2, 4], [5]]);
  });

  it('does not chain through neighbours the way single linkage would', () => {
    // Each step is 20° (cos 0.94), but the ends are 80° apart: the average link to the far end falls below 0.9.
    const vectors = [angle(0), angle(20), angle(40), angle(60), angle(80)];
    const groups = clusterBySimilarity(vectors, { threshold: 0.9 });
    expect(groups.length).toBeGreaterThan(1);
    expect(groups.flat().sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('computes every group merge with the averaged (weighted) similarity', () => {
    // 0 and 1 are identical; 2 is at 30° (cos 0.866) from both; with weights 1, 1, 1 the average is 0.866.
    const vectors = [angle(0), angle(0), angle(30)];
    expect(clusterBySimilarity(vectors, { threshold: 0.86 })).toEqual([[0, 1, 2]]);
    expect(clusterBySimilarity(vectors, { threshold: 0.87 })).toEqual([[0, 1], [2]]);
  });

  it('gives the same groups whatever the ties, and handles no input and one input', () => {
    const vectors = [angle(0), angle(0), angle(0), angle(0)];
    expect(clusterBySimilarity(vectors, { threshold: 0.5 })).toEqual([[0, 1, 2, 3]]);
    expect(clusterBySimilarity([], { threshold: 0.5 })).toEqual([]);
    expect(clusterBySimilarity([angle(1)], { threshold: 0.5 })).toEqual([[0]]);
  });

  it('measures cosine similarity on vectors of any length', () => {
    expect(cosineSimilarity([2, 0], [5, 0])).toBeCloseTo(1, 12);
    expect(cosineSimilarity([1, 0], [0, 3])).toBeCloseTo(0, 12);
    expect(cosineSimilarity([0, 0], [1, 0])).toBe(0);
  });
});
