import { type Request, type Response, Router } from 'express';
import { z } from 'zod';
import { ForbiddenError } from '../bot/errors/forbidden-error.js';
import { UnauthorizedError } from '../bot/errors/unauthorized-error.js';
import { parseBody } from '../bot/http/parse-body.js';
import type { Db } from '../db/db.js';
import { spendOneVerification, verifyPassword } from './password-hash.js';
import { staffSessionOf } from './principal.js';
import { isSameOriginRequest } from './same-origin.js';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from './session-cookie.js';
import type { SignInThrottle } from './sign-in-throttle.js';
import { auditActorOf, recordStaffAudit } from './staff-audit.js';
import { sessionLifetime, type ActiveSession, type StaffSessionStore } from './staff-session-store.js';
import type { SignedInStaff, StaffUser } from './staff-user.js';
import type { StaffUserStore } from './staff-user-store.js';

export interface ConsoleSessionRoutesDependencies {
  db: Db;
  users: StaffUserStore;
  sessions: StaffSessionStore;
  throttle: SignInThrottle;
  publicBaseUrl: string;
}

const signInSchema = z.object({ username: z.string().trim().toLowerCase().min(1).max(320), password: z.string().min(1).max(256) }).strict();
const badCredentials = 'Unknown username or wrong password';

/**
 * Signing in and out of the expert console:
 * `POST /api/console/session` `{username, password}` starts a new session
 * (cookie `console_session`) and returns the person and the CSRF token;
 * `GET` returns the same for the session in use; `DELETE` signs out.
 */
export function createConsoleSessionRoutes(dependencies: ConsoleSessionRoutesDependencies): Router {
  const router = Router();
  const secure = (request: Request) => request.secure || dependencies.publicBaseUrl.startsWith('https:');

  router.post('/api/console/session', async (request, response) => {
    // Signing someone in from another site's page (login CSRF) is refused like any other cross-site change.
    if (!isSameOriginRequest(request, dependencies.publicBaseUrl)) {
      throw new ForbiddenError('cross_site_request', 'Sign in from the console itself');
    }
    const { username, password } = parseBody(signInSchema, request.body);
    const attempt = dependencies.throttle.begin(username, request.ip ?? 'unknown');
    const found = await dependencies.users.findForSignIn(username);
    if (!found) await spendOneVerification(password);
    const valid = found !== undefined && (await verifyPassword(password, found.passwordHash));
    if (!found || !valid || found.user.disabled) {
      await recordStaffAudit(dependencies.db, {
        actor: { type: 'expert', id: null },
        action: 'console.sign_in_failed',
        subjectId: username,
        details: { reason: !found ? 'unknown_username' : !valid ? 'wrong_password' : 'account_disabled' },
      });
      throw new UnauthorizedError(badCredentials);
    }
    attempt.succeeded();
    // A session id the browser brought along is never promoted: it ends, and a new one starts.
    const presented = readSessionCookie(request);
    if (presented !== undefined) await dependencies.sessions.end(presented);
    const started = await dependencies.sessions.start(found.user.id);
    setSessionCookie(response, started.token, { secure: secure(request), maxAgeMs: sessionLifetime.absoluteMs });
    await recordStaffAudit(dependencies.db, { actor: auditActorOf(found.user), action: 'console.signed_in', subjectId: found.user.id });
    response.json({ user: signedIn(found.user), csrfToken: started.csrfToken });
  });

  router.get('/api/console/session', (request, response) => {
    const session = requireSession(request, response, secure(request));
    response.json({ user: session.user, csrfToken: session.csrfToken });
  });

  router.delete('/api/console/session', async (request, response) => {
    const session = requireSession(request, response, secure(request));
    await dependencies.sessions.end(readSessionCookie(request) ?? '');
    clearSessionCookie(response, { secure: secure(request) });
    await recordStaffAudit(dependencies.db, { actor: auditActorOf(session.user), action: 'console.signed_out', subjectId: session.user.id });
    response.status(204).end();
  });

  return router;
}

/** The session in use; without one, a stale cookie is cleared and the answer is 401. */
function requireSession(request: Request, response: Response, secure: boolean): ActiveSession {
  const session = staffSessionOf(response);
  if (session) return session;
  if (readSessionCookie(request) !== undefined) clearSessionCookie(response, { secure });
  throw new UnauthorizedError('Not signed in');
}

function signedIn(user: StaffUser): SignedInStaff {
  return { id: user.id, username: user.username, displayName: user.displayName, roles: user.roles, skills: user.skills };
}
