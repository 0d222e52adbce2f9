import type { CaseResult } from '../case-result.js';

/** The nearest-rank percentile (`fraction` from 0 to 1) of the values, or null for none. */
export function percentile(values: readonly number[], fraction: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((left, right) => left - right);
  const rank = Math.max(1, Math.ceil(fraction * sorted.length));
  return sorted[rank - 1] ?? null;
}

/** Every turn's latency, send to reply received, across the results given. */
export function turnLatencies(cases: readonly CaseResult[]): number[] {
  return cases.flatMap((item) => item.channels.flatMap((result) => result.latenciesMs));
}
