import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fakeAccountSid, fakeAuthToken } from '../../fakes/twilio-api/index.js';
import { startTsxChild, waitForStdout } from './child-process.js';
import { readCustomerMessages } from './customer-messages.js';
import { formatLoadMarkdown, formatLoadTable } from './load-report.js';
import type { LoadResults, SmsSeries } from './load-results.js';
import { runAppDiagnostics } from './run-app-diagnostics.js';
import { runCeilingLadder } from './run-ceiling-ladder.js';
import { runSmsSeries } from './run-sms-series.js';
import { runWebChatSeries } from './run-web-chat-series.js';
import { startAppUnderTest, type TwilioAccount } from './start-app-under-test.js';

// `npm run bench:load [-- --rates 5,10,...,500] [-- --duration 15] [-- --warmup 3]
//   [-- --ack-path-rates 100,...] [-- --web-chat-rates 2,5,10] [-- --ceiling-rates 250,500,...]
//   [-- --profile-rate 300] [-- --profile] [-- --no-profile] [-- --out path.json]`:
// signed inbound SMS webhooks against the real app (child process, fresh data
// directory per rate, Twilio pointed at the local fake API) at fixed rates;
// the same from opted-out senders (no bot turn: the acknowledgement path
// alone, a diagnostic); web chat at lower rates; and a bare Express +
// signature + PGlite INSERT server as this machine's ceiling, all driven by
// one open-loop driver. When the app falls short, a query census and a CPU
// profile of it say where the time goes. Results go to bench/results/load.json and load.md.

const { values } = parseArgs({
  options: {
    rates: { type: 'string', default: '5,10,25,50,100,200,300,400,500' },
    duration: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '3' },
    'ack-path-rates': { type: 'string', default: '100,200,300,400,500' },
    'ack-path-duration': { type: 'string', default: '10' },
    'web-chat-rates': { type: 'string', default: '2,5,10' },
    'web-chat-duration': { type: 'string', default: '15' },
    'ceiling-rates': { type: 'string', default: '250,500,750,1000,1500,2000,3000,4000' },
    'ceiling-duration': { type: 'string', default: '15' },
    'reply-wait': { type: 'string', default: '30' },
    'shutdown-grace': { type: 'string', default: '60' },
    'profile-rate': { type: 'string', default: '300' },
    'profile-duration': { type: 'string', default: '8' },
    'census-rate': { type: 'string', default: '10' },
    profile: { type: 'boolean', default: false },
    'no-profile': { type: 'boolean', default: false },
    out: { type: 'string', default: fileURLToPath(new URL('../results/load.json', import.meta.url)) },
  },
  strict: true,
});

const numbers = (text: string) => text.split(',').map(Number).filter((value) => Number.isFinite(value) && value > 0);
const p95BudgetMs = 50;
const targetRate = 300;
const ceilingShareTarget = 0.5;
const publicBaseUrl = 'https://assist.lumenbank.example';
const twilio: TwilioAccount = {
  accountSid: fakeAccountSid,
  authToken: fakeAuthToken,
  ourNumber: '+3197010250123',
  messagingServiceSid: 'MG2b9c4d6e8f0a1b3c5d7e9f1a3b5c7d9e',
};
const warmupSeconds = Number(values.warmup);
const durationSeconds = Number(values.duration);
const log = (line: string) => process.stdout.write(`${line}\n`);
const loadAverages = () => loadavg().map((value) => Math.round(value * 100) / 100);

/** The commit measured, and how many files differ from it (read-only git; `--no-optional-locks` leaves the index alone). */
function revision(): { commit: string; changedFiles: number } {
  const git = (...args: string[]) => execFileSync('git', ['--no-optional-locks', ...args], { cwd: fileURLToPath(new URL('../..', import.meta.url)), encoding: 'utf8' });
  try {
    return { commit: git('rev-parse', 'HEAD').trim(), changedFiles: git('status', '--porcelain').split('\n').filter((line) => line !== '').length };
  } catch {
    return { commit: 'unknown', changedFiles: 0 };
  }
}

