import { createHash } from 'node:crypto';

/** The run's seed (`--seed`) unless one is given: results can be regenerated input by input. */
export const defaultSeed = 20260601;

/** Each target's own seed, derived from the run's, so adding a target changes no other target's inputs. */
export function targetSeed(runSeed: number, name: string): number {
  return createHash('sha256').update(`${runSeed}:${name}`).digest().readUInt32BE(0) & 0x7fffffff;
}
