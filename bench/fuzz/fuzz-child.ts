import { fuzzTargets } from './fuzz-targets.js';
import { runTarget, type TargetResult } from './run-target.js';

/** What a fuzzing child process tells the runner that forked it. */
export type ChildMessage = { type: 'progress'; inputs: number } | { type: 'result'; result: TargetResult };

// Forked by run-fuzz.ts, one process per target: a parser that overflows the
// stack, runs out of memory or never returns takes down only its own run.
const [name = '', runs = '', seed = '', hangMs = ''] = process.argv.slice(2);
const target = fuzzTargets.find((candidate) => candidate.name === name);
if (target === undefined || process.send === undefined) throw new Error(`usage: forked by run-fuzz.ts with a target name, not ${name}`);
const send = (message: ChildMessage) => process.send?.(message);
const result = await runTarget(target, {
  runs: Number(runs),
  seed: Number(seed),
  hangMs: Number(hangMs),
  onProgress: (inputs) => send({ type: 'progress', inputs }),
});
send({ type: 'result', result });
process.disconnect();