async function main(): Promise<void> {
  const messages = await readCustomerMessages();
  const machine = {
    cores: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverageAtStart: loadAverages(),
    loadAverageAtEnd: [] as number[],
  };
  log(`machine: ${machine.cores} cores, ${machine.cpuModel}, Node ${machine.node}, load average ${machine.loadAverageAtStart.join(' ')}`);
  const workDir = await mkdtemp(join(tmpdir(), 'bench-load-'));
  const fake = startTsxChild('fakes/twilio-api/main.ts', { args: ['--port', '0'] });
  try {
    const fakeTwilioBaseUrl = await waitForStdout(fake, /^(http:\/\/127\.0\.0\.1:\d+)$/m);

    // One cold start builds the data directory (initdb, migrations, sample knowledge base) every series copies.
    const templateDir = join(workDir, 'template');
    await mkdir(templateDir);
    const coldStarted = performance.now();
    const template = await startAppUnderTest({ dataDir: templateDir, twilio, fakeTwilioBaseUrl, publicBaseUrl });
    const coldStartSeconds = Math.round((performance.now() - coldStarted) / 100) / 10;
    await template.child.stop();
    log(`app cold start (empty data directory to /readyz): ${coldStartSeconds} s`);

    const ceiling = await runCeilingLadder({
      twilio,
      publicBaseUrl,
      messages,
      rates: numbers(values['ceiling-rates']),
      warmupSeconds,
      durationSeconds: Number(values['ceiling-duration']),
      p95BudgetMs,
      log,
    });

    const common = { templateDir, twilio, fakeTwilioBaseUrl, publicBaseUrl, messages, warmupSeconds, p95BudgetMs };
    const sms: SmsSeries[] = [];
    for (const [index, rate] of numbers(values.rates).entries()) {
      const { series } = await runSmsSeries({
        ...common,
        series: index + 1,
        rate,
        durationSeconds,
        replyWaitSeconds: Number(values['reply-wait']),
        shutdownGraceSeconds: Number(values['shutdown-grace']),
      });
      sms.push(series);
      const replies = 'unavailable' in series.replies ? series.replies.unavailable : `reply enqueued p50 ${series.replies.enqueued.p50Ms} ms, p95 ${series.replies.enqueued.p95Ms} ms`;
      log(
        `SMS ${rate}/s: achieved ${series.achievedRate}/s, ack p50 ${series.latency.p50Ms} ms, p95 ${series.latency.p95Ms} ms, p99 ${series.latency.p99Ms} ms, failed ${series.requests - series.ok}, ${replies}, RSS max ${series.server.rssMaxMiB} MiB, ${series.sustained ? 'sustained' : 'NOT sustained'}`,
      );
    }

    const ackPathOnly: SmsSeries[] = [];
    for (const [index, rate] of numbers(values['ack-path-rates']).entries()) {
      const { series } = await runSmsSeries({
        ...common,
        series: 60 + index,
        rate,
        durationSeconds: Number(values['ack-path-duration']),
        replyWaitSeconds: 5,
        shutdownGraceSeconds: Number(values['shutdown-grace']),
        ackPathOnly: true,
      });
      ackPathOnly.push(series);
      log(
        `SMS ${rate}/s from opted-out senders (no turn; diagnostic): achieved ${series.achievedRate}/s, ack p50 ${series.latency.p50Ms} ms, p95 ${series.latency.p95Ms} ms, p99 ${series.latency.p99Ms} ms, failed ${series.requests - series.ok}, ${series.sustained ? 'sustained' : 'NOT sustained'}`,
      );
    }

    const webChat = await runWebChatSeries({
      ...common,
      rates: numbers(values['web-chat-rates']),
      durationSeconds: Number(values['web-chat-duration']),
      log,
    });

    const appMaxSustainedRate = Math.max(0, ...sms.filter((series) => series.sustained).map((series) => series.offeredRate));
    const shareOfCeiling = ceiling.maxSustainedRate > 0 ? appMaxSustainedRate / ceiling.maxSustainedRate : 0;
    const verdict = {
      appMaxSustainedRate,
      ceilingMaxSustainedRate: ceiling.maxSustainedRate,
      shareOfCeiling: Math.round(shareOfCeiling * 1000) / 1000,
      meetsRate: appMaxSustainedRate >= targetRate,
      meetsShare: shareOfCeiling >= ceilingShareTarget,
      pass: appMaxSustainedRate >= targetRate && shareOfCeiling >= ceilingShareTarget,
    };

    const results: LoadResults = {
      command: ['npm run bench:load', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' '),
      date: new Date().toISOString(),
      revision: revision(),
      machine,
      settings: {
        warmupSeconds,
        durationSeconds,
        p95BudgetMs,
        targetRate,
        ceilingShareTarget,
        sustainedMeans: `Sustained: at least 98% of the offered rate answered 2xx within the window, at most 0.1% failed, and (webhooks only) p95 <= ${p95BudgetMs} ms.`,
        latencyMeans:
          'Latency runs from the scheduled send to the last byte of the answer (HTTP 200 with empty TwiML for SMS), so a stalled server cannot hide queued requests; a request unanswered after 15 s (Twilio gives up then) counts as failed.',
        replyLatencyMeans:
          "Reply latency runs from the scheduled send of the webhook to the reply's outbox row (`outbox.created_at`, read from the app's database after it stopped, paired by the outbox idempotency key that names the inbound message); messages in a conversation already handed to a person get no bot reply and are counted apart.",
        workload: `${messages.length} customer texts (retrieval set, held-out set, unanswerable set) drawn at random, 1% HELP keyword; about three messages per sender per series (returning customers continue their conversation); each webhook signed over ${publicBaseUrl}/api/twilio/messages with a fresh MessageSid, before the run. The app acknowledges a webhook once its intake turn is written; webhooks that arrive together share one multi-row INSERT (group commit, \`db/group-commit.ts\`). Each SMS rate runs against a fresh copy of one migrated data directory with the sample knowledge base; the outbox delivers every reply to the local fake Twilio API (a child process). Web chat: each message opens a conversation.`,
      },
      appStartSeconds: { cold: coldStartSeconds },
      ceiling,
      sms,
      ackPathOnly,
      webChat,
      verdict,
    };

    if (values.profile || (!verdict.pass && !values['no-profile'])) {
      Object.assign(
        results,
        await runAppDiagnostics({
          common,
          censusRate: Number(values['census-rate']),
          profileRate: Number(values['profile-rate']),
          profileDurationSeconds: Number(values['profile-duration']),
          log,
        }),
      );
    }

    results.machine.loadAverageAtEnd = loadAverages();
    await mkdir(dirname(values.out), { recursive: true });
    await writeFile(values.out, `${JSON.stringify(results, null, 2)}\n`);
    await writeFile(values.out.replace(/(\.json)?$/, '.md'), formatLoadMarkdown(results));
    log('');
    log(formatLoadTable(results));
    log(`\nresults: ${values.out}`);
  } finally {
    await fake.stop();
    await rm(workDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
