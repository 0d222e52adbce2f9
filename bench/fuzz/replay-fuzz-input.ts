import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { fuzzTargets } from './fuzz-targets.js';
import { defaultSeed, targetSeed } from './target-seed.js';

// `npx tsx bench/fuzz/replay-fuzz-input.ts <target> <runIndex> [--seed S]`: generates again the input a
// fuzz run reported (its `runIndex`, with the run's `--seed`), runs the parser on it once, says how long
// it took and what it threw, and writes the whole input to a file for a regression test.

const { positionals, values } = parseArgs({ allowPositionals: true, options: { seed: { type: 'string', default: String(defaultSeed) } } });
const [name = '', index = ''] = positionals;
const target = fuzzTargets.find((candidate) => candidate.name === name);
const runIndex = Number(index);
if (target === undefined || !Number.isInteger(runIndex) || runIndex < 0) {
  process.stderr.write(`usage: replay-fuzz-input.ts <target> <runIndex> [--seed S]; targets: ${fuzzTargets.map((candidate) => candidate.name).join(', ')}\n`);
  process.exit(2);
}
// fast-check generates the same sequence for a seed whether it samples or runs a property.
const input = fc.sample(target.arbitrary, { numRuns: runIndex + 1, seed: targetSeed(Number(values.seed), name) }).at(-1);
const file = join(tmpdir(), `fuzz-${name}-${runIndex}.txt`);
await writeFile(file, fc.stringify(input));
await target.warmUp?.();
const started = performance.now();
const cpuStarted = process.cpuUsage();
const took = () => {
  const cpu = process.cpuUsage(cpuStarted);
  return `${(performance.now() - started).toFixed(0)} ms (${((cpu.user + cpu.system) / 1_000).toFixed(0)} ms of CPU time)`;
};
try {
  await target.check(input);
  process.stdout.write(`${name} #${runIndex}: no crash in ${took()}; input in ${file}\n`);
} catch (error) {
  process.stdout.write(`${name} #${runIndex}: crash after ${took()}; input in ${file}\n`);
  throw error;
}
