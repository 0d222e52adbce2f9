import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EvalMetrics } from '../metrics/eval-metrics.js';
import { ThresholdsFileError } from './thresholds-file-error.js';
import { checkThresholds, describeViolations, readThresholds } from './thresholds.js';

const metrics: EvalMetrics = {
  decisionAccuracy: 0.8,
  handoffPrecision: 0.9,
  handoffRecall: null,
  recallAt5: 0.95,
  mrr: 0.8,
  citationPrecision: 0.7,
  factRecall: 0.9,
  groundedness: 1,
  crossChannelConsistency: 0.99,
  paraphraseConsistency: 0.85,
  latencyP50Ms: 150,
  latencyP95Ms: 1400,
};

describe('checkThresholds', () => {
  it('lists each metric below its minimum or above its maximum, and the ones it could not measure', () => {
    const gate = checkThresholds(metrics, {
      min: { decisionAccuracy: 0.85, handoffRecall: 0.9, groundedness: 1, mrr: 0.8 },
      max: { latencyP95Ms: 1000, latencyP50Ms: 200 },
    });
    expect(gate.passed).toBe(false);
    expect(gate.unmeasured).toEqual(['handoffRecall']);
    expect(describeViolations(gate.violations)).toEqual([
      'decisionAccuracy 0.800 is below the minimum 0.850',
      'latencyP95Ms 1400 ms is above the maximum 1000 ms',
    ]);
  });

  it('passes when every measured metric is within its limit', () => {
    expect(checkThresholds(metrics, { min: { decisionAccuracy: 0.8 }, max: {} })).toEqual({ passed: true, violations: [], unmeasured: [] });
  });

  it('gates judge scores only when the judge ran', () => {
    expect(checkThresholds(metrics, { min: { judgeFaithfulness: 0.9 }, max: {} }).unmeasured).toEqual(['judgeFaithfulness']);
    expect(checkThresholds({ ...metrics, judgeFaithfulness: 0.5 }, { min: { judgeFaithfulness: 0.9 }, max: {} }).passed).toBe(false);
  });
});

describe('readThresholds', () => {
  it('reads a file and refuses unknown metrics or out-of-range limits, naming them', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'thresholds-'));
    try {
      const good = join(folder, 'good.json');
      await writeFile(good, JSON.stringify({ description: 'measured', min: { mrr: 0.7 }, max: { latencyP95Ms: 2000 } }));
      expect(await readThresholds(good)).toEqual({ description: 'measured', min: { mrr: 0.7 }, max: { latencyP95Ms: 2000 } });

      const bad = join(folder, 'bad.json');
      await writeFile(bad, JSON.stringify({ min: { accuracy: 0.9, mrr: 1.5 }, max: { decisionAccuracy: 1 } }));
      const error = await readThresholds(bad).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(ThresholdsFileError);
      expect((error as Error).message).toMatch(/accuracy/);
      expect((error as Error).message).toMatch(/mrr/);
      expect((error as Error).message).toMatch(/decisionAccuracy/);

      await expect(readThresholds(join(folder, 'missing.json'))).rejects.toThrow(/cannot read thresholds/);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
