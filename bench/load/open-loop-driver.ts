import { Agent, request as httpRequest } from 'node:http';

/** One request ready to send: everything that costs CPU (signing, encoding) is done before the run. */
export interface PreparedRequest {
  path: string;
  headers: Record<string, string>;
  body: Buffer;
}

export interface OpenLoopRun {
  /** `http://127.0.0.1:<port>` of the server under test. */
  baseUrl: string;
  /** Requests per second, held whatever the server does. */
  rate: number;
  /** Sent at `rate` first and left out of the figures: connections, JIT and caches settle. */
  warmupSeconds: number;
  durationSeconds: number;
  /** The request for the i-th send (warm-up included), prepared beforehand. */
  requestAt(index: number): PreparedRequest;
  /** A request without an answer after this long counts as failed; Twilio gives up after 15 s. */
  timeoutMs?: number;
}

/** What happened to one request. Times are wall-clock milliseconds (epoch) so other processes' timestamps compare. */
export interface RequestOutcome {
  index: number;
  /** Part of the measured window (not warm-up). */
  measured: boolean;
  /** When the schedule said to send it. */
  scheduledAt: number;
  /** When the driver actually handed it to the socket layer. */
  sentAt: number;
  /** Scheduled send to the last byte of the answer: includes any wait the schedule imposed, so stalls are not hidden. */
  latencyMs: number;
  /** HTTP status, or 0 when there was none (connection error, timeout). */
  status: number;
  error?: string;
}

export interface OpenLoopResult {
  outcomes: RequestOutcome[];
  /** Start of the measured window (wall clock, ms). */
  measuredFrom: number;
  /** The last answer to a measured request (wall clock, ms). */
  lastAnswerAt: number;
}

/**
 * An open-loop load driver: requests leave on a fixed schedule (the i-th at
 * start + i / rate) whether or not earlier ones were answered, the way
 * Twilio delivers webhooks, and each latency runs from the scheduled send.
 * A closed-loop tool (a fixed number of connections each waiting for its
 * answer) slows down with the server and so under-reports latency exactly
 * when it matters (coordinated omission).
 */
export async function runOpenLoop(run: OpenLoopRun): Promise<OpenLoopResult> {
  const target = new URL(run.baseUrl);
  const timeoutMs = run.timeoutMs ?? 15_000;
  // Keep-alive like Twilio's own senders, and a connection for every request a stall keeps open, as Twilio
  // opens them: a capped pool would queue requests in the driver and hide the wait from the timeout.
  const agent = new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY, maxFreeSockets: 1024 });
  const warmupCount = Math.round(run.warmupSeconds * run.rate);
  const total = warmupCount + Math.round(run.durationSeconds * run.rate);
  const intervalMs = 1000 / run.rate;
  const outcomes: RequestOutcome[] = new Array<RequestOutcome>(total);
  // Wall clock anchored once, then advanced by the monotonic clock.
  const wallAnchor = Date.now() - performance.now();
  const wallNow = () => wallAnchor + performance.now();
  const startedAt = wallNow() + 20;
  const measuredFrom = startedAt + warmupCount * intervalMs;
  let lastAnswerAt = measuredFrom;
  let next = 0;
  let pending = 0;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });

  function send(index: number): void {
    const prepared = run.requestAt(index);
    const scheduledAt = startedAt + index * intervalMs;
    const sentAt = wallNow();
    pending += 1;
    let settled = false;
    // Twilio gives up this long after sending, whatever the connection does meanwhile.
    const deadline = setTimeout(() => {
      settle(0, `no answer within ${timeoutMs} ms`);
      outgoing.destroy();
    }, timeoutMs);
    const settle = (status: number, error?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      const answeredAt = wallNow();
      const measured = index >= warmupCount;
      if (measured && answeredAt > lastAnswerAt) lastAnswerAt = answeredAt;
      outcomes[index] = { index, measured, scheduledAt, sentAt, latencyMs: answeredAt - scheduledAt, status, ...(error ? { error } : {}) };
      pending -= 1;
      if (next >= total && pending === 0) finish();
    };
    const outgoing = httpRequest(
      {
        agent,
        host: target.hostname,
        port: target.port,
        method: 'POST',
        path: prepared.path,
        headers: { ...prepared.headers, 'content-length': String(prepared.body.length) },
      },
      (response) => {
        response.on('data', () => undefined);
        response.on('end', () => settle(response.statusCode ?? 0));
        response.on('error', (error) => settle(0, error.message));
      },
    );
    outgoing.on('error', (error) => settle(0, error.message));
    outgoing.end(prepared.body);
  }

  // A timer tick sends everything that has come due since the last one, so a
  // late tick catches up at once instead of shifting the whole schedule.
  await new Promise<void>((resolve) => {
    const tick = () => {
      const due = Math.min(total, Math.floor((wallNow() - startedAt) / intervalMs) + 1);
      while (next < due) {
        send(next);
        next += 1;
      }
      if (next >= total) {
        resolve();
        return;
      }
      setTimeout(tick, Math.max(0, Math.min(intervalMs, startedAt + next * intervalMs - wallNow())));
    };
    setTimeout(tick, Math.max(0, startedAt - wallNow()));
  });
  if (pending > 0) await finished;
  agent.destroy();
  return { outcomes, measuredFrom, lastAnswerAt };
}
