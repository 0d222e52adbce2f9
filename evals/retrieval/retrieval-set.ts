import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const retrievalQuestionSchema = z
  .object({
    id: z.string().min(1),
    locale: z.enum(['en', 'nl']),
    question: z.string().min(1),
    /** Articles that answer the question, best first. */
    articles: z.array(z.string().min(1)).min(1),
    group: z.string().min(1).optional(),
    style: z.string().min(1).optional(),
  })
  .strict();

export type RetrievalQuestion = z.infer<typeof retrievalQuestionSchema>;

export const defaultRetrievalSetPath = fileURLToPath(new URL('./retrieval-set.jsonl', import.meta.url));

/** Reads a JSONL retrieval set; a bad line is reported as file:line with the reason. */
export async function readRetrievalSet(path = defaultRetrievalSetPath): Promise<RetrievalQuestion[]> {
  const lines = (await readFile(path, 'utf8')).split('\n');
  const questions: RetrievalQuestion[] = [];
  const problems: string[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch {
      problems.push(`${path}:${index + 1}: not valid JSON`);
      return;
    }
    const result = retrievalQuestionSchema.safeParse(data);
    if (result.success) questions.push(result.data);
    else problems.push(`${path}:${index + 1}: ${result.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`);
  });
  if (problems.length > 0) throw new Error(`Invalid retrieval set:\n${problems.join('\n')}`);
  return questions;
}
