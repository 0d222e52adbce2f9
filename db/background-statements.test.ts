import { describe, expect, it } from 'vitest';
import { foregroundQuiet, foregroundRequests, holdForeground, isBackgroundWork, runInBackground } from './background-statements.js';

describe('background statements and foreground requests', () => {
  it('knows background work by its async context', async () => {
    expect(isBackgroundWork()).toBe(false);
    expect(await runInBackground(async () => isBackgroundWork())).toBe(true);
  });

  it('counts held requests, and a release counts once however often it is called', () => {
    const first = holdForeground();
    const second = holdForeground();
    expect(foregroundRequests()).toBe(2);
    first();
    first();
    expect(foregroundRequests()).toBe(1);
    second();
    expect(foregroundRequests()).toBe(0);
  });

  it('is quiet at once with no request held, and when the last held one is released', async () => {
    await foregroundQuiet(60_000);
    const release = holdForeground();
    let quiet = false;
    const waiting = foregroundQuiet(60_000).then(() => {
      quiet = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(quiet).toBe(false);
    release();
    await waiting;
    expect(quiet).toBe(true);
  });

  it('stops waiting after the longest wait even while a request is held', async () => {
    const release = holdForeground();
    try {
      await foregroundQuiet(5);
      expect(foregroundRequests()).toBe(1);
    } finally {
      release();
    }
  });
});
