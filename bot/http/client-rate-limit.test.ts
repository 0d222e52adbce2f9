import type { Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { TooManyRequestsError } from '../errors/too-many-requests-error.js';
import { clientRateLimit } from './client-rate-limit.js';

function requestFrom(address: string): Request {
  return { socket: { remoteAddress: address } } as unknown as Request;
}

/** Runs the middleware once: 'next' when it let the request through, or the error it threw. */
function attempt(limit: ReturnType<typeof clientRateLimit>, address: string): 'next' | TooManyRequestsError {
  let outcome: 'next' | TooManyRequestsError = 'next';
  try {
    let passed = false;
    void limit(requestFrom(address), {} as Response, () => {
      passed = true;
    });
    if (!passed) throw new Error('the middleware neither called next nor threw');
  } catch (error) {
    if (!(error instanceof TooManyRequestsError)) throw error;
    outcome = error;
  }
  return outcome;
}

describe('clientRateLimit', () => {
  it('lets a burst of perMinute through, then answers 429 with the wait for the next token', () => {
    let now = 0;
    const limit = clientRateLimit({ perMinute: 6, now: () => now });
    for (let index = 0; index < 6; index += 1) expect(attempt(limit, '10.0.0.1')).toBe('next');
    const refused = attempt(limit, '10.0.0.1');
    expect(refused).toBeInstanceOf(TooManyRequestsError);
    expect((refused as TooManyRequestsError).retryAfterSeconds).toBe(10);
    now = 10_000;
    expect(attempt(limit, '10.0.0.1')).toBe('next');
    expect(attempt(limit, '10.0.0.1')).toBeInstanceOf(TooManyRequestsError);
  });

  it('keeps a bucket per address', () => {
    const limit = clientRateLimit({ perMinute: 1, now: () => 0 });
    expect(attempt(limit, '10.0.0.1')).toBe('next');
    expect(attempt(limit, '10.0.0.1')).toBeInstanceOf(TooManyRequestsError);
    expect(attempt(limit, '10.0.0.2')).toBe('next');
  });

  it('forgets the least recently seen address past maxClients, bounding memory', () => {
    const limit = clientRateLimit({ perMinute: 1, maxClients: 2, now: () => 0 });
    expect(attempt(limit, 'a')).toBe('next');
    expect(attempt(limit, 'b')).toBe('next');
    expect(attempt(limit, 'c')).toBe('next');
    // 'a' was forgotten, so it starts with a full bucket; 'c' is still remembered.
    expect(attempt(limit, 'a')).toBe('next');
    expect(attempt(limit, 'c')).toBeInstanceOf(TooManyRequestsError);
  });

  it('limits nothing at 0', () => {
    const limit = clientRateLimit({ perMinute: 0 });
    for (let index = 0; index < 100; index += 1) expect(attempt(limit, '10.0.0.1')).toBe('next');
  });
});
