import { describe, expect, it } from 'vitest';
import { TooManyRequestsError } from '../bot/errors/too-many-requests-error.js';
import { createSignInThrottle } from './sign-in-throttle.js';

const minute = 60_000;

function throttleAt(start = 0) {
  const clock = { at: start };
  const throttle = createSignInThrottle({ now: () => clock.at });
  return { clock, throttle };
}

function fail(throttle: ReturnType<typeof createSignInThrottle>, username: string, address: string, times: number) {
  for (let attempt = 0; attempt < times; attempt += 1) throttle.begin(username, address);
}

describe('sign-in throttle', () => {
  it('locks a username for 15 minutes after 5 failures, from any address', () => {
    const { clock, throttle } = throttleAt();
    for (let attempt = 0; attempt < 5; attempt += 1) throttle.begin('anna', `10.0.0.${attempt}`);
    let error: unknown;
    try {
      throttle.begin('anna', '10.0.0.99');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TooManyRequestsError);
    expect((error as TooManyRequestsError).retryAfterSeconds).toBe(15 * 60);
    expect(() => throttle.begin('bo', '10.0.0.99')).not.toThrow();
    clock.at += 15 * minute;
    expect(() => throttle.begin('anna', '10.0.0.99')).not.toThrow();
  });

  it('locks an address after 20 failures, whichever usernames it tries', () => {
    const { throttle } = throttleAt();
    for (let attempt = 0; attempt < 20; attempt += 1) throttle.begin(`user${attempt}`, '10.0.0.1');
    expect(() => throttle.begin('someone-new', '10.0.0.1')).toThrow(TooManyRequestsError);
    expect(() => throttle.begin('someone-new', '10.0.0.2')).not.toThrow();
  });

  it('forgets a username failures once it signs in, and takes the attempt back from its address', () => {
    const { throttle } = throttleAt();
    fail(throttle, 'anna', '10.0.0.1', 4);
    throttle.begin('anna', '10.0.0.1').succeeded();
    fail(throttle, 'anna', '10.0.0.1', 4);
    expect(() => throttle.begin('anna', '10.0.0.1')).not.toThrow();
  });

  it('counts failures within a 15-minute window only', () => {
    const { clock, throttle } = throttleAt();
    fail(throttle, 'anna', '10.0.0.1', 4);
    clock.at += 16 * minute;
    fail(throttle, 'anna', '10.0.0.1', 4);
    expect(() => throttle.begin('anna', '10.0.0.1')).not.toThrow();
  });

  it('counts an attempt before it is checked, so parallel guesses cannot exceed the limit', () => {
    const { throttle } = throttleAt();
    const started = [];
    for (let attempt = 0; attempt < 5; attempt += 1) started.push(throttle.begin('anna', '10.0.0.1'));
    expect(() => throttle.begin('anna', '10.0.0.1')).toThrow(TooManyRequestsError);
    expect(started).toHaveLength(5);
  });
});
