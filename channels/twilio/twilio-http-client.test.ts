import { describe, expect, it } from 'vitest';
import { retryAfterMs } from './twilio-http-client.js';

const now = new Date('2026-09-14T10:00:00Z');

describe('retryAfterMs', () => {
  it('reads delay-seconds', () => {
    expect(retryAfterMs('7', now)).toBe(7_000);
    expect(retryAfterMs(' 0 ', now)).toBe(0);
  });

  it('reads an HTTP date as the time left until it', () => {
    expect(retryAfterMs('Mon, 14 Sep 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Mon, 14 Sep 2026 09:59:00 GMT', now)).toBe(0);
  });

  it('ignores a missing or unreadable value', () => {
    expect(retryAfterMs(undefined, now)).toBeUndefined();
    expect(retryAfterMs('', now)).toBeUndefined();
    expect(retryAfterMs('soon', now)).toBeUndefined();
  });
});
