import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { migrate } from '../../db/migrate.js';
import { createPgliteDb } from '../../db/pglite-db.js';
import { loadDrillDown } from '../../insight/drill-down.js';
import type { InsightFilter } from '../../insight/insight-filter.js';
import { loadServiceSummary, runSummaryQuery, summaryQueries, type SummaryQueryName } from '../../insight/load-service-summary.js';
import { seedInsightData } from './seed-insight-data.js';

// `npm run bench:insight [-- --messages N --runs N]`: seeds a million messages
// (with their conversations, decisions, cases, scores and outbox rows) into an
// embedded PGlite database, then times every dashboard query over the last
// 7, 30 and 90 days. Goal: p95 at most 500 ms per query.

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '10' },
    days: { type: 'string', default: '90' },
  },
});
const messages = Number(values.messages);
const runs = Number(values.runs);
const days = Number(values.days);
const goalMs = 500;
const resultsDirectory = fileURLToPath(new URL('../results/', import.meta.url));

const until = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
const log = (line: string) => process.stdout.write(`${line}\n`);

const db = await createPgliteDb();
await migrate(db);
log(`Seeding ${messages.toLocaleString('en')} messages over ${days} days…`);
const seedStarted = performance.now();
const counts = await seedInsightData(db, { messages, until, days });
const seedSeconds = (performance.now() - seedStarted) / 1000;
log(`Seeded in ${seedSeconds.toFixed(1)} s: ${JSON.stringify(counts)}`);

