import type { RequestHandler } from 'express';
import { ForbiddenError } from '../bot/errors/forbidden-error.js';
import { UnauthorizedError } from '../bot/errors/unauthorized-error.js';
import { createBearerTokenCheck } from '../bot/http/bearer-token-check.js';
import { principalOf, setPrincipal } from './principal.js';
import type { StaffRole } from './staff-role.js';

export interface AccessRule {
  /** Staff roles that may use the API with a console session. */
  roles: readonly StaffRole[];
  /** The shared token a company's own desk may use instead (no person signed in); omitted: sessions only. */
  bearer?: { token: string | undefined; setting: string };
}

/**
 * Guards an API: a request with an `Authorization` header is checked against
 * the shared bearer token; otherwise it needs a console session (resolved
 * earlier by `resolveConsoleSession`) whose person holds one of the roles.
 * Anonymous: 401. Signed in without the role: 403.
 */
export function requireAccess(rule: AccessRule): RequestHandler {
  const checkBearer = rule.bearer ? createBearerTokenCheck(rule.bearer.token, rule.bearer.setting) : undefined;
  return (request, response, next) => {
    if (request.get('authorization') !== undefined) {
      if (!checkBearer) throw new UnauthorizedError('This API takes a console session (sign in at /console), not a bearer token');
      checkBearer(request);
      setPrincipal(response, { kind: 'bearer' });
      next();
      return;
    }
    const principal = principalOf(response);
    if (principal?.kind !== 'staff') {
      throw new UnauthorizedError(
        rule.bearer ? 'Sign in to the console, or send Authorization: Bearer <token>' : 'Sign in to the console first (POST /api/console/session)',
      );
    }
    if (!principal.session.user.roles.some((role) => rule.roles.includes(role))) {
      throw new ForbiddenError('role_not_allowed', `This needs the ${rule.roles.join(' or ')} role`);
    }
    next();
  };
}
