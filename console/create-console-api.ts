import { Router, type RequestHandler } from 'express';
import type { Db } from '../db/db.js';
import { createConsoleSessionRoutes } from './console-session-routes.js';
import { resolveConsoleSession } from './resolve-console-session.js';
import { createSignInThrottle, type SignInThrottle } from './sign-in-throttle.js';
import { createStaffSessionStore } from './staff-session-store.js';
import { createStaffUserRoutes } from './staff-user-routes.js';
import { createStaffUserStore } from './staff-user-store.js';

/** Every API a console session may reach; the session cookie means nothing anywhere else (web chat, webhooks). */
export const staffApiPrefixes = ['/api/console', '/api/cases', '/api/customers', '/api/outbox', '/api/kb', '/api/insight'] as const;

export interface ConsoleApi {
  /** Mount before every staff API: turns the session cookie into the request's principal, enforcing CSRF. */
  sessionResolver: Router;
  /** Sign-in, sign-out and staff accounts under `/api/console`. */
  routes: Router;
}

/** The expert console's server side, on one database. */
export function createConsoleApi(dependencies: { db: Db; publicBaseUrl: string; now?: () => Date; throttle?: SignInThrottle }): ConsoleApi {
  const users = createStaffUserStore(dependencies.db);
  const sessions = createStaffSessionStore(dependencies.db, dependencies.now ? { now: dependencies.now } : {});
  const sessionResolver = Router();
  sessionResolver.use([...staffApiPrefixes], resolveConsoleSession({ sessions, publicBaseUrl: dependencies.publicBaseUrl }));

  const routes = Router();
  routes.use('/api/console', consoleApiHeaders);
  routes.use(
    createConsoleSessionRoutes({
      db: dependencies.db,
      users,
      sessions,
      throttle: dependencies.throttle ?? createSignInThrottle(),
      publicBaseUrl: dependencies.publicBaseUrl,
    }),
  );
  routes.use(createStaffUserRoutes({ users }));
  return { sessionResolver, routes };
}

/** Session answers carry the CSRF token and who is signed in: never cached, never framed, never sniffed. */
const consoleApiHeaders: RequestHandler = (_request, response, next) => {
  response.setHeader('Cache-Control', 'no-store');
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('X-Frame-Options', 'DENY');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
  next();
};
