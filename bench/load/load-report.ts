import type { LoadResults, MeasuredSeries, SmsSeries } from './load-results.js';

const columns = [
  'series',
  'offered/s',
  'achieved/s',
  'p50 ms',
  'p95 ms',
  'p99 ms',
  'max ms',
  'failed',
  'reply p50 ms',
  'reply p95 ms',
  'RSS max MiB',
  'CPU cores',
  'load 1m',
  'sustained',
];

/** The results as aligned text tables for the terminal. */
export function formatLoadTable(results: LoadResults): string {
  const rows = allRows(results);
  const widths = columns.map((column, index) => Math.max(column.length, ...rows.map((cells) => (cells[index] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, index) => (index === 0 ? cell.padEnd(widths[index] ?? 0) : cell.padStart(widths[index] ?? 0))).join('  ');
  return [line(columns), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line), '', verdictLines(results).join('\n')].join('\n');
}

/** The same as a short markdown report, for `bench/results/load.md`. */
export function formatLoadMarkdown(results: LoadResults): string {
  const rows = allRows(results);
  const lines = [
    '# Load benchmark',
    '',
    `\`${results.command}\` on ${results.date}, commit ${results.revision.commit.slice(0, 7)}${results.revision.changedFiles > 0 ? ` with ${results.revision.changedFiles} uncommitted files` : ''}: ${results.machine.cores} cores (${results.machine.cpuModel}), ${results.machine.memoryGiB} GiB, Node ${results.machine.node}; 1/5/15-minute load average ${results.machine.loadAverageAtStart.join(' / ')} at the start and ${results.machine.loadAverageAtEnd.join(' / ')} at the end; the \`load 1m\` column gives it per series (above ${results.machine.cores}, other work competed for the CPU).`,
    '',
    `Each series: ${results.settings.warmupSeconds} s warm-up, then ${results.settings.durationSeconds} s measured at a fixed (open-loop) rate. ${results.settings.latencyMeans} ${results.settings.replyLatencyMeans} ${results.settings.sustainedMeans}`,
    '',
    `Workload: ${results.settings.workload}`,
    '',
    `| ${columns.join(' | ')} |`,
    `| ${columns.map((_column, index) => (index === 0 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
    '',
    ...verdictLines(results).map((line) => `${line}  `),
  ];
  const sms = results.sms.filter((series): series is SmsSeries & { replies: Exclude<SmsSeries['replies'], { unavailable: string }> } => !('unavailable' in series.replies));
  if (sms.length > 0) {
    lines.push(
      '',
      'Replies to the measured messages (`reply p50/p95` above: webhook sent to reply in the outbox). A message the app had not stored when it was stopped was never acknowledged; Twilio would deliver it again. A conversation already handed to a person gets no bot reply:',
      '',
      '| SMS rate | stored / sent | replied | silent: handed off | unanswered when stopped | reply enqueued p50 / p95 / p99 ms | reply sent p95 ms | last reply after last webhook, s |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const series of sms) {
      const replies = series.replies;
      lines.push(
        `| ${series.offeredRate} | ${replies.stored}/${replies.inbound} | ${replies.replied} | ${replies.silentInHandoff} | ${replies.unanswered} | ${replies.enqueued.p50Ms} / ${replies.enqueued.p95Ms} / ${replies.enqueued.p99Ms} | ${replies.sent.p95Ms} | ${replies.drainSeconds} |`,
      );
    }
  }
  if (results.profile) {
    const { summary } = results.profile;
    lines.push(
      '',
      `## Where the app's time goes at ${results.profile.rate} SMS/s`,
      '',
      `\`node --cpu-prof\` of the app's main thread over ${summary.sampledSeconds} s of load: idle ${summary.idlePercent}%, garbage collection ${summary.garbageCollectionPercent}%.`,
      '',
      'Our functions below count everything they call, so nested rows overlap (`scanForInjection` includes the passage scans under `detectPassageInjection`); PGlite runs from promise callbacks and shows under the areas, not under our functions.',
      '',
      '| our function (with what it calls) | % of time |',
      '| --- | ---: |',
      ...summary.topInclusive.map((entry) => `| \`${entry.name}\` | ${entry.percent} |`),
      '',
      '| self time by function | % |',
      '| --- | ---: |',
      ...summary.topSelf.map((entry) => `| \`${entry.name}\` | ${entry.percent} |`),
      '',
      '| self time by area | % |',
      '| --- | ---: |',
      ...summary.byArea.map((entry) => `| ${entry.name} | ${entry.percent} |`),
    );
  }
  if (results.queryCensus) {
    const census = results.queryCensus;
    lines.push(
      '',
      `## Database statements per inbound SMS (${census.rate}/s, ${census.inboundMessages} messages)`,
      '',
      `${census.statementsPerMessage} statements and ${census.millisecondsPerMessage} ms of call-to-result time per message, counted in the app by \`bench/load/query-census-preload.ts\` (acknowledgement, turn, outbox and its polling together).`,
      '',
      '| statement (by time) | per message | mean ms | % of statement time |',
      '| --- | ---: | ---: | ---: |',
      ...census.byTime.map((entry) => `| \`${entry.statement.replace(/\|/g, '\\|')}\` | ${entry.perMessage} | ${entry.meanMs} | ${entry.percent} |`),
    );
  }
  return `${lines.join('\n')}\n`;
}

