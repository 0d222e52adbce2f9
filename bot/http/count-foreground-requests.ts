import type { RequestHandler } from 'express';
import { holdForeground } from '../../db/background-statements.js';

/**
 * Counts every request as foreground work until it is answered, so the
 * embedded database's background statements (the bot's turns, the outbox)
 * wait for a gap between requests (db/pglite-db.ts). Event streams are left
 * out: they stay open for as long as a browser watches.
 */
export function countForegroundRequests(): RequestHandler {
  return (request, response, next) => {
    if (request.headers.accept?.includes('text/event-stream')) {
      next();
      return;
    }
    // 'close' follows every response, finished or cut off.
    response.once('close', holdForeground());
    next();
  };
}
