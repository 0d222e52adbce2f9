import type { CaseResult, ChannelResult } from '../case-result.js';
import type { GateResult } from '../gate/thresholds.js';
import type { JudgeSummary } from '../judge/judge-answers.js';
import { judgeCase } from '../metrics/case-checks.js';
import type { MetricsBreakdown } from '../metrics/compute-metrics.js';
import { deliveredDecision } from '../metrics/decision-metrics.js';
import type { EvalMetrics, SliceMetrics } from '../metrics/eval-metrics.js';
import { articleRanking } from '../metrics/retrieval-metrics.js';
import type { CaseReport, ChannelCaseReport, EvalReport } from './eval-report.js';

export interface BuildEvalReportInput {
  results: readonly CaseResult[];
  breakdown: MetricsBreakdown;
  run: EvalReport['run'];
  knowledge: EvalReport['knowledge'];
  generatedAt: Date;
  durationSeconds: number;
  gate?: GateResult & { thresholdsFile: string };
  judge?: JudgeSummary;
}

/** Assembles `report.json` from the results, their metrics, the gate and the judge. */
export function buildEvalReport(input: BuildEvalReportInput): EvalReport {
  const { breakdown, judge } = input;
  const cases = input.results.map((item) => caseReport(item, judge));
  const passedCases = cases.filter((item) => item.passed).length;
  const withJudge = (metrics: SliceMetrics): EvalMetrics => {
    const { cases: _cases, results: _results, ...rest } = metrics;
    return judge ? { ...rest, judgeFaithfulness: judge.judgeFaithfulness, judgeRelevance: judge.judgeRelevance } : rest;
  };
  return {
    generatedAt: input.generatedAt.toISOString(),
    durationSeconds: Math.round(input.durationSeconds * 10) / 10,
    run: input.run,
    knowledge: input.knowledge,
    metrics: withJudge(breakdown.overall),
    counts: { cases: breakdown.overall.cases, results: breakdown.overall.results, passedCases, failedCases: cases.length - passedCases },
    byChannel: breakdown.byChannel,
    byLocale: breakdown.byLocale,
    byTag: breakdown.byTag,
    ...(input.gate ? { gate: input.gate } : {}),
    ...(judge
      ? { judge: { model: judge.model, channel: judge.channel, answered: judge.answered, judged: judge.judged, failed: judge.failed } }
      : {}),
    cases,
  };
}

function caseReport(item: CaseResult, judge: JudgeSummary | undefined): CaseReport {
  const { evalCase } = item;
  const verdict = judgeCase(item);
  const channels: CaseReport['channels'] = {};
  for (const result of item.channels) channels[result.channel] = channelReport(result, verdict.failuresByChannel[result.channel] ?? []);
  const judgement = judge?.byCase[evalCase.id];
  return {
    id: evalCase.id,
    locale: evalCase.locale,
    ...(evalCase.group === undefined ? {} : { group: evalCase.group }),
    tags: evalCase.tags ?? [],
    turns: evalCase.turns.map((turn) => turn.text),
    expect: evalCase.expect,
    passed: verdict.passed,
    consistent: verdict.consistent,
    channels,
    ...(judgement ? { judge: judgement } : {}),
  };
}

function channelReport(result: ChannelResult, failures: string[]): ChannelCaseReport {
  return {
    ...(result.delivered ? { text: result.delivered.text } : {}),
    decision: deliveredDecision(result),
    citations: result.delivered?.citedArticleIds ?? [],
    reasons: result.recorded?.reasons ?? [],
    confidence: result.recorded?.confidence ?? null,
    retrievedArticles: articleRanking(result.recorded).slice(0, 5),
    fromCache: result.recorded?.fromCache ?? null,
    turnsSent: result.turnsSent,
    latenciesMs: result.latenciesMs,
    failures,
  };
}
