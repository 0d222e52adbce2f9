import fc from 'fast-check';
import { describe, it } from 'vitest';
import { fuzzTargets } from './fuzz-targets.js';

/** A few hundred inputs per parser with a fixed seed: the CI guard. `npm run fuzz` runs 100,000. */
const runs = 300;
const seed = 20260601;

describe('fuzz targets (300 generated inputs each, fixed seed)', () => {
  it.each(fuzzTargets.map((target) => [target.name, target] as const))('%s returns or throws only its documented error', async (_name, target) => {
    await target.warmUp?.();
    await fc.assert(
      fc.asyncProperty(target.arbitrary, async (input) => {
        await target.check(input);
      }),
      { numRuns: Math.max(10, Math.round(runs * (target.runsFraction ?? 1))), seed },
    );
  });
});
