import fc from 'fast-check';
import type { FuzzTarget } from './fuzz-target.js';

/** One input that crashed a parser, as recorded in the results. */
export interface CrashExample {
  kind: 'exception' | 'hang' | 'uncaught';
  /** Index of the input in the run, 0-based: `--seed` and at least this many runs generate it again. */
  runIndex: number;
  error: string;
  /** The top of the stack, to find the line that failed. */
  stack?: string;
  durationMs?: number;
  /** The input as fast-check prints it, cut to 2,000 characters. */
  input: string;
}

export interface TargetResult {
  name: string;
  parser: string;
  contract: string;
  seed: number;
  inputs: number;
  crashes: number;
  /** Wall time of the run. */
  durationMs: number;
  /** CPU time of the run: what the parser costs, whatever else the machine was doing. */
  cpuMs: number;
  inputsPerSecond: number;
  inputsPerCpuSecond: number;
  /** CPU time of the most expensive input. */
  slowestInputMs: number;
  /** The first crashes, at most five. */
  examples: CrashExample[];
}

export interface RunTargetOptions {
  runs: number;
  seed: number;
  /**
   * An input that takes more CPU time than this is a crash (a hang), as is one
   * that keeps the run waiting ten times as long. CPU time, not wall time: on
   * a machine busy with other work a fast parse can take seconds of wall time.
   */
  hangMs?: number;
  /** Called at most every 250 ms with the number of inputs done. */
  onProgress?: (inputs: number) => void;
}

const maxExamples = 5;
/** An async parse still pending after this many hang budgets is given up on, so one stuck promise cannot stop the run. */
const abandonAfterHangBudgets = 10;

/**
 * Feeds `runs` generated inputs to one target and counts crashes instead of
 * stopping at the first: an exception the parser does not document, an input
 * that takes longer than `hangMs`, and an uncaught exception or unhandled
 * rejection raised while the target runs.
 */
export async function runTarget<Input>(target: FuzzTarget<Input>, options: RunTargetOptions): Promise<TargetResult> {
  const hangMs = options.hangMs ?? 1_000;
  const examples: CrashExample[] = [];
  let crashes = 0;
  let inputs = 0;
  let slowestInputMs = 0;
  let currentInput: Input | undefined;
  let lastProgress = performance.now();

  const record = (example: Omit<CrashExample, 'runIndex' | 'input'>, input: Input | undefined) => {
    crashes += 1;
    if (examples.length < maxExamples) examples.push({ ...example, runIndex: inputs - 1, input: preview(input) });
  };
  const onUncaught = (error: unknown) => record({ kind: 'uncaught', ...describeError(error) }, currentInput);
  process.on('uncaughtException', onUncaught);
  process.on('unhandledRejection', onUncaught);

  await target.warmUp?.();
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  try {
    await fc.assert(
      fc.asyncProperty(target.arbitrary, async (input) => {
        currentInput = input;
        inputs += 1;
        const before = performance.now();
        const cpuBefore = process.cpuUsage();
        try {
          const outcome = await settleWithin(target.check(input), hangMs * abandonAfterHangBudgets);
          const durationMs = performance.now() - before;
          const cpuMs = cpuMilliseconds(process.cpuUsage(cpuBefore));
          slowestInputMs = Math.max(slowestInputMs, cpuMs);
          if (outcome === 'pending') record({ kind: 'hang', error: `still pending after ${durationMs.toFixed(0)} ms`, durationMs }, input);
          else if (cpuMs > hangMs) record({ kind: 'hang', error: `took ${cpuMs.toFixed(0)} ms of CPU time`, durationMs }, input);
        } catch (error) {
          record({ kind: 'exception', ...describeError(error), durationMs: performance.now() - before }, input);
        }
        if (options.onProgress && performance.now() - lastProgress > 250) {
          lastProgress = performance.now();
          options.onProgress(inputs);
        }
        return true;
      }),
      { numRuns: options.runs, seed: options.seed },
    );
    // Let a rejection from the last input surface before the handlers go.
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off('uncaughtException', onUncaught);
    process.off('unhandledRejection', onUncaught);
  }
  const durationMs = performance.now() - started;
  const cpuMs = cpuMilliseconds(process.cpuUsage(cpuStarted));
  return {
    name: target.name,
    parser: target.parser,
    contract: target.contract,
    seed: options.seed,
    inputs,
    crashes,
    durationMs: round(durationMs),
    cpuMs: round(cpuMs),
    inputsPerSecond: round(inputs / (durationMs / 1_000)),
    inputsPerCpuSecond: round(inputs / (cpuMs / 1_000)),
    slowestInputMs: round(slowestInputMs),
    examples,
  };
}

function cpuMilliseconds(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1_000;
}

async function settleWithin(result: void | Promise<void>, limitMs: number): Promise<'settled' | 'pending'> {
  if (!(result instanceof Promise)) return 'settled';
  let timer: NodeJS.Timeout | undefined;
  const pending = new Promise<'pending'>((resolve) => {
    timer = setTimeout(() => resolve('pending'), limitMs);
  });
  try {
    return await Promise.race([result.then(() => 'settled' as const), pending]);
  } finally {
    clearTimeout(timer);
  }
}

function describeError(error: unknown): { error: string; stack?: string } {
  if (!(error instanceof Error)) return { error: `non-Error thrown: ${fc.stringify(error).slice(0, 200)}` };
  const stack = error.stack?.split('\n').slice(1, 6).map((line) => line.trim()).join('\n');
  return { error: `${error.name}: ${error.message.split('\n')[0]?.slice(0, 300)}`, ...(stack ? { stack } : {}) };
}

function preview(input: unknown): string {
  const text = fc.stringify(readable(input));
  return text.length > 2_000 ? `${text.slice(0, 2_000)}… (${text.length} characters)` : text;
}

/** Bytes shown as Latin-1 text (one character per byte, so `Buffer.from(text, 'latin1')` gives them back) rather than a list of numbers. */
function readable(value: unknown): unknown {
  if (value instanceof Uint8Array) return `<${value.length} bytes, latin1> ${Buffer.from(value).toString('latin1')}`;
  if (Array.isArray(value)) return value.map(readable);
  if (value === null || typeof value !== 'object' || value instanceof Map) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) Object.defineProperty(copy, key, { value: readable(field), enumerable: true });
  return copy;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
