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
