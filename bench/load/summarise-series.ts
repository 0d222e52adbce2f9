import type { OpenLoopResult } from './open-loop-driver.js';

export interface LatencySummary {
  count: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** One fixed-rate series as reported: what was offered, what came back, how fast. */
export interface SeriesSummary {
  offeredRate: number;
  durationSeconds: number;
  /** Measured requests (warm-up excluded). */
  requests: number;
  /** 2xx answers per second over the window from the first measured send to the last measured answer. */
  achievedRate: number;
  ok: number;
  /** Answered with a status outside 2xx, by status. */
  non2xx: Record<string, number>;
  /** No answer at all (refused, reset, timed out), by message. */
  errors: Record<string, number>;
  latency: LatencySummary;
  /** How late the driver itself sent (sent − scheduled): large values mean the driver, not the server, was short of CPU. */
  driverLagP99Ms: number;
}

/** Nearest-rank percentile (0..100) of numbers already sorted ascending. */
export function percentileOfSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? 0;
}

export function summariseLatencies(values: readonly number[]): LatencySummary {
  const sorted = Float64Array.from(values).sort();
  const list = Array.from(sorted);
  return {
    count: list.length,
    p50Ms: round(percentileOfSorted(list, 50)),
    p95Ms: round(percentileOfSorted(list, 95)),
    p99Ms: round(percentileOfSorted(list, 99)),
    maxMs: round(list.at(-1) ?? 0),
  };
}

/** Latency over every measured request, failed ones included (a timeout is a 15 s latency, not a missing sample). */
export function summariseSeries(result: OpenLoopResult, offeredRate: number, durationSeconds: number): SeriesSummary {
  const measured = result.outcomes.filter((outcome) => outcome.measured);
  const non2xx: Record<string, number> = {};
  const errors: Record<string, number> = {};
  let ok = 0;
  for (const outcome of measured) {
    if (outcome.status >= 200 && outcome.status < 300) ok += 1;
    else if (outcome.status === 0) errors[outcome.error ?? 'unknown'] = (errors[outcome.error ?? 'unknown'] ?? 0) + 1;
    else non2xx[String(outcome.status)] = (non2xx[String(outcome.status)] ?? 0) + 1;
  }
  const windowSeconds = Math.max(durationSeconds, (result.lastAnswerAt - result.measuredFrom) / 1000);
  const lags = Array.from(Float64Array.from(measured.map((outcome) => outcome.sentAt - outcome.scheduledAt)).sort());
  return {
    offeredRate,
    durationSeconds,
    requests: measured.length,
    achievedRate: round(ok / windowSeconds),
    ok,
    non2xx,
    errors,
    latency: summariseLatencies(measured.map((outcome) => outcome.latencyMs)),
    driverLagP99Ms: round(percentileOfSorted(lags, 99)),
  };
}

/**
 * Sustained means the server kept pace and stayed fast: at least 98% of the
 * offered rate came back 2xx within the window, at most 0.1% failed, and p95
 * is within the latency budget.
 */
export function isSustained(series: SeriesSummary, p95BudgetMs: number): boolean {
  const failed = series.requests - series.ok;
  return series.achievedRate >= 0.98 * series.offeredRate && failed <= 0.001 * series.requests && series.latency.p95Ms <= p95BudgetMs;
}

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
