import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseJsonLines } from '../parse-json-lines.js';

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
/** Questions written without sight of the main set, the synonyms or the ranking code: an honest second measure. */
export const holdoutSetPath = fileURLToPath(new URL('./retrieval-holdout.jsonl', import.meta.url));

/** Reads a JSONL retrieval set; a bad line is reported as file:line with the reason. */
export async function readRetrievalSet(path = defaultRetrievalSetPath): Promise<RetrievalQuestion[]> {
  return parseJsonLines(await readFile(path, 'utf8'), path, retrievalQuestionSchema, (question) => question.id);
}
