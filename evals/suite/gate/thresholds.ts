import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { ThresholdsFileError } from './thresholds-file-error.js';
import { judgeMetricNames, latencyMetricNames, ratioMetricNames, type EvalMetrics, type MetricName } from '../metrics/eval-metrics.js';

/**
 * A thresholds file: the least each share may be (`min`, 0..1) and the most
 * each latency may be (`max`, milliseconds). Metrics it does not name are not gated.
 */
export const thresholdsSchema = z
  .object({
    /** Where the numbers come from; for the reader, not the gate. */
    description: z.string().optional(),
    min: z.partialRecord(z.enum([...ratioMetricNames, ...judgeMetricNames]), z.number().min(0).max(1)).default({}),
    max: z.partialRecord(z.enum(latencyMetricNames), z.number().positive()).default({}),
  })
  .strict();

export type Thresholds = z.infer<typeof thresholdsSchema>;

export async function readThresholds(path: string): Promise<Thresholds> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new ThresholdsFileError(path, `cannot read thresholds (${(error as Error).message})`);
  }
  const parsed = thresholdsSchema.safeParse(data);
  if (!parsed.success) throw new ThresholdsFileError(path, `invalid thresholds:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export interface GateViolation {
  metric: MetricName;
  kind: 'min' | 'max';
  limit: number;
  value: number;
}

export interface GateResult {
  passed: boolean;
  violations: GateViolation[];
  /** Gated metrics this run had nothing to measure for (no handoff expected in a small sample, one channel only...). */
  unmeasured: MetricName[];
}

/** Compares the metrics with the thresholds; a metric the run could not measure is listed, not failed. */
export function checkThresholds(metrics: EvalMetrics, thresholds: Thresholds): GateResult {
  const violations: GateViolation[] = [];
  const unmeasured: MetricName[] = [];
  const limits = [
    ...Object.entries(thresholds.min).map(([metric, limit]) => ({ metric: metric as MetricName, limit, kind: 'min' as const })),
    ...Object.entries(thresholds.max).map(([metric, limit]) => ({ metric: metric as MetricName, limit, kind: 'max' as const })),
  ];
  for (const { metric, limit, kind } of limits) {
    if (limit === undefined) continue;
    const value = metrics[metric];
    if (value === null || value === undefined) unmeasured.push(metric);
    else if (kind === 'min' ? value < limit : value > limit) violations.push({ metric, kind, limit, value });
  }
  return { passed: violations.length === 0, violations, unmeasured };
}

/** One line per violation, e.g. `decisionAccuracy 0.812 is below the minimum 0.850`. */
export function describeViolations(violations: readonly GateViolation[]): string[] {
  const show = (metric: MetricName, value: number) => (metric.endsWith('Ms') ? `${Math.round(value)} ms` : value.toFixed(3));
  return violations.map((violation) =>
    violation.kind === 'min'
      ? `${violation.metric} ${show(violation.metric, violation.value)} is below the minimum ${show(violation.metric, violation.limit)}`
      : `${violation.metric} ${show(violation.metric, violation.value)} is above the maximum ${show(violation.metric, violation.limit)}`,
  );
}
