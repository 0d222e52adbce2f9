import { createStaffUserStore, type StaffRole, type StaffUser } from '../console/index.js';
import type { Db } from '../db/db.js';
import { recordSuiteSecrets } from './suite-log-audit.js';

/** Puts a staff account in place directly (recorded in the audit log as made by `system:test`). */
export async function createStaffUser(
  db: Db,
  user: { username: string; password: string; roles: StaffRole[]; skills?: string[]; displayName?: string },
): Promise<StaffUser> {
  recordSuiteSecrets([user.password]);
  return createStaffUserStore(db).create(
    { username: user.username, displayName: user.displayName ?? user.username, password: user.password, roles: user.roles, skills: user.skills ?? [] },
    { type: 'system', id: 'system:test' },
  );
}

export interface ConsoleSession {
  /** The `Cookie` header value that carries the session. */
  cookie: string;
  csrfToken: string;
  /**
   * `fetch` as the signed-in browser would: the session cookie on every request,
   * the CSRF token on every change, and JSON content type when there is a body.
   */
  fetch(path: string, init?: RequestInit): Promise<Response>;
}

/** Signs in through the API, as the console does; throws unless the sign-in succeeds. */
export async function signIn(baseUrl: string, username: string, password: string): Promise<ConsoleSession> {
  const response = await fetch(`${baseUrl}/api/console/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in as ${username} answered ${response.status}: ${await response.text()}`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = sessionCookieFrom(response);
  recordSuiteSecrets([csrfToken, cookie.replace(/^[^=]*=/, '')]);
  return {
    cookie,
    csrfToken,
    fetch(path, init = {}) {
      const method = (init.method ?? 'GET').toUpperCase();
      const headers = new Headers(init.headers);
      headers.set('cookie', cookie);
      if (method !== 'GET' && method !== 'HEAD' && !headers.has('x-csrf-token')) headers.set('x-csrf-token', csrfToken);
      if (init.body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
      return fetch(`${baseUrl}${path}`, { ...init, headers });
    },
  };
}

/** `console_session=<token>` from a response's Set-Cookie header. */
export function sessionCookieFrom(response: Response): string {
  const setCookie = response.headers.getSetCookie().find((header) => header.startsWith('console_session='));
  if (!setCookie) throw new Error('the response set no console_session cookie');
  return setCookie.split(';')[0] ?? '';
}
