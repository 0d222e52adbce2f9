import { cp, mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CustomerMessage } from './customer-messages.js';
import { seededRandom } from './customer-messages.js';
import type { MeasuredSeries } from './load-results.js';
import { runOpenLoop } from './open-loop-driver.js';
import { sampleProcessUsage } from './process-usage-sampler.js';
import { startAppUnderTest, type TwilioAccount } from './start-app-under-test.js';
import { isSustained, summariseSeries } from './summarise-series.js';
import { prepareWebChatMessages } from './web-chat-requests.js';

export interface WebChatSeriesRun {
  templateDir: string;
  twilio: TwilioAccount;
  fakeTwilioBaseUrl: string;
  publicBaseUrl: string;
  messages: readonly CustomerMessage[];
  rates: readonly number[];
  warmupSeconds: number;
  durationSeconds: number;
  p95BudgetMs: number;
  log(line: string): void;
}

/**
 * Web chat answers in the response, so its latency is the whole turn:
 * retrieval, guards, the answer and the stored reply. One fresh copy of the
 * app takes the rates in increasing order; each customer opens a conversation.
 */
export async function runWebChatSeries(run: WebChatSeriesRun): Promise<MeasuredSeries[]> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-load-web-chat-'));
  try {
    await cp(run.templateDir, dataDir, { recursive: true });
    const app = await startAppUnderTest({ dataDir, twilio: run.twilio, fakeTwilioBaseUrl: run.fakeTwilioBaseUrl, publicBaseUrl: run.publicBaseUrl });
    try {
      const series: MeasuredSeries[] = [];
      for (const [step, rate] of run.rates.entries()) {
        const requests = prepareWebChatMessages(Math.round((run.warmupSeconds + run.durationSeconds) * rate), run.messages, seededRandom(100 + step));
        const usage = await sampleProcessUsage(app.child.pid);
        const result = await runOpenLoop({
          baseUrl: app.baseUrl,
          rate,
          warmupSeconds: run.warmupSeconds,
          durationSeconds: run.durationSeconds,
          requestAt: (index) => requests[index] ?? { path: '/', headers: {}, body: Buffer.alloc(0) },
        });
        const summary = summariseSeries(result, rate, run.durationSeconds);
        // Web chat answers in full, so only keeping pace counts, not the webhook latency budget.
        const measured: MeasuredSeries = {
          ...summary,
          sustained: isSustained(summary, Number.POSITIVE_INFINITY),
          server: await usage.stop(),
          loadAverage1m: Math.round((loadavg()[0] ?? 0) * 100) / 100,
        };
        series.push(measured);
        run.log(
          `web chat ${rate}/s: achieved ${measured.achievedRate}/s, p50 ${measured.latency.p50Ms} ms, p95 ${measured.latency.p95Ms} ms, p99 ${measured.latency.p99Ms} ms, errors ${measured.requests - measured.ok}`,
        );
      }
      return series;
    } finally {
      await app.child.stop(120_000);
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
