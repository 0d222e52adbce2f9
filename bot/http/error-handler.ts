import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import { ChannelCapabilityError } from '../../channels/channel-capability-error.js';
import { CurationConflictError } from '../../knowledge/curation/curation-conflict-error.js';
import { AppError } from '../errors/app-error.js';
import { FeatureDisabledError } from '../errors/feature-disabled-error.js';
import { ForbiddenError } from '../errors/forbidden-error.js';
import { NotFoundError } from '../errors/not-found-error.js';
import { DatabaseUnavailableError } from '../../db/database-unavailable-error.js';
import { ServiceUnavailableError } from '../errors/service-unavailable-error.js';
import { TooManyRequestsError } from '../errors/too-many-requests-error.js';
import { UnauthorizedError } from '../errors/unauthorized-error.js';
import { ValidationError } from '../errors/validation-error.js';
import { requestIdOf } from './request-context.js';
import { ConflictError } from '../errors/conflict-error.js';

interface ErrorBody {
  error: { code: string; message: string; requestId: string; issues?: readonly { path: string; message: string }[] };
}

/** The one place where errors become HTTP responses. Internals never leak to the client. */
export function createErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, request, response, next) => {
    if (response.headersSent) {
      next(error);
      return;
    }
    const requestId = requestIdOf(response);
    const { status, body } = describe(error, requestId);
    if (status >= 500) {
      logger.error({ requestId, err: errorForLog(error) }, 'request failed');
    }
    if (status === 503) response.setHeader('Retry-After', '5');
    if (error instanceof TooManyRequestsError) response.setHeader('Retry-After', String(error.retryAfterSeconds));
    response.status(status).json(body);
  };
}

function describe(error: unknown, requestId: string): { status: number; body: ErrorBody } {
  const body = (code: string, message: string, extra: Partial<ErrorBody['error']> = {}): ErrorBody => ({
    error: { code, message, requestId, ...extra },
  });
  if (error instanceof ValidationError) {
    return { status: 400, body: body('invalid_request', error.message, { issues: error.issues }) };
  }
  if (error instanceof UnauthorizedError) return { status: 401, body: body('unauthorized', error.message) };
  if (error instanceof ForbiddenError) return { status: 403, body: body(error.code, error.message) };
  if (error instanceof TooManyRequestsError) return { status: 429, body: body('too_many_requests', error.message) };
  if (error instanceof NotFoundError) return { status: 404, body: body('not_found', error.message) };
  if (error instanceof FeatureDisabledError) return { status: 404, body: body('disabled', error.message) };
  if (error instanceof CurationConflictError || error instanceof ConflictError) return { status: 409, body: body('conflict', error.message) };
  if (error instanceof ChannelCapabilityError) return { status: 409, body: body('unsupported', error.message) };
  if (error instanceof ServiceUnavailableError || error instanceof DatabaseUnavailableError) return { status: 503, body: body('unavailable', error.message) };
  const bodyParserType = (error as { type?: unknown } | undefined)?.type;
  if (bodyParserType === 'entity.parse.failed') {
    return { status: 400, body: body('malformed_json', 'The request body is not valid JSON') };
  }
  if (bodyParserType === 'entity.too.large') {
    const limit = (error as { limit?: unknown }).limit;
    return {
      status: 413,
      body: body('payload_too_large', `The request body is larger than the limit of ${String(limit)} bytes`),
    };
  }
  if (bodyParserType === 'encoding.unsupported' || bodyParserType === 'charset.unsupported') {
    return { status: 415, body: body('unsupported_encoding', 'The request body encoding is not supported') };
  }
  if (error instanceof AppError && error.isRetryable) return { status: 503, body: body('unavailable', error.message) };
  return { status: 500, body: body('internal_error', 'Something went wrong on our side; it has been logged') };
}

/** Name, message and stack only: request bodies and customer text never reach the log. */
function errorForLog(error: unknown): { name: string; message: string; stack?: string | undefined } {
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack };
  return { name: 'NonError', message: typeof error };
}
