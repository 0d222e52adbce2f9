import { randomUUID } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import type { Logger } from 'pino';

const requestIdPattern = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * Gives every request an id (the caller's `X-Request-Id` when it is well-formed)
 * and logs one line when the response is finished: method, path without the
 * query string, status and duration. No bodies, no headers, no query values.
 */
export function requestContext(logger: Logger): RequestHandler {
  return (request, response, next) => {
    const given = request.get('x-request-id');
    const requestId = given !== undefined && requestIdPattern.test(given) ? given : randomUUID();
    response.locals.requestId = requestId;
    response.setHeader('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    response.on('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info(
        { requestId, method: request.method, path: request.path, status: response.statusCode, durationMs: Math.round(durationMs * 10) / 10 },
        'request',
      );
    });
    next();
  };
}

export function requestIdOf(response: Response): string {
  return typeof response.locals.requestId === 'string' ? response.locals.requestId : 'unknown';
}
