import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { ForbiddenError } from '../bot/errors/forbidden-error.js';
import { setPrincipal } from './principal.js';
import { isSameOriginRequest } from './same-origin.js';
import { readSessionCookie } from './session-cookie.js';
import type { StaffSessionStore } from './staff-session-store.js';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const csrfHeaderName = 'X-CSRF-Token';

/**
 * Resolves the console session cookie into the request's principal. A request
 * with an `Authorization` header is left to the bearer check (a desk client
 * carries no ambient credentials, so it needs no CSRF token). A change made
 * with the cookie must come from the console's own origin and carry the
 * session's CSRF token in `X-CSRF-Token`, or it is refused with 403 before any
 * route runs. Sign-in ignores the session the browser presents: the
 * password, not an earlier cookie, decides who signs in.
 */
export function resolveConsoleSession(dependencies: { sessions: StaffSessionStore; publicBaseUrl: string }): RequestHandler {
  return async (request, response, next) => {
    const token = readSessionCookie(request);
    if (token === undefined || request.get('authorization') !== undefined || isSignIn(request)) {
      next();
      return;
    }
    const session = await dependencies.sessions.resolve(token);
    if (!session) {
      next();
      return;
    }
    if (unsafeMethods.has(request.method)) {
      if (!isSameOriginRequest(request, dependencies.publicBaseUrl)) {
        throw new ForbiddenError('cross_site_request', 'A console session may only be used from the console itself');
      }
      if (!sameSecret(request.get(csrfHeaderName), session.csrfToken)) {
        throw new ForbiddenError('csrf_token_invalid', `Send the ${csrfHeaderName} header given at sign-in with every change`);
      }
    }
    setPrincipal(response, { kind: 'staff', session });
    next();
  };
}

export function isSignIn(request: Request): boolean {
  return request.method === 'POST' && (request.originalUrl.split('?')[0] ?? '').replace(/\/+$/, '') === '/api/console/session';
}

// Hashing first gives equal-length buffers, so the comparison leaks nothing about length.
function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
