export interface SimilarityClusteringOptions {
  /** Two groups join only while their average pairwise cosine similarity is at least this. */
  threshold: number;
  /** How many items each vector stands for (identical questions asked several times); 1 each when omitted. */
  weights?: readonly number[];
}

/**
 * Average-linkage agglomerative clustering of unit vectors, cut where the
 * average cosine similarity between two groups falls below `threshold`.
 * Average linkage keeps a cluster from chaining through one ambiguous
 * question into a neighbouring need, as single linkage would.
 *
 * Runs the nearest-neighbour-chain algorithm (O(n²) time and memory): average
 * linkage never makes a group more similar to a third than its better part
 * was, so an item whose best partner is below the threshold is final and
 * leaves the chain. Ties go to the lower index, so the output depends only on
 * the input order. Returns groups of input indexes, each sorted, ordered by
 * their first index.
 */
export function clusterBySimilarity(vectors: readonly (readonly number[])[], options: SimilarityClusteringOptions): number[][] {
  const units = vectors.map(toUnit);
  return clusterBySimilarityMatrix(similarityMatrix(units.length, (row, column) => dot(units[row] ?? [], units[column] ?? [])), units.length, options);
}

/** The symmetric matrix of `similarityOf` over `count` items, row by row. */
export function similarityMatrix(count: number, similarityOf: (row: number, column: number) => number): Float64Array {
  const similarity = new Float64Array(count * count);
  for (let row = 0; row < count; row += 1) {
    similarity[row * count + row] = 1;
    for (let column = row + 1; column < count; column += 1) {
      const value = similarityOf(row, column);
      similarity[row * count + column] = value;
      similarity[column * count + row] = value;
    }
  }
  return similarity;
}

/** `clusterBySimilarity` on a precomputed similarity matrix (`similarityMatrix`), which it overwrites. */
export function clusterBySimilarityMatrix(similarity: Float64Array, count: number, options: SimilarityClusteringOptions): number[][] {
  const size = Array.from({ length: count }, (_, index) => options.weights?.[index] ?? 1);
  const members = Array.from({ length: count }, (_, index) => [index]);
  const active = new Set(Array.from({ length: count }, (_, index) => index));
  const finished: number[][] = [];
  const finish = (index: number) => {
    active.delete(index);
    finished.push(members[index] ?? []);
  };
  const chain: number[] = [];

  while (active.size > 0) {
    if (chain.length === 0) chain.push(Math.min(...active));
    const top = chain[chain.length - 1] ?? 0;
    const previous = chain.length >= 2 ? chain[chain.length - 2] : undefined;
    let best: number | undefined;
    let bestSimilarity = -Infinity;
    for (const candidate of active) {
      if (candidate === top) continue;
      const value = similarity[top * count + candidate] ?? -Infinity;
      // The chain's previous link wins ties, or the chain could cycle.
      const better = value > bestSimilarity || (value === bestSimilarity && (candidate === previous || (best !== previous && candidate < (best ?? Infinity))));
      if (better) {
        best = candidate;
        bestSimilarity = value;
      }
    }
    if (best === undefined || bestSimilarity < options.threshold) {
      // Links along a chain only grow, so nothing on it can reach the threshold any more.
      for (const index of chain) finish(index);
      chain.length = 0;
      continue;
    }
    if (best !== previous) {
      chain.push(best);
      continue;
    }
    chain.length -= 2;
    const kept = Math.min(top, best);
    const merged = Math.max(top, best);
    const keptSize = size[kept] ?? 1;
    const mergedSize = size[merged] ?? 1;
    active.delete(merged);
    for (const other of active) {
      if (other === kept) continue;
      const value =
        (keptSize * (similarity[other * count + kept] ?? 0) + mergedSize * (similarity[other * count + merged] ?? 0)) / (keptSize + mergedSize);
      similarity[other * count + kept] = value;
      similarity[kept * count + other] = value;
    }
    size[kept] = keptSize + mergedSize;
    members[kept] = [...(members[kept] ?? []), ...(members[merged] ?? [])];
  }
  return finished.map((group) => [...group].sort((left, right) => left - right)).sort((left, right) => (left[0] ?? 0) - (right[0] ?? 0));
}

/** Cosine similarity of two vectors of any length. */
export function cosineSimilarity(left: readonly number[], right: readonly number[]): number {
  return dot(toUnit(left), toUnit(right));
}

/** The vector scaled to length 1 (a zero vector stays zero). */
export function toUnit(vector: readonly number[]): readonly number[] {
  const norm = Math.sqrt(dot(vector, vector));
  return norm === 0 ? vector : vector.map((value) => value / norm);
}

/** The dot product: the cosine similarity of two unit vectors. */
export function dot(left: readonly number[], right: readonly number[]): number {
  let sum = 0;
  for (let index = 0; index < left.length; index += 1) sum += (left[index] ?? 0) * (right[index] ?? 0);
  return sum;
}
