import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface Child {
  process: ChildProcess;
  pid: number;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string | null>;
  /** SIGTERM, then SIGKILL if it has not ended after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Starts `node [nodeOptions] --import tsx [--import module]... <script> [args]` in the project root
 * with exactly `environment` (nothing of the benchmark's own environment leaks
 * in), the way `npm start` runs the server.
 */
export function startTsxChild(
  script: string,
  options: { environment?: Record<string, string>; args?: string[]; nodeOptions?: string[]; imports?: string[] } = {},
): Child {
  let stdout = '';
  let stderr = '';
  // Modules to preload come after tsx, which lets them be TypeScript.
  const imports = (options.imports ?? []).flatMap((module) => ['--import', module]);
  const child = spawn(process.execPath, [...(options.nodeOptions ?? []), '--import', 'tsx', ...imports, script, ...(options.args ?? [])], {
    cwd: projectRoot,
    env: options.environment ?? {},
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  if (child.pid === undefined) throw new Error(`could not start ${script}`);
  const pid = child.pid;
  return {
    process: child,
    pid,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    async stop(graceMs = 15_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Resolves once `url` answers 200; rejects if the child exits first or `timeoutMs` passes. */
export async function waitUntilReady(child: Child, url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  let exited = false;
  void child.exited.then(() => {
    exited = true;
  });
  while (performance.now() < deadline) {
    if (exited) throw new Error(`${url}: the process exited before it was ready:\n${child.stderr().slice(-4000)}`);
    const status = await fetch(url).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url}: not ready after ${timeoutMs} ms:\n${child.stderr().slice(-4000)}`);
}

/** Resolves with the first stdout line matching `pattern` (its first capture group). */
export async function waitForStdout(child: Child, pattern: RegExp, timeoutMs = 60_000): Promise<string> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    const match = pattern.exec(child.stdout());
    if (match) return match[1] ?? match[0];
    if (child.process.exitCode !== null) throw new Error(`the process exited before printing ${pattern}:\n${child.stderr().slice(-4000)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`nothing matching ${pattern} on stdout after ${timeoutMs} ms`);
}
