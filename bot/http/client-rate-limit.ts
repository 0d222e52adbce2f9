import type { RequestHandler } from 'express';
import { TooManyRequestsError } from '../errors/too-many-requests-error.js';

export interface ClientRateLimitOptions {
  /** Requests a minute one address may make, and the burst it may save up; 0: no limit. */
  perMinute: number;
  /** Addresses remembered at most; the least recently seen is forgotten first (it has a full bucket again by then, or nearly). */
  maxClients?: number;
  now?: () => number;
}

interface Bucket {
  tokens: number;
  at: number;
}

const defaultMaxClients = 50_000;

/**
 * A token bucket per client address (the socket's: `trust proxy` is off, so
 * a client cannot choose its own by header): `perMinute` tokens, refilled
 * evenly over the minute. An empty bucket answers 429 with Retry-After for
 * the next token. In memory, per app process.
 */
export function clientRateLimit(options: ClientRateLimitOptions): RequestHandler {
  const { perMinute } = options;
  if (perMinute === 0) return (_request, _response, next) => next();
  const now = options.now ?? Date.now;
  const maxClients = options.maxClients ?? defaultMaxClients;
  const buckets = new Map<string, Bucket>();
  const refillPerMs = perMinute / 60_000;

  return (request, _response, next) => {
    const key = request.socket.remoteAddress ?? 'unknown';
    const at = now();
    const known = buckets.get(key);
    const bucket: Bucket = known ? { tokens: Math.min(perMinute, known.tokens + (at - known.at) * refillPerMs), at } : { tokens: perMinute, at };
    // Re-inserted, so the map's order is least recently seen first.
    buckets.delete(key);
    if (bucket.tokens < 1) {
      buckets.set(key, bucket);
      throw new TooManyRequestsError('Too many requests from this address; try again shortly', Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000)));
    }
    bucket.tokens -= 1;
    buckets.set(key, bucket);
    if (buckets.size > maxClients) buckets.delete(buckets.keys().next().value ?? key);
    next();
  };
}
