import { describeViolations } from '../gate/thresholds.js';
import { judgeMetricNames, latencyMetricNames, ratioMetricNames, type MetricName } from '../metrics/eval-metrics.js';
import { decisionColour } from './decision-colours.js';
import type { CaseReport, EvalReport } from './eval-report.js';
import { escapeHtml } from './escape-html.js';
import { formatMetric, metricLabels } from './format-metric.js';
import { svgConsistencyMatrix } from './svg-consistency-matrix.js';
import { svgMetricBars } from './svg-metric-bars.js';

const styles = `
  :root { color-scheme: light; --ink: #1c2330; --muted: #5b6474; --line: #d9dee7; --bad: #c62828; --good: #2e7d32; }
  * { box-sizing: border-box; }
  body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0; padding: 24px; max-width: 1280px; }
  h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 32px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
  h3 { font-size: 15px; margin: 20px 0 6px; }
  .muted { color: var(--muted); }
  .gate { padding: 10px 14px; border-radius: 6px; margin: 16px 0; font-weight: 600; }
  .gate.passed { background: #e8f5e9; color: var(--good); } .gate.failed { background: #ffebee; color: var(--bad); } .gate.off { background: #f3f4f7; color: var(--muted); }
  .gate ul { margin: 6px 0 0; font-weight: 400; }
  .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 10px; }
  .card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; }
  .card .value { font-size: 20px; font-weight: 600; } .card.violated { border-color: var(--bad); background: #fff5f5; }
  table { border-collapse: collapse; margin: 8px 0; }
  th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
  th { background: #f3f4f7; font-weight: 600; }
  td.number { text-align: right; font-variant-numeric: tabular-nums; }
  svg text { font: 11px system-ui, sans-serif; fill: var(--ink); } svg text.value { fill: var(--muted); } svg text.head { font-weight: 600; }
  svg text.case.failing { fill: var(--bad); } svg .inconsistent { fill: #ffcdd2; } svg text.mismatch { fill: var(--bad); font-weight: 700; font-size: 13px; }
  svg .failed { stroke: #fff; stroke-width: 2; }
  .scroll { overflow-x: auto; }
  .case { border: 1px solid var(--line); border-radius: 6px; padding: 4px 12px 12px; margin: 12px 0; }
  .case blockquote { margin: 4px 0; padding: 2px 10px; border-left: 3px solid var(--line); }
  .case table { table-layout: fixed; width: 100%; } .case thead th:first-child { width: 110px; }
  .delivered { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 13px; }
  .decision { display: inline-block; color: #fff; border-radius: 3px; padding: 0 6px; font-size: 12px; }
  .problem { color: var(--bad); }
`;

/**
 * `report.html`: one self-contained page (inline CSS and SVG, no script, no
 * external assets) with the gate, the metrics and per-channel bars, the
 * consistency matrix and every failing case with what each channel delivered
 * side by side. All text from the run is escaped.
 */
