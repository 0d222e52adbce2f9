import { randomInt } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProgressOutput } from '../../../bot/cli/progress-bar.js';
import { formatTable } from '../../../bot/cli/format-table.js';
import { loadConfig } from '../../../bot/config.js';
import { DatasetFormatError } from '../../dataset-format-error.js';
import { readEvalDataset, type EvalDataset } from '../dataset/read-eval-dataset.js';
import { selectCases } from '../dataset/select-cases.js';
import { EvalSetupError } from '../eval-setup-error.js';
import { ThresholdsFileError } from '../gate/thresholds-file-error.js';
import { describeViolations, readThresholds, type Thresholds } from '../gate/thresholds.js';
import { JudgeSettingsError } from '../judge/judge-settings-error.js';
import { judgeSettingsFrom, type JudgeSettings } from '../judge/judge-settings.js';
import { createLlmJudge } from '../judge/llm-judge.js';
import { formatMetric, metricLabels, reportedMetricNames } from '../report/format-metric.js';
import { runEval } from '../run-eval.js';
import { EvalArgumentsError } from './eval-arguments-error.js';
import { evalUsage, parseEvalArguments } from './parse-eval-arguments.js';

/** 0 within thresholds, 1 a metric crossed its threshold, 2 unusable input (found before anything starts). */
export type EvalExitCode = 0 | 1 | 2;

export interface EvalCommandContext {
  argv: readonly string[];
  /** The environment as bot/config.ts reads it, for the optional judge's settings. */
  environment: Readonly<Record<string, string | undefined>>;
  stdout: { write(text: string): unknown };
  stderr: ProgressOutput;
  now?: () => Date;
}

const replyTimeoutMs = 30_000;

/**
 * `npm run eval`: checks the arguments, the dataset, the knowledge folder,
 * the thresholds and the judge settings before starting anything (exit 2
 * with file:line for a bad dataset line), then runs, reports and gates.
 */
export async function runEvalCommand(context: EvalCommandContext): Promise<EvalExitCode> {
  const now = context.now ?? (() => new Date());
  const startedAt = now();
  const fail = (message: string): 2 => {
    context.stderr.write(`${message}\n`);
    return 2;
  };

  let args;
  try {
    args = parseEvalArguments(context.argv, {
      dataset: 'evals/datasets',
      // The sample knowledge base the app loads by default (KNOWLEDGE_DIR's default).
      knowledgeDir: loadConfig({}).knowledgeDir,
      thresholdsFile: 'evals/thresholds.json',
      concurrency: 4,
      outDir: () => join('eval-results', startedAt.toISOString().replace(/[:.]/g, '-')),
      seed: () => randomInt(1, 2 ** 31 - 1),
    });
  } catch (error) {
    if (error instanceof EvalArgumentsError) return fail(`${error.message}\n\n${evalUsage}`);
    throw error;
  }
  if (args.help) {
    context.stdout.write(`${evalUsage}\n`);
    return 0;
  }

  let dataset: EvalDataset;
  let thresholds: Thresholds | undefined;
  let judgeSettings: JudgeSettings | undefined;
  try {
    dataset = await readEvalDataset(args.dataset);
    const knowledge = await stat(args.knowledgeDir).catch(() => undefined);
    if (!knowledge?.isDirectory() && !knowledge?.isFile()) return fail(`--kb ${args.knowledgeDir}: no such folder`);
    thresholds = args.thresholdsFile === undefined ? undefined : await readThresholds(args.thresholdsFile);
    judgeSettings = judgeSettingsFrom(context.environment);
  } catch (error) {
    if (error instanceof DatasetFormatError || error instanceof ThresholdsFileError || error instanceof JudgeSettingsError) return fail(error.message);
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return fail(`--dataset ${args.dataset}: no such file or folder`);
    throw error;
  }

  const cases = selectCases(dataset.cases, { seed: args.seed, ...(args.limit === null ? {} : { limit: args.limit }) });
  context.stderr.write(
    `Evaluating ${cases.length} of ${dataset.cases.length} cases on ${args.channels.join(', ')} against ${args.knowledgeDir} (seed ${args.seed})\n`,
  );
  let run;
  try {
    run = await runEval({
      cases,
      datasetFiles: dataset.files,
      casesInDataset: dataset.cases.length,
      knowledgeDir: args.knowledgeDir,
      channels: args.channels,
      seed: args.seed,
      limit: args.limit,
      concurrency: args.concurrency,
      replyTimeoutMs,
      ...(thresholds && args.thresholdsFile ? { thresholds: { path: args.thresholdsFile, thresholds } } : {}),
      ...(judgeSettings ? { judge: createLlmJudge(judgeSettings) } : {}),
      outDir: args.outDir,
      progress: context.stderr,
      clock: now,
    });
  } catch (error) {
    if (error instanceof EvalSetupError) return fail(error.message);
    throw error;
  }

  const { report, files } = run;
  for (const failure of report.knowledge.failures) context.stderr.write(`warning: not ingested: ${failure.path}: ${failure.reason}\n`);
  const metrics = reportedMetricNames.filter((metric) => metric in report.metrics);
  context.stdout.write(
    [
      formatTable(
        ['metric', 'overall', ...args.channels],
        metrics.map((metric) => [
          metricLabels[metric],
          formatMetric(metric, report.metrics[metric]),
          ...args.channels.map((channel) => formatMetric(metric, report.byChannel[channel]?.[metric])),
        ]),
      ),
      '',
      `${report.counts.passedCases} of ${report.counts.cases} cases passed on every channel; ${report.counts.results} conversations in ${report.durationSeconds} s (seed ${args.seed}).`,
      `Reports: ${files.markdown}, ${files.html}, ${files.json}`,
      '',
    ].join('\n'),
  );
  if (report.gate === undefined) return 0;
  for (const metric of report.gate.unmeasured) context.stderr.write(`note: ${metric} was not measured in this run, so not gated\n`);
  if (report.gate.passed) {
    context.stdout.write(`Regression gate passed (${report.gate.thresholdsFile}).\n`);
    return 0;
  }
  context.stderr.write(
    `Regression gate failed (${report.gate.thresholdsFile}):\n${describeViolations(report.gate.violations)
      .map((line) => `  - ${line}`)
      .join('\n')}\n`,
  );
  return 1;
}
