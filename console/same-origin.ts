import type { Request } from 'express';

/**
 * Whether a request that carries the session cookie came from the console's
 * own pages. The `Origin` header, when present, must be this service's origin
 * (as configured in PUBLIC_BASE_URL, or as the browser addressed it: a page on
 * that host is same-origin by definition). Without `Origin`, a browser's
 * `Sec-Fetch-Site` must not say the request came from another site.
 */
export function isSameOriginRequest(request: Request, publicBaseUrl: string): boolean {
  const origin = request.get('origin');
  if (origin === undefined) {
    const site = request.get('sec-fetch-site');
    return site === undefined || site === 'same-origin' || site === 'none';
  }
  const own = [new URL(publicBaseUrl).origin, `${request.protocol}://${request.get('host') ?? ''}`.toLowerCase()];
  return own.includes(origin.toLowerCase());
}
