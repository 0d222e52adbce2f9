import type { Response } from 'express';
import type { ActiveSession } from './staff-session-store.js';

/**
 * Who is calling an operations API: a company's own agent desk with a shared
 * bearer token (no person named; the body names them), or a person signed in
 * to the console (their session names them).
 */
export type Principal = { kind: 'bearer' } | { kind: 'staff'; session: ActiveSession };

/** The caller the access middleware established for this request, if any. */
export function principalOf(response: Response): Principal | undefined {
  return response.locals.principal as Principal | undefined;
}

export function setPrincipal(response: Response, principal: Principal): void {
  response.locals.principal = principal;
}

/** The signed-in person's session, or undefined for bearer and anonymous callers. */
export function staffSessionOf(response: Response): ActiveSession | undefined {
  const principal = principalOf(response);
  return principal?.kind === 'staff' ? principal.session : undefined;
}

/** The session of a signed-in person without the admin role: their access to cases and customers is limited to their own. */
export function restrictedStaffSession(response: Response): ActiveSession | undefined {
  const session = staffSessionOf(response);
  return session && !session.user.roles.includes('admin') ? session : undefined;
}
