import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTsxChild, waitForStdout, waitUntilReady } from './child-process.js';
import type { CustomerMessage } from './customer-messages.js';
import { seededRandom } from './customer-messages.js';
import type { MeasuredSeries } from './load-results.js';
import { runOpenLoop } from './open-loop-driver.js';
import { sampleProcessUsage } from './process-usage-sampler.js';
import { prepareSmsWebhooks } from './signed-sms-webhooks.js';
import type { TwilioAccount } from './start-app-under-test.js';
import { isSustained, summariseSeries } from './summarise-series.js';

const emptyRequest = { path: '/', headers: {}, body: Buffer.alloc(0) };

export interface CeilingLadder {
  twilio: TwilioAccount;
  publicBaseUrl: string;
  messages: readonly CustomerMessage[];
  /**
   * Rates tried in order until one is not sustained twice in a row (halving
   * from there if none was), then halfway between the last good and that one.
   */
  rates: readonly number[];
  warmupSeconds: number;
  durationSeconds: number;
  p95BudgetMs: number;
  log(line: string): void;
}

/**
 * The machine's ceiling for a signed webhook: `bare-ceiling-server.ts` in its
 * own process, driven by the same driver with the same signed requests as
 * the app, up a ladder of rates. The highest sustained rate is the ceiling.
 */
export async function runCeilingLadder(ladder: CeilingLadder): Promise<{ series: MeasuredSeries[]; maxSustainedRate: number }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-load-ceiling-'));
  const server = startTsxChild('bench/load/bare-ceiling-server.ts', {
    args: ['--data-dir', join(dataDir, 'pgdata'), '--auth-token', ladder.twilio.authToken, '--public-base-url', ladder.publicBaseUrl],
  });
  try {
    const port = await waitForStdout(server, /^listening (\d+)$/m);
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitUntilReady(server, `${baseUrl}/healthz`);
    const series: MeasuredSeries[] = [];
    const workload = (seriesNumber: number) => ({
      series: seriesNumber,
      messages: ladder.messages,
      helpShare: 0.01,
      random: seededRandom(seriesNumber),
      twilio: ladder.twilio,
      publicBaseUrl: ladder.publicBaseUrl,
    });
    const measure = async (rate: number, step: number) => {
      const count = Math.round((ladder.warmupSeconds + ladder.durationSeconds) * rate);
      const webhooks = prepareSmsWebhooks({ ...workload(50 + step), count, senders: Math.max(1, Math.round(count / 3)) });
      const usage = await sampleProcessUsage(server.pid);
      const result = await runOpenLoop({
        baseUrl,
        rate,
        warmupSeconds: ladder.warmupSeconds,
        durationSeconds: ladder.durationSeconds,
        requestAt: (index) => webhooks[index]?.request ?? emptyRequest,
      });
      const summary = summariseSeries(result, rate, ladder.durationSeconds);
      const measured: MeasuredSeries = {
        ...summary,
        sustained: isSustained(summary, ladder.p95BudgetMs),
        server: await usage.stop(),
        loadAverage1m: Math.round((loadavg()[0] ?? 0) * 100) / 100,
      };
      series.push(measured);
      ladder.log(
        `ceiling ${rate}/s: achieved ${measured.achievedRate}/s, p50 ${measured.latency.p50Ms} ms, p95 ${measured.latency.p95Ms} ms, p99 ${measured.latency.p99Ms} ms, ${measured.sustained ? 'sustained' : 'NOT sustained'}`,
      );
      return measured.sustained;
    };

    // A fresh process is slow for its first seconds (JIT, PGlite's first queries, start-up garbage): warm it
    // at a gentle rate first, as the app is warmed by its knowledge-base load and the readiness probe.
    const warming = prepareSmsWebhooks({ ...workload(49), count: 500, senders: 200 });
    await runOpenLoop({ baseUrl, rate: 100, warmupSeconds: 0, durationSeconds: 5, requestAt: (index) => warming[index]?.request ?? emptyRequest });

    let lastGood = 0;
    let firstBad: number | undefined;
    let step = 0;
    // A rate not sustained is measured once more before it counts: one stall of a noisy machine must not set the ceiling.
    const holds = async (rate: number) => {
      step += 1;
      if (await measure(rate, step)) return true;
      step += 1;
      return measure(rate, step);
    };
    for (const rate of ladder.rates) {
      if (await holds(rate)) {
        lastGood = rate;
      } else {
        firstBad = rate;
        break;
      }
    }
    // A busy machine may not hold even the first rung: halve until a rate holds.
    while (lastGood === 0 && firstBad !== undefined && firstBad / 2 >= 25) {
      const lower = Math.round(firstBad / 2);
      if (await holds(lower)) lastGood = lower;
      else firstBad = lower;
    }
    if (firstBad !== undefined && lastGood > 0) {
      const middle = Math.round((lastGood + firstBad) / 2 / 25) * 25;
      if (middle > lastGood && middle < firstBad && (await holds(middle))) lastGood = middle;
    }
    return { series: [...series].sort((left, right) => left.offeredRate - right.offeredRate), maxSustainedRate: lastGood };
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
