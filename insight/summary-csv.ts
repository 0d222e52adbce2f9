import type { ServiceFigures, ServiceSummary } from './service-figures.js';

/** The CSV's columns: one row per figure and breakdown. */
export const summaryCsvHeader = ['figure', 'breakdown', 'key', 'value', 'since', 'until', 'channel_filter', 'locale_filter'] as const;

/** Every figure of one slice as (name, value) pairs, named as in the JSON (dots between levels). */
export function figureValues(figures: ServiceFigures): [string, number | null][] {
  const { conversations, decisions, answerLatency, cases, satisfaction, delivery } = figures;
  return [
    ['conversations.started', conversations.started],
    ['conversations.decided', conversations.decided],
    ['conversations.answered', conversations.answered],
    ['conversations.escalated', conversations.escalated],
    ['conversations.repeated', conversations.repeated],
    ['conversations.automated', conversations.automated],
    ['conversations.automatedRate', conversations.automatedRate],
    ['decisions.total', decisions.total],
    ['decisions.answers', decisions.answers],
    ['decisions.clarifications', decisions.clarifications],
    ['decisions.handoffs', decisions.handoffs],
    ['decisions.handoffRate', decisions.handoffRate],
    ...decisions.byReason.flatMap((cause): [string, number | null][] => [
      [`decisions.byReason.${cause.cause}.handoffs`, cause.handoffs],
      [`decisions.byReason.${cause.cause}.rate`, cause.rate],
    ]),
    ...decisions.byTopic.flatMap((cause): [string, number | null][] => [
      [`decisions.byTopic.${cause.cause}.handoffs`, cause.handoffs],
      [`decisions.byTopic.${cause.cause}.rate`, cause.rate],
    ]),
    ['answerLatency.p50Ms', answerLatency.p50Ms],
    ['answerLatency.p95Ms', answerLatency.p95Ms],
    ['cases.opened', cases.opened],
    ['cases.firstResponses', cases.firstResponses],
    ['cases.firstResponseSeconds.p50', cases.firstResponseSeconds.p50],
    ['cases.firstResponseSeconds.p95', cases.firstResponseSeconds.p95],
    ['cases.firstResponseSeconds.average', cases.firstResponseSeconds.average],
    ['cases.resolved', cases.resolved],
    ['cases.resolutionSeconds.p50', cases.resolutionSeconds.p50],
    ['cases.resolutionSeconds.p95', cases.resolutionSeconds.p95],
    ['cases.resolutionSeconds.average', cases.resolutionSeconds.average],
    ['cases.sla.met', cases.sla.met],
    ['cases.sla.missed', cases.sla.missed],
    ['cases.sla.attainment', cases.sla.attainment],
    ['satisfaction.person.responses', satisfaction.person.responses],
    ['satisfaction.person.average', satisfaction.person.average],
    ['satisfaction.person.satisfiedShare', satisfaction.person.satisfiedShare],
    ['satisfaction.bot.responses', satisfaction.bot.responses],
    ['satisfaction.bot.average', satisfaction.bot.average],
    ['delivery.messages', delivery.messages],
    ['delivery.failed', delivery.failed],
    ['delivery.dead', delivery.dead],
    ['delivery.failureRate', delivery.failureRate],
  ];
}

/**
 * The summary as CSV (RFC 4180: comma-separated, CRLF line ends, fields with
 * a comma, quote or line break quoted, quotes doubled). An empty value means
 * "not defined" (a rate of nothing). A field a spreadsheet would run as a
 * formula (=, +, -, @ first) gets a leading apostrophe; figures are numbers
 * and never do, but keys are data.
 */
export function summaryToCsv(summary: ServiceSummary): string {
  const { filter } = summary;
  const context = [filter.since, filter.until, filter.channel ?? '', filter.locale ?? ''];
  const rows: string[][] = [[...summaryCsvHeader]];
  const add = (breakdown: string, key: string, figures: ServiceFigures) => {
    for (const [figure, value] of figureValues(figures)) rows.push([figure, breakdown, key, value === null ? '' : String(value), ...context]);
  };
  add('overall', '', summary.overall);
  for (const entry of summary.byChannel) add('channel', entry.channel, entry);
  for (const entry of summary.byLocale) add('locale', entry.locale, entry);
  for (const entry of summary.trend) add(filter.period, entry.periodStart, entry);
  rows.push(['breachesNow', 'overall', '', String(summary.breachesNow.total), ...context]);
  for (const entry of summary.breachesNow.byChannel) rows.push(['breachesNow', 'channel', entry.channel, String(entry.breaches), ...context]);
  for (const entry of summary.breachesNow.byLocale) rows.push(['breachesNow', 'locale', entry.locale, String(entry.breaches), ...context]);
  return `${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