interface Measurement {
  query: string;
  periodDays: number;
  runs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

async function measure(query: string, periodDays: number, work: () => Promise<unknown>): Promise<Measurement> {
  await work();
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return summarise(query, periodDays, times);
}

function summarise(query: string, periodDays: number, times: number[]): Measurement {
  times.sort((left, right) => left - right);
  const at = (share: number) => times[Math.min(times.length - 1, Math.ceil(share * times.length) - 1)] ?? 0;
  const measurement = { query, periodDays, runs: times.length, p50Ms: round(at(0.5)), p95Ms: round(at(0.95)), maxMs: round(times.at(-1) ?? 0) };
  log(`${query.padEnd(22)} ${String(periodDays).padStart(3)} d  p50 ${measurement.p50Ms.toFixed(1).padStart(7)} ms  p95 ${measurement.p95Ms.toFixed(1).padStart(7)} ms`);
  return measurement;
}

const measurements: Measurement[] = [];
for (const periodDays of [7, 30, days]) {
  const filter: InsightFilter = { since: new Date(until.getTime() - periodDays * 86_400_000), until, period: 'day', repeatWindowHours: 24 };
  for (const name of Object.keys(summaryQueries) as SummaryQueryName[]) {
    measurements.push(await measure(name, periodDays, () => runSummaryQuery(db, name, filter, until)));
  }
  measurements.push(await measure('drillDown(automated)', periodDays, () => loadDrillDown(db, filter, { figure: 'automated', limit: 25, offset: 0 }, until)));
  measurements.push(await measure('summary (all queries)', periodDays, () => loadServiceSummary(db, filter, until)));
}

// The write path: what the insight triggers (migrations 0011 and 0012) add to each
// decision and outbox write, one statement at a time on the seeded database.
// Each decision repeats its conversation's first question, so it also moves
// the repeat check of an earlier answer.
const writes = 200;
async function timeWrites(query: string, work: (index: number) => Promise<unknown>): Promise<Measurement> {
  const times: number[] = [];
  for (let index = 0; index < writes; index += 1) {
    const started = performance.now();
    await work(index);
    times.push(performance.now() - started);
  }
  return summarise(query, 0, times);
}
const writtenAt = new Date(until.getTime() - 60_000).toISOString();
for (let index = 0; index < writes; index += 1) {
  await db.query(
    `INSERT INTO messages (id, conversation_id, channel, provider_message_id, direction, author_type, text, created_at)
     SELECT 'bench-in-' || $1::text, id, channel, 'bench-in-' || $1::text, 'inbound', 'customer', 'again', $2::timestamptz FROM conversations WHERE id = 'conv-' || $1::text`,
    [index + 1, writtenAt],
  );
}
measurements.push(
  await timeWrites('write: decision', (index) =>
    db.query(
      `INSERT INTO answers (id, conversation_id, inbound_message_id, question, locale, kb_version, decision, confidence, generator, latency_ms, created_at)
       SELECT 'bench-answer-' || $1::text, conversation_id, 'bench-in-' || $1::text, question, locale, kb_version, 'answer', 0.8, 'extractive', 500, $2::timestamptz
       FROM answers WHERE id = 'ans-' || $1::text || '1'`,
      [index + 1, writtenAt],
    ),
  ),
  await timeWrites('write: outbox queued', (index) =>
    db.query(
      `INSERT INTO outbox (id, conversation_id, channel, recipient, payload, idempotency_key, created_at, updated_at)
       SELECT 'bench-out-' || $1::text, id, channel, 'bench', '{}', 'bench-out-' || $1::text, $2::timestamptz, $2::timestamptz FROM conversations WHERE id = 'conv-' || $1::text`,
      [index + 1, writtenAt],
    ),
  ),
  await timeWrites('write: outbox failed', (index) => db.query(`UPDATE outbox SET status = 'failed' WHERE id = 'bench-out-' || $1::text`, [index + 1])),
);
await db.close();

const perQuery = measurements.filter((row) => !row.query.startsWith('summary') && !row.query.startsWith('write'));
const worst = perQuery.reduce((left, right) => (right.p95Ms > left.p95Ms ? right : left));
const results = {
  command: `npm run bench:insight -- --messages ${messages} --runs ${runs} --days ${days}`,
  measuredAt: new Date().toISOString(),
  machine: { cpus: availableParallelism(), model: cpus()[0]?.model ?? 'unknown', loadAverage: loadavg().map(round) },
  database: 'PGlite (embedded, in memory)',
  seeded: { ...counts, days, seedSeconds: round(seedSeconds) },
  goal: { p95Ms: goalMs, perQuery: true, met: perQuery.every((row) => row.p95Ms <= goalMs), worst: `${worst.query} over ${worst.periodDays} d: p95 ${worst.p95Ms} ms` },
  measurements,
};
await mkdir(resultsDirectory, { recursive: true });
await writeFile(`${resultsDirectory}insight.json`, `${JSON.stringify(results, null, 2)}\n`);
await writeFile(`${resultsDirectory}insight.md`, markdown(results));
log(`Goal p95 <= ${goalMs} ms per query: ${results.goal.met ? 'met' : 'NOT met'} (worst ${results.goal.worst}). Results in bench/results/insight.json and .md`);

function markdown(report: typeof results): string {
  const rows = report.measurements.map((row) => `| ${row.query} | ${row.query.startsWith('write') ? '—' : row.periodDays} | ${row.p50Ms} | ${row.p95Ms} | ${row.maxMs} |`);
  return [
    '# Service insight benchmark',
    '',
    `Command: \`${report.command}\` (${report.measuredAt}, ${report.machine.cpus} cores, load ${report.machine.loadAverage.join(' ')}).`,
    '',
    `Seeded into ${report.database} in ${report.seeded.seedSeconds} s: ${report.seeded.messages.toLocaleString('en')} messages, ${report.seeded.conversations.toLocaleString('en')} conversations, ${report.seeded.answers.toLocaleString('en')} decisions, ${report.seeded.cases.toLocaleString('en')} cases, ${report.seeded.csatResponses.toLocaleString('en')} scores, ${report.seeded.outbox.toLocaleString('en')} outbox rows over ${report.seeded.days} days.`,
    '',
    `Goal: p95 <= ${report.goal.p95Ms} ms per dashboard query: **${report.goal.met ? 'met' : 'not met'}** (worst: ${report.goal.worst}).`,
    '',
    `Writes: ${writes} single statements each, timed with the insight triggers of migrations 0011 and 0012 in place.`,
    '',
    '| query | period (days) | p50 ms | p95 ms | max ms |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
  ].join('\n');
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