export function renderReportHtml(report: EvalReport): string {
  const channels = report.run.channels;
  const violated = new Set(report.gate?.violations.map((violation) => violation.metric) ?? []);
  const metricNames: MetricName[] = [...ratioMetricNames, ...latencyMetricNames, ...judgeMetricNames].filter((metric) => metric in report.metrics);
  const failing = report.cases.filter((item) => !item.passed);
  const { run, counts } = report;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Evaluation report ${escapeHtml(report.generatedAt)}</title>
<style>${styles}</style>
</head>
<body>
<header>
<h1>Evaluation report</h1>
<p class="muted">${escapeHtml(report.generatedAt)} · ${counts.cases} cases × ${channels.length} channels (${escapeHtml(channels.join(', '))}) · ${counts.results} conversations · ${report.durationSeconds} s · seed ${run.seed}<br>
Dataset ${escapeHtml(run.datasetFiles.join(', '))} · knowledge base ${escapeHtml(run.knowledgeDir)} (${report.knowledge.articles} articles, ${report.knowledge.chunks} chunks)</p>
</header>
${gateBanner(report)}
<section>
<h2>Metrics</h2>
<div class="cards">
${metricNames
  .map(
    (metric) =>
      `<div class="card${violated.has(metric) ? ' violated' : ''}"><div class="muted">${escapeHtml(metricLabels[metric])}</div><div class="value">${escapeHtml(formatMetric(metric, report.metrics[metric]))}</div></div>`,
  )
  .join('\n')}
</div>
<p class="muted">${counts.passedCases} of ${counts.cases} cases passed on every channel; ${counts.failedCases} failed on at least one channel or got different replies on different channels.</p>
</section>
<section>
<h2>Per channel</h2>
<div class="scroll">${svgMetricBars(
    'Quality metrics per channel',
    // Cross-channel consistency has no per-channel value.
    ratioMetricNames.filter((metric) => channels.some((channel) => report.byChannel[channel]?.[metric] != null)),
    report.byChannel,
    channels,
  )}</div>
<div class="scroll">${svgMetricBars('Latency per channel, send to reply received', latencyMetricNames, report.byChannel, channels)}</div>
</section>
<section>
<h2>By locale and tag</h2>
${breakdownTable('locale', report.byLocale)}
${breakdownTable('tag', report.byTag)}
</section>
<section>
<h2>Consistency matrix</h2>
<p class="muted">One row per case, one column per channel, coloured by the decision delivered. Crossed cells missed an expectation; red rows (≠) got different decisions, citations or facts on different channels.</p>
<div class="scroll">${svgConsistencyMatrix(report.cases, channels)}</div>
</section>
<section>
<h2>Failing cases (${failing.length})</h2>
${failing.length === 0 ? '<p>None.</p>' : failing.map((item) => failingCase(item, channels)).join('\n')}
</section>
</body>
</html>
`;
}

function gateBanner(report: EvalReport): string {
  const { gate } = report;
  if (gate === undefined) return '<div class="gate off">Regression gate not checked (--no-gate).</div>';
  const unmeasured = gate.unmeasured.length === 0 ? '' : `<div class="muted">Not measured in this run, so not gated: ${escapeHtml(gate.unmeasured.join(', '))}.</div>`;
  if (gate.passed) return `<div class="gate passed">Regression gate passed (${escapeHtml(gate.thresholdsFile)}).${unmeasured}</div>`;
  return `<div class="gate failed">Regression gate failed (${escapeHtml(gate.thresholdsFile)}):<ul>${describeViolations(gate.violations)
    .map((line) => `<li>${escapeHtml(line)}</li>`)
    .join('')}</ul>${unmeasured}</div>`;
}

function breakdownTable(kind: string, slices: EvalReport['byLocale']): string {
  const columns: MetricName[] = ['decisionAccuracy', 'handoffRecall', 'recallAt5', 'citationPrecision', 'factRecall', 'groundedness', 'crossChannelConsistency'];
  const rows = Object.entries(slices)
    .map(
      ([key, metrics]) =>
        `<tr><th scope="row">${escapeHtml(key)}</th><td class="number">${metrics.cases}</td>${columns
          .map((metric) => `<td class="number">${escapeHtml(formatMetric(metric, metrics[metric]))}</td>`)
          .join('')}</tr>`,
    )
    .join('');
  return `<table><caption class="muted">By ${escapeHtml(kind)}</caption><thead><tr><th>${escapeHtml(kind)}</th><th>cases</th>${columns
    .map((metric) => `<th>${escapeHtml(metricLabels[metric])}</th>`)
    .join('')}</tr></thead><tbody>${rows}</tbody></table>`;
}

function failingCase(item: CaseReport, channels: EvalReport['run']['channels']): string {
  const { expect } = item;
  const expected = [
    `<span class="decision" style="background:${decisionColour(expect.decision)}">${escapeHtml(expect.decision)}</span>`,
    expect.articles ? `citing one of ${escapeHtml(expect.articles.join(', '))}` : '',
    expect.facts ? `saying ${escapeHtml(expect.facts.map((fact) => `“${fact}”`).join(', '))}` : '',
    expect.reason ? `with reason ${escapeHtml(expect.reason)}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const ran = channels.filter((channel) => item.channels[channel] !== undefined);
  const row = (label: string, render: (channel: (typeof ran)[number]) => string) =>
    `<tr><th scope="row">${escapeHtml(label)}</th>${ran.map((channel) => `<td>${render(channel)}</td>`).join('')}</tr>`;
  const result = (channel: (typeof ran)[number]) => item.channels[channel];
  return `<article class="case" id="case-${escapeHtml(item.id)}">
<h3>${escapeHtml(item.id)} <span class="muted">(${escapeHtml(item.locale)}${item.tags.length > 0 ? `; ${escapeHtml(item.tags.join(', '))}` : ''})${item.consistent ? '' : ' · channels disagree'}</span></h3>
${item.turns.map((turn) => `<blockquote>${escapeHtml(turn)}</blockquote>`).join('')}
<p>Expected: ${expected}</p>
<div class="scroll"><table>
<thead><tr><th></th>${ran.map((channel) => `<th>${escapeHtml(channel)}</th>`).join('')}</tr></thead>
<tbody>
${row('decision', (channel) => {
  const decision = result(channel)?.decision ?? 'none';
  return `<span class="decision" style="background:${decisionColour(decision)}">${escapeHtml(decision)}</span>`;
})}
${row('citations', (channel) => escapeHtml(result(channel)?.citations.join(', ') || '–'))}
${row('reasons', (channel) => escapeHtml(result(channel)?.reasons.join(', ') || '–'))}
${row('what is wrong', (channel) => {
  const failures = result(channel)?.failures ?? [];
  return failures.length === 0 ? 'ok' : `<span class="problem">${escapeHtml(failures.join('; '))}</span>`;
})}
${row('delivered', (channel) => `<div class="delivered">${escapeHtml(result(channel)?.text ?? '(nothing)')}</div>`)}
</tbody>
</table></div>
</article>`;
}
