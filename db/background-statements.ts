import { AsyncLocalStorage } from 'node:async_hooks';

const background = new AsyncLocalStorage<true>();

/**
 * Runs `work` as background work (the bot's turns after an acknowledgement,
 * the outbox, recovery sweeps): on the embedded database each of its
 * statements first lets the event loop go round, so a webhook waiting to be
 * read and acknowledged goes first. Statements outside it (request handlers)
 * run at once.
 */
export function runInBackground<T>(work: () => Promise<T>): Promise<T> {
  return background.run(true, work);
}

/** Whether the caller runs inside `runInBackground`. */
export function isBackgroundWork(): boolean {
  return background.getStore() === true;
}

/** A foreground statement in the last this many milliseconds means webhooks are arriving: background work waits. */
const quietMs = 2;
/** The longest a background statement waits for a quiet moment, so background work always moves on. */
const maxDeferMs = 20;
let lastForegroundAt = Number.NEGATIVE_INFINITY;

/** A request handler's statement is about to run. */
export function noteForegroundStatement(): void {
  lastForegroundAt = performance.now();
}

/**
 * Before a background statement: lets the event loop go round, then, while
 * request handlers' statements keep coming, waits for a quiet moment (at most
 * `maxDeferMs`). A burst of webhooks is acknowledged first and background
 * work takes the gaps; under light traffic it hardly waits at all.
 */
export async function waitForForegroundLull(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  const deadline = performance.now() + maxDeferMs;
  while (performance.now() - lastForegroundAt < quietMs && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}
