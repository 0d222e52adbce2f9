import { cp, mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import type { CustomerMessage } from './customer-messages.js';
import { seededRandom } from './customer-messages.js';
import type { SmsSeries } from './load-results.js';
import { runOpenLoop } from './open-loop-driver.js';
import { sampleProcessUsage } from './process-usage-sampler.js';
import { measureReplyLatency, readInboundRecords } from './reply-latency.js';
import { prepareSmsWebhooks } from './signed-sms-webhooks.js';
import { startAppUnderTest, type TwilioAccount } from './start-app-under-test.js';
import { countLoggedProblems } from './log-lines.js';
import { isSustained, summariseSeries } from './summarise-series.js';

export interface SmsSeriesRun {
  /** A data directory of a started-and-stopped app (migrated, sample knowledge loaded) copied for each series. */
  templateDir: string;
  twilio: TwilioAccount;
  fakeTwilioBaseUrl: string;
  publicBaseUrl: string;
  messages: readonly CustomerMessage[];
  series: number;
  rate: number;
  warmupSeconds: number;
  durationSeconds: number;
  p95BudgetMs: number;
  /** Longest wait after the last webhook for replies to stop arriving before the app is stopped. */
  replyWaitSeconds: number;
  /**
   * How long shutdown may take: it finishes every started turn first, which
   * after an overload can be minutes of backlog. Then SIGKILL; whatever was
   * not answered by then counts as unanswered.
   */
  shutdownGraceSeconds: number;
  /** Extra node options for the app (`--cpu-prof`). */
  nodeOptions?: string[];
  /** Modules the app preloads (`query-census-preload.ts`). */
  imports?: string[];
  /** Diagnostic: every sender sends STOP before the timed run, so its messages run no turn (see `optOutFirst`). */
  ackPathOnly?: boolean;
}

/** A span in microseconds of CLOCK_MONOTONIC, the clock V8 stamps its CPU profiles with. */
export type MonotonicWindow = { fromMicroseconds: number; toMicroseconds: number };

export interface SmsSeriesOutcome {
  series: SmsSeries;
  /** When the timed webhooks were sent, to cut a CPU profile down to the load. */
  loadWindow: MonotonicWindow;
  /** Everything the app printed (its warnings, a query census). */
  stdout: string;
  /** Webhooks sent in all, opt-outs and warm-up included. */
  inboundSent: number;
}

const fakeMessagesSchema = z.array(z.unknown());
const emptyRequest = { path: '/', headers: {}, body: Buffer.alloc(0) };

/**
 * One fixed-rate series of signed inbound SMS against a fresh copy of the
 * app: acknowledgement latency from the driver, the app's memory and CPU
 * from /proc, then (after the app has finished its turns and stopped) each
 * message's reply timings from its own database.
 */
export async function runSmsSeries(run: SmsSeriesRun): Promise<SmsSeriesOutcome> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-load-app-'));
  try {
    await cp(run.templateDir, dataDir, { recursive: true });
    const app = await startAppUnderTest({
      dataDir,
      twilio: run.twilio,
      fakeTwilioBaseUrl: run.fakeTwilioBaseUrl,
      publicBaseUrl: run.publicBaseUrl,
      ...(run.nodeOptions ? { nodeOptions: run.nodeOptions } : {}),
      ...(run.imports ? { imports: run.imports } : {}),
    });
    const timed = Math.round((run.warmupSeconds + run.durationSeconds) * run.rate);
    // About three messages per sender over the series: returning customers continue their conversation.
    const senders = Math.max(1, Math.round(timed / 3));
    const optOuts = run.ackPathOnly ? senders : 0;
    const webhooks = prepareSmsWebhooks({
      series: run.series,
      count: optOuts + timed,
      senders,
      ...(run.ackPathOnly ? { optOutFirst: true } : {}),
      messages: run.messages,
      helpShare: 0.01,
      random: seededRandom(run.series),
      twilio: run.twilio,
      publicBaseUrl: run.publicBaseUrl,
    });
    if (optOuts > 0) {
      // Every sender's STOP is stored and acknowledged before the timed run starts, so none of its messages runs a turn.
      await runOpenLoop({
        baseUrl: app.baseUrl,
        rate: Math.min(run.rate, 100),
        warmupSeconds: 0,
        durationSeconds: optOuts / Math.min(run.rate, 100),
        requestAt: (index) => webhooks[index]?.request ?? emptyRequest,
      });
    }
    const timedWebhooks = webhooks.slice(optOuts);
    await fetch(`${run.fakeTwilioBaseUrl}/__reset`, { method: 'POST' });
    const usage = await sampleProcessUsage(app.child.pid);
    const fromMicroseconds = monotonicMicroseconds();
    const result = await runOpenLoop({
      baseUrl: app.baseUrl,
      rate: run.rate,
      warmupSeconds: run.warmupSeconds,
      durationSeconds: run.durationSeconds,
      requestAt: (index) => timedWebhooks[index]?.request ?? emptyRequest,
    });
    const toMicroseconds = monotonicMicroseconds();
    const server = await usage.stop();
    const loadAverage = Math.round((loadavg()[0] ?? 0) * 100) / 100;
    const summary = summariseSeries(result, run.rate, run.durationSeconds);

    const backlogCleared = await waitForRepliesToStop(run.fakeTwilioBaseUrl, run.replyWaitSeconds);
    // Shutdown lets every started turn finish and enqueue its reply before the database closes.
    await app.child.stop(run.shutdownGraceSeconds * 1000);
    const exit = await app.child.exited;
    let replies: SmsSeries['replies'];
    try {
      const records = await readInboundRecords(dataDir);
      const sent = result.outcomes.map((outcome) => ({
        messageSid: timedWebhooks[outcome.index]?.messageSid ?? '',
        sentAt: outcome.scheduledAt,
        measured: outcome.measured,
      }));
      replies = measureReplyLatency(sent, records);
    } catch (error) {
      replies = { unavailable: `app exited with ${String(exit)}; database not readable: ${error instanceof Error ? error.message : String(error)}` };
    }
    return {
      series: {
        ...summary,
        sustained: isSustained(summary, run.p95BudgetMs),
        server,
        loadAverage1m: loadAverage,
        replies,
        stoppedWithBacklog: !backlogCleared,
        exit: String(exit),
        loggedProblems: countLoggedProblems(app.child.stdout()),
      },
      loadWindow: { fromMicroseconds, toMicroseconds },
      stdout: app.child.stdout(),
      inboundSent: optOuts + timed,
    };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** True once the fake Twilio API has received nothing new for 3 s; false if replies still trickle in after `limitSeconds`. */
async function waitForRepliesToStop(fakeBaseUrl: string, limitSeconds: number): Promise<boolean> {
  const started = performance.now();
  let lastCount = -1;
  let quietSince = performance.now();
  while ((performance.now() - started) / 1000 < limitSeconds) {
    const count = fakeMessagesSchema.parse(await (await fetch(`${fakeBaseUrl}/__messages`)).json()).length;
    if (count !== lastCount) {
      lastCount = count;
      quietSince = performance.now();
    } else if (performance.now() - quietSince >= 3000) {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

function monotonicMicroseconds(): number {
  return Number(process.hrtime.bigint() / 1000n);
}
