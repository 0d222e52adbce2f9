import type { z } from 'zod';
import { DatasetFormatError, type DatasetLineProblem } from './dataset-format-error.js';

/**
 * Parses JSON Lines against a schema. Blank lines are allowed; every bad line
 * and every repeated id is collected, then thrown at once as a
 * {@link DatasetFormatError} listing them as file:line with the reason.
 */
export function parseJsonLines<T>(text: string, path: string, schema: z.ZodType<T>, idOf?: (record: T) => string): T[] {
  const records: T[] = [];
  const problems: DatasetLineProblem[] = [];
  const lineOfId = new Map<string, number>();
  text.split('\n').forEach((rawLine, index) => {
    const line = index + 1;
    if (rawLine.trim() === '') return;
    let data: unknown;
    try {
      data = JSON.parse(rawLine);
    } catch {
      problems.push({ line, message: 'not valid JSON' });
      return;
    }
    const result = schema.safeParse(data);
    if (!result.success) {
      const reasons = result.error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message));
      problems.push({ line, message: reasons.join('; ') });
      return;
    }
    const id = idOf?.(result.data);
    if (id !== undefined) {
      const firstLine = lineOfId.get(id);
      if (firstLine !== undefined) {
        problems.push({ line, message: `duplicate id "${id}" (first on line ${firstLine})` });
        return;
      }
      lineOfId.set(id, line);
    }
    records.push(result.data);
  });
  if (problems.length > 0) throw new DatasetFormatError(path, problems);
  return records;
}
