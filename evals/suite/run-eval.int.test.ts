import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEvalDataset } from './dataset/read-eval-dataset.js';
import type { EvalReport } from './report/eval-report.js';
import { runEval, type EvalRun } from './run-eval.js';

const fixture = fileURLToPath(new URL('./fixtures/tiny-dataset.jsonl', import.meta.url));

/**
 * The runner end to end on four cases (two paraphrases, a handoff, a
 * two-turn conversation) over SMS (Twilio-signed webhooks, replies at the
 * fake Twilio API) and web chat (HTTP), on the sample knowledge base.
 */
describe('runEval on a tiny dataset over two channels', () => {
  let outDir: string;
  let run: EvalRun;
  let report: EvalReport;

  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'eval-run-'));
    const dataset = await readEvalDataset(fixture);
    run = await runEval({
      cases: dataset.cases,
      datasetFiles: dataset.files,
      casesInDataset: dataset.cases.length,
      knowledgeDir: undefined,
      channels: ['sms', 'web-chat'],
      seed: 7,
      limit: null,
      concurrency: 3,
      replyTimeoutMs: 20_000,
      thresholds: { path: 'inline', thresholds: { min: { decisionAccuracy: 1, handoffRecall: 1 }, max: { latencyP95Ms: 1 } } },
      outDir,
      clock: () => new Date('2025-03-01T10:00:00Z'),
    });
    report = run.report;
  }, 120_000);

  afterAll(async () => {
    await rm(outDir, { recursive: true, force: true });
  });

  it('measures every metric, overall and per channel, locale and tag', () => {
    expect(Object.keys(report.metrics).sort()).toEqual(
      [
        'citationPrecision',
        'crossChannelConsistency',
        'decisionAccuracy',
        'factRecall',
        'groundedness',
        'handoffPrecision',
        'handoffRecall',
        'latencyP50Ms',
        'latencyP95Ms',
        'mrr',
        'paraphraseConsistency',
        'recallAt5',
      ].sort(),
    );
    expect(report.metrics).toMatchObject({
      decisionAccuracy: 1,
      handoffPrecision: 1,
      handoffRecall: 1,
      recallAt5: 1,
      factRecall: 1,
      groundedness: 1,
      crossChannelConsistency: 1,
      paraphraseConsistency: 1,
    });
    expect(report.metrics.mrr).toBeGreaterThan(0.5);
    expect(report.metrics.citationPrecision).toBeGreaterThan(0.5);
    expect(report.metrics.latencyP50Ms).toBeGreaterThan(0);
    expect(report.counts).toEqual({ cases: 4, results: 8, passedCases: 4, failedCases: 0 });
    expect(Object.keys(report.byChannel)).toEqual(['sms', 'web-chat']);
    expect(report.byChannel.sms).toMatchObject({ cases: 4, results: 4, decisionAccuracy: 1, crossChannelConsistency: null });
    expect(Object.keys(report.byLocale)).toEqual(['en']);
    expect(report.byTag['multi-turn']).toMatchObject({ cases: 1, factRecall: 1 });
    expect(report.byTag['out-of-scope']).toMatchObject({ cases: 1, handoffRecall: 1 });
    expect(report.knowledge.articles).toBeGreaterThan(100);
  });

  it('keeps what each channel delivered, with the recorded decision behind it', () => {
    const byId = new Map(report.cases.map((item) => [item.id, item]));
    const handoff = byId.get('fixture-mongolia');
    expect(handoff?.channels.sms).toMatchObject({ decision: 'handoff', citations: [], turnsSent: 1, failures: [] });
    expect(handoff?.channels.sms?.reasons).toContain('not_covered');
    const twoTurns = byId.get('fixture-dispute-deadline');
    for (const channel of ['sms', 'web-chat'] as const) {
      expect(twoTurns?.channels[channel]).toMatchObject({ decision: 'answer', turnsSent: 2 });
      expect(twoTurns?.channels[channel]?.latenciesMs).toHaveLength(2);
      expect(twoTurns?.channels[channel]?.text).toContain('120 days');
    }
    expect(byId.get('fixture-forgot-pin')?.channels['web-chat']).toMatchObject({ decision: 'answer', citations: ['pin-reset'] });
    expect(byId.get('fixture-forgot-pin')?.channels['web-chat']?.retrievedArticles[0]).toBe('pin-reset');
    expect(report.cases.map((item) => item.id)).toEqual(['fixture-forgot-pin', 'fixture-pin-blocked', 'fixture-mongolia', 'fixture-dispute-deadline']);
  });

  it('gates on the thresholds given', () => {
    expect(report.gate).toEqual({
      thresholdsFile: 'inline',
      passed: false,
      violations: [{ metric: 'latencyP95Ms', kind: 'max', limit: 1, value: report.metrics.latencyP95Ms }],
      unmeasured: [],
    });
  });

  it('writes report.json, summary.md and report.html', async () => {
    expect(JSON.parse(await readFile(run.files.json, 'utf8'))).toEqual(JSON.parse(JSON.stringify(report)));
    const summary = await readFile(run.files.markdown, 'utf8');
    expect(summary).toContain('| Decision accuracy | 100.0% | 100.0% | 100.0% |');
    expect(summary).toContain('**Gate FAILED** against inline');
    expect(summary).toContain('## Failing cases (0 of 4)');
    const html = await readFile(run.files.html, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('fixture-dispute-deadline');
    expect(html).not.toMatch(/<script|<link|src="http/);
  });
});