function allRows(results: LoadResults): string[][] {
  return [
    ...results.ceiling.series.map((series) => row('bare ceiling', series)),
    ...results.sms.map((series) => row('app SMS', series, series)),
    ...results.ackPathOnly.map((series) => row('app SMS, no turn (diagnostic)', series)),
    ...results.webChat.map((series) => row('app web chat', series)),
  ];
}

function verdictLines(results: LoadResults): string[] {
  const { verdict, settings } = results;
  return [
    `Bare-Express ceiling (signature check + one PGlite INSERT per request; a rung not sustained is measured once more before the ladder stops): ${verdict.ceilingMaxSustainedRate}/s sustained with p95 <= ${settings.p95BudgetMs} ms.`,
    `App: ${verdict.appMaxSustainedRate}/s sustained signed SMS webhooks with p95 <= ${settings.p95BudgetMs} ms = ${Math.round(verdict.shareOfCeiling * 100)}% of the ceiling.`,
    `Must-show (>= ${settings.targetRate}/s and >= ${Math.round(settings.ceilingShareTarget * 100)}% of the ceiling): ${verdict.pass ? 'PASS' : 'FAIL'}` +
      ` (rate ${verdict.meetsRate ? 'met' : 'not met'}, share ${verdict.meetsShare ? 'met' : 'not met'}).`,
  ];
}

function row(label: string, series: MeasuredSeries, sms?: SmsSeries): string[] {
  const failed = series.requests - series.ok;
  const replies = sms && !('unavailable' in sms.replies) ? sms.replies : undefined;
  return [
    label,
    String(series.offeredRate),
    String(series.achievedRate),
    String(series.latency.p50Ms),
    String(series.latency.p95Ms),
    String(series.latency.p99Ms),
    String(series.latency.maxMs),
    failed === 0 ? '0' : `${failed} (${describeFailures(series)})`,
    replies ? String(replies.enqueued.p50Ms) : '',
    replies ? String(replies.enqueued.p95Ms) : '',
    String(series.server.rssMaxMiB),
    String(series.server.cpuCores),
    String(series.loadAverage1m),
    series.sustained ? 'yes' : 'no',
  ];
}

function describeFailures(series: MeasuredSeries): string {
  return [...Object.entries(series.non2xx).map(([status, count]) => `${count}x ${status}`), ...Object.entries(series.errors).map(([error, count]) => `${count}x ${error}`)].join(', ');
}
