import { readFileSync } from 'node:fs';
import { z } from 'zod';

const labelledQuestionSchema = z.object({ need: z.string().min(1), locale: z.enum(['en', 'nl']), question: z.string().min(1) }).strict();
export type LabelledGapQuestion = z.infer<typeof labelledQuestionSchema>;

const defaultPath = new URL('./__fixtures__/knowledge-gap-questions.jsonl', import.meta.url);

/** The labelled knowledge-gap questions: each customer need written several ways, none of them covered by the sample knowledge base. */
export function readGapQuestionSet(path: URL | string = defaultPath): LabelledGapQuestion[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const parsed = labelledQuestionSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`line ${index + 1} of ${String(path)}: ${parsed.error.message}`);
      return parsed.data;
    });
}
