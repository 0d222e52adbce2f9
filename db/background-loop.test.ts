import { afterEach, describe, expect, it, vi } from 'vitest';
import { startBackgroundLoop, type BackgroundLoop } from './background-loop.js';

describe('background loop', () => {
  let loop: BackgroundLoop | undefined;
  afterEach(async () => {
    await loop?.stop();
    loop = undefined;
  });

  it('runs a pass at start, and another right after the running one when woken during it', async () => {
    let passes = 0;
    let finishPass: () => void = () => undefined;
    loop = startBackgroundLoop({
      pass: async () => {
        passes += 1;
        if (passes === 1) await new Promise<void>((resolve) => (finishPass = resolve));
        return 0;
      },
      intervalMs: 60_000,
      failureMessage: 'pass failed',
    });
    await vi.waitFor(() => expect(passes).toBe(1));
    loop.wake();
    loop.wake();
    finishPass();
    await vi.waitFor(() => expect(passes).toBe(2));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(passes).toBe(2);
  });

  it('runs the next pass at once when woken while idle', async () => {
    let passes = 0;
    loop = startBackgroundLoop({ pass: async () => ++passes, intervalMs: 60_000, failureMessage: 'pass failed' });
    await vi.waitFor(() => expect(passes).toBe(1));
    loop.wake();
    await vi.waitFor(() => expect(passes).toBe(2));
  });
});
