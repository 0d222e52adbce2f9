import { appendFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inject } from 'vitest';
import { detectPii } from '../guardrails/input/pii/detect-pii.js';

/**
 * Every log line an app writes during the test run is kept (one file per
 * worker process), with the secrets the tests configured, so that the run can
 * prove at its end that no log line holds personal data or a secret.
 */
function directory(): string | undefined {
  try {
    return inject('suiteLogDirectory');
  } catch {
    // Outside a vitest worker (benchmarks, scripts): nothing to audit.
    return undefined;
  }
}

export function recordSuiteLog(text: string): void {
  const target = directory();
  if (target && text.trim() !== '') appendFileSync(join(target, `${process.pid}.log`), text.endsWith('\n') ? text : `${text}\n`);
}

/** Values that must never be logged: tokens, passwords, keys the tests configured. */
export function recordSuiteSecrets(values: readonly string[]): void {
  const target = directory();
  const secrets = values.filter((value) => value.length >= 8);
  if (target && secrets.length > 0) appendFileSync(join(target, `${process.pid}.secrets`), `${secrets.map((value) => JSON.stringify(value)).join('\n')}\n`);
}

export interface LogFinding {
  file: string;
  kind: string;
  /** The offending value, masked but for its first and last two characters. */
  masked: string;
}

/** Reads what the run recorded and lists every secret or piece of personal data found in a log line. */
export async function auditSuiteLogs(logDirectory: string): Promise<{ lines: number; findings: LogFinding[] }> {
  const files = await readdir(logDirectory);
  const secrets = new Set<string>();
  for (const file of files.filter((name) => name.endsWith('.secrets'))) {
    for (const line of (await readFile(join(logDirectory, file), 'utf8')).split('\n')) if (line !== '') secrets.add(JSON.parse(line) as string);
  }
  const findings: LogFinding[] = [];
  let lines = 0;
  for (const file of files.filter((name) => name.endsWith('.log'))) {
    for (const line of (await readFile(join(logDirectory, file), 'utf8')).split('\n')) {
      if (line === '') continue;
      lines += 1;
      for (const secret of secrets) if (line.includes(secret)) findings.push({ file, kind: 'secret', masked: mask(secret) });
      for (const match of detectPii(line)) findings.push({ file, kind: match.kind, masked: mask(line.slice(match.start, match.end)) });
    }
  }
  return { lines, findings };
}

function mask(value: string): string {
  return value.length <= 4 ? '*'.repeat(value.length) : `${value.slice(0, 2)}${'*'.repeat(value.length - 4)}${value.slice(-2)}`;
}
