import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseJsonLines } from '../parse-json-lines.js';
import { piiKinds } from '../../guardrails/input/pii/pii-match.js';

const validEntrySchema = z
  .object({
    kind: z.enum(piiKinds),
    text: z.string().min(1),
    valid: z.literal(true),
    /** The personal data in `text`, exactly as written there; it must be redacted whole. */
    value: z.string().min(1),
    note: z.string().min(1).optional(),
  })
  .strict()
  .refine((entry) => entry.text.split(entry.value).length === 2, { message: 'must occur exactly once in text', path: ['value'] });

const nearMissEntrySchema = z
  .object({
    kind: z.enum(piiKinds),
    text: z.string().min(1),
    valid: z.literal(false),
    /** Why this looks like, but is not, personal data of `kind`. */
    note: z.string().min(1).optional(),
  })
  .strict();

export const piiCorpusEntrySchema = z.discriminatedUnion('valid', [validEntrySchema, nearMissEntrySchema]);

export type PiiCorpusEntry = z.infer<typeof piiCorpusEntrySchema>;

export const defaultPiiCorpusPath = fileURLToPath(new URL('./pii-corpus.jsonl', import.meta.url));

/** Parses JSONL corpus text; a bad line is reported as file:line with the reason. */
export function parsePiiCorpus(content: string, path: string): PiiCorpusEntry[] {
  return parseJsonLines(content, path, piiCorpusEntrySchema);
}

export async function readPiiCorpus(path = defaultPiiCorpusPath): Promise<PiiCorpusEntry[]> {
  return parsePiiCorpus(await readFile(path, 'utf8'), path);
}
