import { z } from 'zod';

const logLineSchema = z.object({ level: z.number(), msg: z.string().optional(), err: z.object({ message: z.string().optional() }).optional() });

/**
 * Counts the app's warnings and errors (pino JSON lines at level 40 and up)
 * by message and error, so a series that failed says why in the results.
 */
export function countLoggedProblems(stdout: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      continue;
    }
    const entry = logLineSchema.safeParse(parsed);
    if (!entry.success || entry.data.level < 40) continue;
    const key = `${entry.data.level >= 50 ? 'error' : 'warn'}: ${entry.data.msg ?? ''}${entry.data.err?.message ? ` (${entry.data.err.message.slice(0, 160)})` : ''}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
