import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseJsonLines } from '../parse-json-lines.js';

/**
 * A plain customer question the knowledge base must NOT answer: the assistant
 * should say it cannot help with that and offer a person. Questions that touch
 * a restricted topic or ask for a person are deliberately absent; other guards
 * route those before retrieval.
 */
export const unanswerableQuestionSchema = z
  .object({
    id: z.string().regex(/^un-\d{3,}$/, 'expected an id like "un-001"'),
    locale: z.enum(['en', 'nl']),
    question: z.string().trim().min(1),
    /**
     * out_of_scope: nothing a bank help centre would answer (weather, recipes,
     * stock tips, other banks' products). not_covered: a banking or insurance
     * question that no article of the sample knowledge base answers.
     */
    kind: z.enum(['out_of_scope', 'not_covered']),
  })
  .strict();

export type UnanswerableQuestion = z.infer<typeof unanswerableQuestionSchema>;

export const defaultUnanswerableQuestionsPath = fileURLToPath(new URL('./unanswerable-questions.jsonl', import.meta.url));

/** Reads the JSONL set; throws {@link DatasetFormatError} listing every bad line as file:line with the reason. */
export async function readUnanswerableQuestions(path: string = defaultUnanswerableQuestionsPath): Promise<UnanswerableQuestion[]> {
  return parseUnanswerableQuestions(await readFile(path, 'utf8'), path);
}

/** Parses JSONL text already in memory; `path` labels the errors. Blank lines are allowed. */
export function parseUnanswerableQuestions(text: string, path: string): UnanswerableQuestion[] {
  return parseJsonLines(text, path, unanswerableQuestionSchema, (question) => question.id);
}
