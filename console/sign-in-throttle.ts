import { TooManyRequestsError } from '../bot/errors/too-many-requests-error.js';

export interface SignInThrottleOptions {
  /** Attempts per username within `windowMs` before that username is locked (default 5). */
  maxPerUsername?: number;
  /**
   * Attempts per client address before it is locked (default 20): higher than per
   * username because a whole office may sign in through one NAT address.
   */
  maxPerAddress?: number;
  /** How long failures are counted, and how long a lock lasts (default 15 minutes). */
  windowMs?: number;
  now?: () => number;
}

/** One sign-in attempt in progress: tell the throttle when it succeeded. */
export interface SignInAttempt {
  succeeded(): void;
}

type Counter = { count: number; windowStart: number; lockedUntil: number };

// Past this many tracked keys, expired ones are swept so memory stays bounded.
const sweepAbove = 10_000;

/**
 * Limits password guessing per username and per client address. Each attempt
 * counts before the password is checked (so parallel guesses cannot slip through
 * while scrypt runs) and is taken back when it succeeds.
 *
 * The counters live in this process's memory: they reset on restart and are
 * not shared between app processes, so N processes allow N times the attempts.
 * A locked username also locks out its owner for the lock period; that is the
 * price of stopping guessing against one account from many addresses.
 */
export function createSignInThrottle(options: SignInThrottleOptions = {}) {
  const maxPerUsername = options.maxPerUsername ?? 5;
  const maxPerAddress = options.maxPerAddress ?? 20;
  const windowMs = options.windowMs ?? 15 * 60_000;
  const now = options.now ?? Date.now;
  const counters = new Map<string, Counter>();

  function current(key: string, at: number): Counter {
    const found = counters.get(key);
    if (found && (found.lockedUntil > at || at - found.windowStart < windowMs)) return found;
    const fresh = { count: 0, windowStart: at, lockedUntil: 0 };
    counters.set(key, fresh);
    return fresh;
  }

  function sweep(at: number): void {
    if (counters.size <= sweepAbove) return;
    for (const [key, counter] of counters) {
      if (counter.lockedUntil <= at && at - counter.windowStart >= windowMs) counters.delete(key);
    }
  }

  return {
    /** Counts an attempt for the username and the address, or throws `TooManyRequestsError` while either is locked. */
    begin(username: string, address: string): SignInAttempt {
      const at = now();
      sweep(at);
      const keys = [
        { key: `username:${username}`, max: maxPerUsername },
        { key: `address:${address}`, max: maxPerAddress },
      ];
      const lockedUntil = Math.max(...keys.map(({ key }) => counters.get(key)?.lockedUntil ?? 0));
      if (lockedUntil > at) {
        throw new TooManyRequestsError('Too many failed sign-ins; try again later', Math.ceil((lockedUntil - at) / 1000));
      }
      for (const { key, max } of keys) {
        const counter = current(key, at);
        counter.count += 1;
        if (counter.count >= max) counter.lockedUntil = at + windowMs;
      }
      return {
        succeeded() {
          counters.delete(`username:${username}`);
          const byAddress = counters.get(`address:${address}`);
          if (!byAddress) return;
          byAddress.count = Math.max(0, byAddress.count - 1);
          if (byAddress.count < maxPerAddress) byAddress.lockedUntil = 0;
        },
      };
    },
  };
}

export type SignInThrottle = ReturnType<typeof createSignInThrottle>;
