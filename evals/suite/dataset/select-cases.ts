/**
 * A small seeded generator (mulberry32): the same seed gives the same order on
 * every machine and Node version, which `Math.random` does not promise.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A seeded Fisher–Yates shuffle; the input is left as it is. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

/**
 * The cases a run evaluates: a seeded random sample of `limit` (all when no
 * limit), returned in dataset order so reports read like the dataset.
 */
export function selectCases<T>(cases: readonly T[], options: { seed: number; limit?: number }): T[] {
  if (options.limit === undefined || options.limit >= cases.length) return [...cases];
  const chosen = new Set(shuffled(cases, options.seed).slice(0, options.limit));
  return cases.filter((item) => chosen.has(item));
}
