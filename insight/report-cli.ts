import { parseArgs } from 'node:util';
import { formatTable } from '../bot/cli/format-table.js';
import type { Db } from '../db/db.js';
import { insightQuerySchema, toInsightFilter, type InsightFilter } from './insight-filter.js';
import { loadServiceSummary } from './load-service-summary.js';
import type { ServiceSummary } from './service-figures.js';
import { figureValues, summaryToCsv } from './summary-csv.js';

export const reportUsage = `Usage: npm run report -- [options]

The service figures (automated resolution, handoffs by reason and topic, case
response and resolution times, SLA, satisfaction, delivery failures, answer
latency) for a period, overall and by channel.

Options:
  --since WHEN          start: an ISO date or date-time, or a span back such as 24h, 7d, 4w (default 7d)
  --until WHEN          end, exclusive (default now)
  --channel NAME        whatsapp, sms, email, web-chat or bot-framework
  --locale L            en or nl
  --period day|week     trend buckets for --format json and csv (default day)
  --repeat-window HOURS how long the same question again counts as a repeat (default 24)
  --format F            table (default), json or csv
  --data-dir PATH       the embedded database's directory (default DATA_DIR or ./data); DATABASE_URL selects Postgres
  -h, --help            this text

Exit codes: 0 done, 2 invalid options, 1 failure, 75 the embedded database is in use by the service.`;

export interface ReportCliContext {
  /** Opens the configured database; `dataDir` from --data-dir, when given. */
  openDb(dataDir: string | undefined): Promise<Db>;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  now?: () => Date;
}

/** Runs `npm run report`; returns the exit code. */
export async function runReportCli(argv: readonly string[], context: ReportCliContext): Promise<number> {
  const now = (context.now ?? (() => new Date()))();
  const invalid = (message: string) => {
    context.stderr.write(`${message}\n\n${reportUsage}\n`);
    return 2;
  };
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      allowPositionals: false,
      options: {
        since: { type: 'string' },
        until: { type: 'string' },
        channel: { type: 'string' },
        locale: { type: 'string' },
        period: { type: 'string' },
        'repeat-window': { type: 'string' },
        format: { type: 'string', default: 'table' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    return invalid((error as Error).message);
  }
  if (values.help) {
    context.stdout.write(`${reportUsage}\n`);
    return 0;
  }
  const format = values.format;
  if (format !== 'table' && format !== 'json' && format !== 'csv') return invalid(`--format must be table, json or csv, not "${format}"`);
  const parsed = insightQuerySchema.safeParse(
    Object.fromEntries(
      Object.entries({
        since: values.since,
        until: values.until,
        channel: values.channel,
        locale: values.locale,
        period: values.period,
        repeatWindowHours: values['repeat-window'],
      }).filter(([, value]) => value !== undefined),
    ),
  );
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    const flag = String(issue?.path[0] ?? '').replace('repeatWindowHours', 'repeat-window');
    return invalid(`--${flag}: ${issue?.message ?? 'invalid'}`);
  }
  const filter = toInsightFilter(parsed.data, now);
  if ('path' in filter) return invalid(`--${filter.path} ${filter.message}`);

  const db = await context.openDb(values['data-dir']);
  let summary: ServiceSummary;
  try {
    summary = await loadServiceSummary(db, filter, now);
  } finally {
    await db.close();
  }
  if (format === 'json') context.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  else if (format === 'csv') context.stdout.write(summaryToCsv(summary));
  else context.stdout.write(`${reportTable(summary, filter)}\n`);
  return 0;
}

/** Every figure, overall and per channel, as terminal columns. */
function reportTable(summary: ServiceSummary, filter: InsightFilter): string {
  const slices = [{ name: 'overall', values: new Map(figureValues(summary.overall)) }].concat(
    summary.byChannel.map((entry) => ({ name: entry.channel, values: new Map(figureValues(entry)) })),
  );
  const names = [...new Set(slices.flatMap((slice) => [...slice.values.keys()]))];
  const rows = names.map((name) => [name, ...slices.map((slice) => show(slice.values.get(name)))]);
  rows.push(['breachesNow', String(summary.breachesNow.total), ...summary.byChannel.map((entry) => String(summary.breachesNow.byChannel.find((row) => row.channel === entry.channel)?.breaches ?? 0))]);
  const scope = [filter.channel ? `channel ${filter.channel}` : '', filter.locale ? `locale ${filter.locale}` : ''].filter(Boolean).join(', ');
  return [
    `Service figures ${summary.filter.since} to ${summary.filter.until}${scope ? ` (${scope})` : ''}, repeat window ${filter.repeatWindowHours} h`,
    '',
    formatTable(['figure', ...slices.map((slice) => slice.name)], rows),
  ].join('\n');
}

function show(value: number | null | undefined): string {
  return value === null || value === undefined ? '-' : String(value);
}
