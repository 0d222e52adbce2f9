import { articleFamilies, type TranslationLinks } from './metrics/article-families.js';
import { z } from 'zod';
import { createProgressBar, type ProgressOutput } from '../../bot/cli/progress-bar.js';
import { startChannelTestApp, type ChannelTestApp } from '../../test-support/channel-drivers/index.js';
import type { CaseResult } from './case-result.js';
import type { EvalCase } from './dataset/eval-case.js';
import { referenceChannelOf, type EvalChannel } from './eval-channel.js';
import { EvalSetupError } from './eval-setup-error.js';
import { checkThresholds, type Thresholds } from './gate/thresholds.js';
import { judgeAnswers, type JudgeSummary } from './judge/judge-answers.js';
import type { LlmJudge } from './judge/llm-judge.js';
import { computeMetrics } from './metrics/compute-metrics.js';
import { buildEvalReport } from './report/build-eval-report.js';
import type { EvalReport } from './report/eval-report.js';
import { writeReports, type WrittenReports } from './report/write-reports.js';
import { runEvalCases } from './run/run-eval-cases.js';

export interface RunEvalOptions {
  /** The cases to run, already selected. */
  cases: readonly EvalCase[];
  datasetFiles: string[];
  casesInDataset: number;
  /** The folder ingested into a fresh embedded database; undefined serves the sample-knowledge test template (inside vitest only). */
  knowledgeDir: string | undefined;
  channels: readonly EvalChannel[];
  seed: number;
  limit: number | null;
  concurrency: number;
  /** How long one turn may wait for its reply. */
  replyTimeoutMs: number;
  /** Undefined: no gate (--no-gate). */
  thresholds?: { path: string; thresholds: Thresholds };
  judge?: LlmJudge;
  outDir: string;
  /** Where the progress bar goes (stderr); none when undefined. */
  progress?: ProgressOutput;
  clock?: () => Date;
}

export interface EvalRun {
  report: EvalReport;
  files: WrittenReports;
}

const countSchema = z.array(z.object({ articles: z.coerce.number(), chunks: z.coerce.number() }));

/**
 * One evaluation: the real app on a fresh embedded database with every
 * selected channel switched on, every case driven through every channel,
 * metrics, the optional judge, the gate, and the three reports.
 */
export async function runEval(options: RunEvalOptions): Promise<EvalRun> {
  const clock = options.clock ?? (() => new Date());
  const started = performance.now();
  const harness = await startChannelTestApp(options.knowledgeDir === undefined ? {} : { knowledgeDir: options.knowledgeDir });
  let results: CaseResult[];
  let knowledge: EvalReport['knowledge'];
  let families: Map<string, string> | undefined;
  try {
    knowledge = await knowledgeSummary(harness);
    if (knowledge.articles === 0) {
      const failures = knowledge.failures.map((failure) => `\n  ${failure.path}: ${failure.reason}`).join('');
      throw new EvalSetupError(`No document could be ingested from ${options.knowledgeDir ?? 'the sample knowledge base'}${failures}`);
    }
    families = articleFamilies(await translationLinks(harness));
    const bar = options.progress ? createProgressBar(options.progress, 'eval') : undefined;
    results = await runEvalCases({
      harness,
      cases: options.cases,
      channels: options.channels,
      concurrency: options.concurrency,
      seed: options.seed,
      replyTimeoutMs: options.replyTimeoutMs,
      ...(bar ? { onProgress: (done: number, total: number) => bar.update(done, total) } : {}),
    });
  } finally {
    await harness.close();
  }

  const breakdown = computeMetrics(results, options.channels, families);
  const referenceChannel = referenceChannelOf(options.channels);
  const judge: JudgeSummary | undefined =
    options.judge && referenceChannel ? await judgeAnswers(results, referenceChannel, options.judge) : undefined;
  const metrics = { ...breakdown.overall, ...(judge ? { judgeFaithfulness: judge.judgeFaithfulness, judgeRelevance: judge.judgeRelevance } : {}) };
  const gate = options.thresholds ? { ...checkThresholds(metrics, options.thresholds.thresholds), thresholdsFile: options.thresholds.path } : undefined;
  const report = buildEvalReport({
    results,
    breakdown,
    run: {
      datasetFiles: options.datasetFiles,
      casesInDataset: options.casesInDataset,
      knowledgeDir: options.knowledgeDir ?? 'knowledge/articles (test template)',
      channels: [...options.channels],
      seed: options.seed,
      limit: options.limit,
      concurrency: options.concurrency,
    },
    knowledge,
    generatedAt: clock(),
    durationSeconds: (performance.now() - started) / 1000,
    ...(gate ? { gate } : {}),
    ...(judge ? { judge } : {}),
  });
  return { report, files: await writeReports(report, options.outDir) };
}

const translationLinksSchema = z.array(z.object({ articleId: z.string(), translations: z.record(z.string(), z.string()) }));

/** Which served articles are translations of which, so a paraphrase in Dutch citing the Dutch version counts as the same citation. */
async function translationLinks(harness: ChannelTestApp): Promise<TranslationLinks[]> {
  return translationLinksSchema.parse(await harness.app.db.query('SELECT article_id AS "articleId", translations FROM served_article_versions'));
}

async function knowledgeSummary(harness: ChannelTestApp): Promise<EvalReport['knowledge']> {
  const [counts] = countSchema.parse(
    await harness.app.db.query(
      `SELECT (SELECT count(*) FROM served_article_versions) AS articles,
              (SELECT count(*) FROM chunks WHERE serving) AS chunks`,
    ),
  );
  return { articles: counts?.articles ?? 0, chunks: counts?.chunks ?? 0, failures: harness.knowledge?.failures ?? [] };
}
