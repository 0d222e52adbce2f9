import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { ValidationError } from '../../bot/errors/validation-error.js';

const entrySchema = z
  .object({
    say: z.array(z.string().trim().min(1)).min(1),
    means: z.string().trim().min(1),
  })
  .strict();

const lexiconSchema = z.record(z.enum(['en', 'nl']), z.array(entrySchema));

/** Customer phrases (lowercase, `*` suffix = prefix match) and the help-centre words they stand for, per locale. */
export type SynonymLexicon = z.infer<typeof lexiconSchema>;

export const defaultSynonymsPath = fileURLToPath(new URL('../../knowledge/synonyms.yaml', import.meta.url));

/** Reads and validates a synonyms file; a bad file is reported with its path and what is wrong. */
export async function readSynonymLexicon(path = defaultSynonymsPath): Promise<SynonymLexicon> {
  let data: unknown;
  try {
    data = parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new ValidationError(`${path}: ${(error as Error).message}`);
  }
  const result = lexiconSchema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new ValidationError(`${path}: ${problems}`);
  }
  return result.data;
}
