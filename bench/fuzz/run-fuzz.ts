import { fork } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { ChildMessage } from './fuzz-child.js';
import { fuzzTargets } from './fuzz-targets.js';
import type { TargetResult } from './run-target.js';
import { defaultSeed, targetSeed as seedOf } from './target-seed.js';

// `npm run fuzz [-- --runs N] [-- --only name[,name]] [-- --seed S] [-- --jobs J] [-- --hang-ms M] [-- --out path]`:
// property-based fuzzing of every parser of untrusted input, N generated inputs each
// (default 100,000; PDF a tenth of N), one child process per parser, J at a time (default: one per core).
// A crash is an undocumented exception, an uncaught exception or unhandled rejection, or an input
// that takes more than M ms of CPU time (default 1,000). Prints inputs, crashes, duration and rate
// per parser; writes bench/results/fuzz.json (with --only, only when --out is given, so a partial
// run never replaces the full results). Replay one reported input with replay-fuzz-input.ts.

const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '100000' },
    only: { type: 'string', multiple: true },
    seed: { type: 'string', default: String(defaultSeed) },
    jobs: { type: 'string' },
    out: { type: 'string' },
    'hang-ms': { type: 'string', default: '1000' },
  },
});
const runs = positiveInteger('--runs', options.runs);
const seed = positiveInteger('--seed', options.seed);
const hangMs = positiveInteger('--hang-ms', options['hang-ms']);
const jobs = options.jobs === undefined ? availableParallelism() : positiveInteger('--jobs', options.jobs);
const only = options.only?.flatMap((names) => names.split(',')).map((name) => name.trim());
const unknown = only?.filter((name) => !fuzzTargets.some((target) => target.name === name)) ?? [];
if (unknown.length > 0) {
  fail(`unknown target(s) ${unknown.join(', ')}; targets: ${fuzzTargets.map((target) => target.name).join(', ')}`);
}
const selected = fuzzTargets.filter((target) => only === undefined || only.includes(target.name));
const outPath = options.out ?? (only === undefined ? fileURLToPath(new URL('../results/fuzz.json', import.meta.url)) : undefined);
/** A child that reports no progress for this long is stuck in one input and is killed. */
const stallMs = Math.max(60_000, hangMs * 30);

const started = performance.now();
const results = await runPool(
  selected.map((target) => target.name),
  jobs,
);
const durationSeconds = (performance.now() - started) / 1_000;
printTable(results, durationSeconds);

if (outPath !== undefined) {
  const command = ['npm run fuzz', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' ');
  const report = {
    command,
    measuredAt: new Date().toISOString(),
    machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: availableParallelism(), node: process.version, platform: process.platform },
    runsPerTarget: runs,
    seed,
    hangMs,
    targets: results.length,
    totalInputs: results.reduce((sum, result) => sum + result.inputs, 0),
    totalCrashes: results.reduce((sum, result) => sum + result.crashes, 0),
    durationSeconds: Math.round(durationSeconds),
    cpuSeconds: Math.round(results.reduce((sum, result) => sum + result.cpuMs, 0) / 1_000),
    /** 1-minute load average per core when the run ended: above 1, other work shared the cores and wall times are longer. */
    loadPerCore: Math.round((loadavg()[0] ?? 0) / availableParallelism() * 100) / 100,
    results,
  };
  await mkdir(dirname(outPath), { recursive: true });
  await writeFile(outPath, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`results written to ${outPath}\n`);
}
process.exitCode = results.some((result) => result.crashes > 0) ? 1 : 0;

async function runPool(names: readonly string[], width: number): Promise<TargetResult[]> {
  const queue = [...names];
  const finished = new Map<string, TargetResult>();
  const worker = async () => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      const result = await runChild(name);
      finished.set(name, result);
      process.stdout.write(`${summaryLine(result)}\n`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, names.length) }, worker));
  return names.flatMap((name) => finished.get(name) ?? []);
}

