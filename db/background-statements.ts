import { AsyncLocalStorage } from 'node:async_hooks';

const background = new AsyncLocalStorage<true>();

/**
 * Runs `work` as background work (the bot's turns after an acknowledgement,
 * the outbox, recovery sweeps): on the embedded database its statements give
 * way to requests being handled (`foregroundQuiet`), so a webhook waiting to
 * be acknowledged goes first. Statements outside it (request handlers) run at once.
 */
export function runInBackground<T>(work: () => Promise<T>): Promise<T> {
  return background.run(true, work);
}

/** Whether the caller runs inside `runInBackground`. */
export function isBackgroundWork(): boolean {
  return background.getStore() === true;
}

let requestsInFlight = 0;
let quietWaiters: (() => void)[] = [];
/** When a request last started or was answered (`performance.now()`). */
let lastForegroundAt = Number.NEGATIVE_INFINITY;
/** How long after the last request background work waits: under a stream of webhooks, gaps this short are left to them. */
const settleMs = 1;

/**
 * A request is being handled: background statements wait until none is (at
 * most a few milliseconds each). Returns the release, to call once the
 * request is answered; calling it again does nothing.
 */
export function holdForeground(): () => void {
  requestsInFlight += 1;
  lastForegroundAt = performance.now();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    requestsInFlight -= 1;
    lastForegroundAt = performance.now();
    if (requestsInFlight > 0) return;
    const waiters = quietWaiters;
    quietWaiters = [];
    for (const wake of waiters) wake();
  };
}

/** Requests being handled now. */
export function foregroundRequests(): number {
  return requestsInFlight;
}

/**
 * Resolves once no request is being handled and none started or was answered
 * in the last millisecond, or after `maxWaitMs` whatever happens, so
 * background work always moves on, if slowly, under a steady stream of requests.
 */
export async function foregroundQuiet(maxWaitMs: number): Promise<void> {
  const deadline = performance.now() + maxWaitMs;
  for (;;) {
    const now = performance.now();
    if (now >= deadline) return;
    if (requestsInFlight === 0) {
      const settled = lastForegroundAt + settleMs - now;
      if (settled <= 0) return;
      await new Promise((resolve) => setTimeout(resolve, Math.min(settled, deadline - now)));
      continue;
    }
    let timer: NodeJS.Timeout | undefined;
    let wake: (() => void) | undefined;
    await new Promise<void>((resolve) => {
      wake = resolve;
      quietWaiters.push(resolve);
      timer = setTimeout(resolve, deadline - now);
    });
    clearTimeout(timer);
    // Woken by the deadline rather than a release: no longer waiting.
    quietWaiters = quietWaiters.filter((waiter) => waiter !== wake);
  }
}
