import type { RequestHandler } from 'express';
import { requestIdOf } from '../../bot/http/request-context.js';

export type OriginDecision =
  /** `corsOrigin` is set when the page is on another, allowed origin and needs CORS headers. */
  | { allowed: true; corsOrigin?: string }
  | { allowed: false };

/**
 * Pure: may a browser page on `origin` talk to the web-chat API served at
 * `host`? No `Origin` header means no cross-site browser request (curl, a
 * server, a same-origin GET), which the conversation token still guards.
 * Same origin is judged by host alone because behind a TLS-terminating proxy
 * the app cannot see the scheme the browser used.
 */
export function decideOrigin(origin: string | undefined, host: string | undefined, allowedOrigins: ReadonlySet<string>): OriginDecision {
  if (origin === undefined) return { allowed: true };
  if (allowedOrigins.has(origin)) return { allowed: true, corsOrigin: origin };
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return { allowed: false };
  }
  return host !== undefined && originHost !== '' && originHost === host ? { allowed: true } : { allowed: false };
}

/** Checks that every entry is a bare origin such as `https://www.lumenbank.example`, and normalises it. */
export function normaliseAllowedOrigins(allowedOrigins: readonly string[]): ReadonlySet<string> {
  return new Set(
    allowedOrigins.map((entry) => {
      let origin: string;
      try {
        origin = new URL(entry).origin;
      } catch {
        origin = 'null';
      }
      if (origin === 'null' || origin !== entry.replace(/\/$/, '')) {
        throw new TypeError(`Web-chat allowed origin ${JSON.stringify(entry)} must be scheme://host[:port], without a path`);
      }
      return origin;
    }),
  );
}

const allowedHeaders = 'Authorization, Content-Type, Last-Event-ID, X-Request-Id';

/**
 * Answers CORS preflights and adds CORS headers for allowed origins; refuses
 * every request from any other page with 403 before it reaches a route.
 */
export function webChatOriginPolicy(allowedOrigins: ReadonlySet<string>): RequestHandler {
  return (request, response, next) => {
    response.vary('Origin');
    const decision = decideOrigin(request.get('origin'), request.get('host'), allowedOrigins);
    if (!decision.allowed) {
      response.status(403).json({
        error: { code: 'origin_not_allowed', message: 'This page may not use the chat service', requestId: requestIdOf(response) },
      });
      return;
    }
    if (decision.corsOrigin !== undefined) {
      response.setHeader('Access-Control-Allow-Origin', decision.corsOrigin);
      response.setHeader('Access-Control-Expose-Headers', 'X-Request-Id');
    }
    if (request.method === 'OPTIONS') {
      response.setHeader('Access-Control-Allow-Methods', 'GET, POST');
      response.setHeader('Access-Control-Allow-Headers', allowedHeaders);
      response.setHeader('Access-Control-Max-Age', '600');
      response.status(204).end();
      return;
    }
    next();
  };
}
