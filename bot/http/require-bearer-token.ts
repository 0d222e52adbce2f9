import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { FeatureDisabledError } from '../errors/feature-disabled-error.js';
import { UnauthorizedError } from '../errors/unauthorized-error.js';

/**
 * Guards an API with a shared bearer token, compared in constant time.
 * Without a configured token the API is switched off, not open.
 */
export function requireBearerToken(token: string | undefined, settingName: string): RequestHandler {
  const expected = token === undefined ? undefined : digest(token);
  return (request, _response, next) => {
    if (expected === undefined) throw new FeatureDisabledError(`This API is disabled; set ${settingName} to enable it`);
    const match = /^Bearer\s+(.+)$/i.exec(request.get('authorization') ?? '');
    if (!match?.[1] || !timingSafeEqual(digest(match[1]), expected)) {
      throw new UnauthorizedError('A valid bearer token is required (Authorization: Bearer <token>)');
    }
    next();
  };
}

// Hashing first gives equal-length buffers, so the comparison leaks nothing about length.
function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
