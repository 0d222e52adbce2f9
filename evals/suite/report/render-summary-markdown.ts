import { describeViolations } from '../gate/thresholds.js';
import type { MetricName, SliceMetrics } from '../metrics/eval-metrics.js';
import type { CaseReport, EvalReport } from './eval-report.js';
import { formatMetric, metricLabels, reportedMetricNames } from './format-metric.js';

/** Metrics a per-tag row shows; the full set is in report.json. */
const tagColumns: readonly MetricName[] = ['decisionAccuracy', 'recallAt5', 'citationPrecision', 'factRecall', 'crossChannelConsistency'];

/** Text from the run on one line, pipes escaped and markup shown as written (a renderer would drop `<script>`). */
function cell(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .trim();
}

function table(header: string[], rows: string[][]): string[] {
  return [`| ${header.map(cell).join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)];
}

/** `summary.md`: the run at a glance, the metrics per channel, locale and tag, the gate, and every failing case. */
export function renderSummaryMarkdown(report: EvalReport): string {
  const { run, counts } = report;
  const channels = run.channels;
  const metricNames = reportedMetricNames.filter((metric) => metric in report.metrics);
  const lines: string[] = [
    '# Evaluation summary',
    '',
    `${report.generatedAt}: ${counts.cases} cases × ${channels.length} channels (${channels.join(', ')}) = ${counts.results} conversations in ${report.durationSeconds} s.`,
    `${counts.passedCases} of ${counts.cases} cases passed on every channel, ${counts.failedCases} failed.`,
    `Dataset: ${run.datasetFiles.join(', ')} (${run.casesInDataset} cases${run.limit === null ? '' : `, ${counts.cases} sampled with --limit ${run.limit}`}). ` +
      `Knowledge base: ${run.knowledgeDir} (${report.knowledge.articles} articles, ${report.knowledge.chunks} chunks). Seed ${run.seed} (\`--seed ${run.seed}\` repeats the order).`,
    '',
    ...gateLines(report),
    '## Metrics',
    '',
    ...table(
      ['metric', 'overall', ...channels],
      metricNames.map((metric) => [
        metricLabels[metric],
        formatMetric(metric, report.metrics[metric]),
        ...channels.map((channel) => formatMetric(metric, report.byChannel[channel]?.[metric])),
      ]),
    ),
    '',
    ...(report.judge
      ? [
          `Judge ${report.judge.model} on ${report.judge.channel}: ${report.judge.judged} of ${report.judge.answered} answered cases judged, ${report.judge.failed} could not be.`,
          '',
        ]
      : []),
    '## By locale',
    '',
    ...breakdownTable(report.byLocale, reportedMetricNames.filter((metric) => metric in report.metrics && !metric.startsWith('judge'))),
    '',
    '## By tag',
    '',
    ...table(
      ['tag', 'cases', ...tagColumns.map((metric) => metricLabels[metric])],
      Object.entries(report.byTag).map(([tag, metrics]) => [tag, String(metrics.cases), ...tagColumns.map((metric) => formatMetric(metric, metrics[metric]))]),
    ),
    '',
    `## Failing cases (${counts.failedCases} of ${counts.cases})`,
    '',
    ...report.cases.filter((item) => !item.passed).flatMap((item) => failingCase(item, channels)),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}

function gateLines(report: EvalReport): string[] {
  const { gate } = report;
  if (gate === undefined) return ['Gate: not checked (--no-gate).', ''];
  const unmeasured = gate.unmeasured.length === 0 ? [] : [`Not measured in this run, so not gated: ${gate.unmeasured.join(', ')}.`];
  if (gate.passed) return [`**Gate passed** against ${gate.thresholdsFile}.`, ...unmeasured, ''];
  return [`**Gate FAILED** against ${gate.thresholdsFile}:`, '', ...describeViolations(gate.violations).map((line) => `- ${line}`), '', ...unmeasured, ''];
}

function breakdownTable(slices: Record<string, SliceMetrics>, metrics: readonly MetricName[]): string[] {
  const keys = Object.keys(slices);
  return table(
    ['metric', ...keys],
    [['Cases', ...keys.map((key) => String(slices[key]?.cases ?? 0))], ...metrics.map((metric) => [metricLabels[metric], ...keys.map((key) => formatMetric(metric, slices[key]?.[metric]))])],
  );
}

function expectation(item: CaseReport): string {
  const { expect } = item;
  return [
    expect.decision,
    expect.articles ? `citing one of ${expect.articles.join(', ')}` : '',
    expect.facts ? `saying ${expect.facts.map((fact) => `"${fact}"`).join(', ')}` : '',
    expect.reason ? `with reason ${expect.reason}` : '',
  ]
    .filter(Boolean)
    .join(', ');
}

function failingCase(item: CaseReport, channels: readonly string[]): string[] {
  const tags = item.tags.length === 0 ? '' : ` [${item.tags.join(', ')}]`;
  return [
    `### ${item.id} (${item.locale})${tags}${item.consistent ? '' : ' — channels disagree'}`,
    '',
    ...item.turns.map((turn) => `> ${cell(turn)}`),
    '',
    `Expected: ${expectation(item)}.`,
    '',
    ...table(
      ['channel', 'decision', 'citations', 'reasons', 'what is wrong'],
      channels.flatMap((channel) => {
        const result = item.channels[channel as keyof typeof item.channels];
        if (result === undefined) return [];
        return [[channel, result.decision, result.citations.join(', ') || '–', result.reasons.join(', ') || '–', result.failures.join('; ') || 'ok']];
      }),
    ),
    '',
  ];
}
