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

/**
 * A request is being handled: background statements wait until none is (at
 * most a few milliseconds each). Returns the release, to call once the
 * request is answered; calling it again does nothing.
 */
export function holdForeground(): () => void {
  requestsInFlight += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    requestsInFlight -= 1;
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
 * Resolves once no request is being handled, or after `maxWaitMs` whatever
 * happens, so background work always moves on, if slowly, under a steady
 * stream of requests.
 */
export async function foregroundQuiet(maxWaitMs: number): Promise<void> {
  if (requestsInFlight === 0) return;
  let timer: NodeJS.Timeout | undefined;
  await new Promise<void>((resolve) => {
    quietWaiters.push(resolve);
    timer = setTimeout(resolve, maxWaitMs);
  });
  clearTimeout(timer);
}
