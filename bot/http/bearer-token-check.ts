import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { FeatureDisabledError } from '../errors/feature-disabled-error.js';
import { UnauthorizedError } from '../errors/unauthorized-error.js';

/**
 * Checks a request's shared bearer token, compared in constant time. Without
 * a configured token, bearer access is switched off, not open: the check
 * answers that the setting is missing.
 */
export function createBearerTokenCheck(token: string | undefined, settingName: string): (request: Request) => void {
  const expected = token === undefined ? undefined : digest(token);
  return (request) => {
    if (expected === undefined) throw new FeatureDisabledError(`Bearer access to this API is disabled; set ${settingName} to enable it`);
    const match = /^Bearer\s+(.+)$/i.exec(request.get('authorization') ?? '');
    if (!match?.[1] || !timingSafeEqual(digest(match[1]), expected)) {
      throw new UnauthorizedError('A valid bearer token is required (Authorization: Bearer <token>)');
    }
  };
}

// Hashing first gives equal-length buffers, so the comparison leaks nothing about length.
function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
