import type { Request, Response } from 'express';

export const sessionCookieName = 'console_session';

/** The session token the browser sent, if any (the first `console_session` cookie). */
export function readSessionCookie(request: Request): string | undefined {
  return cookieValue(request.get('cookie'), sessionCookieName);
}

/** One cookie's value from a `Cookie` header; undefined when absent or not percent-decodable. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const pair of (header ?? '').split(';')) {
    const separator = pair.indexOf('=');
    if (separator < 0 || pair.slice(0, separator).trim() !== name) continue;
    try {
      return decodeURIComponent(pair.slice(separator + 1).trim().replace(/^"(.*)"$/, '$1'));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it),
 * Path=/, Secure whenever the console is reached over HTTPS.
 */
export function setSessionCookie(response: Response, token: string, options: { secure: boolean; maxAgeMs: number }): void {
  response.cookie(sessionCookieName, token, { httpOnly: true, sameSite: 'strict', path: '/', secure: options.secure, maxAge: options.maxAgeMs });
}

export function clearSessionCookie(response: Response, options: { secure: boolean }): void {
  response.clearCookie(sessionCookieName, { httpOnly: true, sameSite: 'strict', path: '/', secure: options.secure });
}