/** Runs one target in its own process; a child that dies or stalls counts as a crash of that target. */
function runChild(name: string): Promise<TargetResult> {
  const target = fuzzTargets.find((candidate) => candidate.name === name);
  const targetSeed = seedOf(seed, name);
  const targetRuns = Math.max(1, Math.round(runs * (target?.runsFraction ?? 1)));
  const child = fork(fileURLToPath(new URL('./fuzz-child.ts', import.meta.url)), [name, String(targetRuns), String(targetSeed), String(hangMs)], {
    silent: true,
  });
  const output: string[] = [];
  const keepOutput = (chunk: Buffer) => {
    output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    output.splice(0, Math.max(0, output.length - 20));
  };
  child.stdout?.on('data', keepOutput);
  child.stderr?.on('data', keepOutput);
  const childStarted = performance.now();
  let inputs = 0;
  let result: TargetResult | undefined;
  let stalled = false;
  let lastHeard = performance.now();
  const watchdog = setInterval(() => {
    if (performance.now() - lastHeard < stallMs) return;
    stalled = true;
    child.kill('SIGKILL');
  }, 1_000);
  child.on('message', (message: ChildMessage) => {
    lastHeard = performance.now();
    if (message.type === 'progress') inputs = message.inputs;
    else result = message.result;
  });
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      clearInterval(watchdog);
      if (result !== undefined) {
        resolve(result);
        return;
      }
      const durationMs = performance.now() - childStarted;
      const error = stalled ? `no progress for ${stallMs / 1_000} s: one input never returned` : `the process exited (${signal ?? `code ${code}`})`;
      resolve({
        name,
        parser: target?.parser ?? '',
        contract: target?.contract ?? '',
        seed: targetSeed,
        inputs,
        crashes: 1,
        durationMs: Math.round(durationMs),
        cpuMs: 0,
        inputsPerSecond: Math.round(inputs / (durationMs / 1_000)),
        inputsPerCpuSecond: 0,
        slowestInputMs: Math.round(durationMs),
        examples: [{ kind: stalled ? 'hang' : 'uncaught', runIndex: inputs, error, stack: output.join('\n'), input: '(not recorded: the process stopped)' }],
      });
    });
  });
}

function summaryLine(result: TargetResult): string {
  const first = result.examples[0];
  const detail = first === undefined ? '' : `  first: ${first.kind} ${first.error}`;
  return `${result.name}: ${result.inputs} inputs, ${result.crashes} crashes, ${(result.durationMs / 1_000).toFixed(1)} s${detail}`;
}

function printTable(rows: readonly TargetResult[], totalSeconds: number): void {
  const header = ['parser', 'inputs', 'crashes', 'duration', 'inputs/s', 'CPU', 'inputs/CPU s', 'slowest (CPU)'];
  const lines = rows.map((row) => [
    row.name,
    row.inputs.toLocaleString('en-US'),
    String(row.crashes),
    `${(row.durationMs / 1_000).toFixed(1)} s`,
    Math.round(row.inputsPerSecond).toLocaleString('en-US'),
    `${(row.cpuMs / 1_000).toFixed(1)} s`,
    Math.round(row.inputsPerCpuSecond).toLocaleString('en-US'),
    `${row.slowestInputMs.toFixed(0)} ms`,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]?.length ?? 0)));
  const format = (cells: readonly string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ');
  const total = rows.reduce((sum, row) => sum + row.inputs, 0);
  const crashes = rows.reduce((sum, row) => sum + row.crashes, 0);
  const cpuSeconds = rows.reduce((sum, row) => sum + row.cpuMs, 0) / 1_000;
  process.stdout.write(
    `\n${[format(header), ...lines.map(format)].join('\n')}\n\n${rows.length} parsers, ${total.toLocaleString('en-US')} inputs, ${crashes} crashes in ${totalSeconds.toFixed(0)} s (${cpuSeconds.toFixed(0)} CPU seconds)\n`,
  );
}

function positiveInteger(flag: string, value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) fail(`${flag} must be a positive whole number, not ${value}`);
  return number;
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}
