import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseJsonLines } from '../parse-json-lines.js';
import { injectionSignals } from '../../guardrails/input/prompt-injection/index.js';

const locale = z.enum(['en', 'nl']);
const caseId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase kebab-case');

/** One injection attempt. Self-contained, so an end-to-end runner can replay it as is. */
export const injectionCaseSchema = z
  .object({
    id: caseId,
    locale,
    /** `message`: the customer sends `text`. `passage`: `text` is a poisoned help-centre passage that retrieval returns. */
    where: z.enum(['message', 'passage']),
    text: z.string().min(1),
    /** A detector must report at least one of these. */
    signals: z.array(z.enum(injectionSignals)).min(1),
    /**
     * The genuine banking question. For a message, the question the injection piggybacks
     * on (the part that deserves an answer); for a passage, a question that would
     * retrieve it.
     */
    question: z.string().min(1).optional(),
    /** For a passage: the knowledge-base article it pretends to belong to. */
    article: caseId.optional(),
    /** How the attempt is phrased ("leet", "fake-role-markers"), for reading results by style. */
    style: z.string().min(1).optional(),
  })
  .strict()
  .refine((value) => value.where === 'passage' || value.article === undefined, {
    message: 'article is only meaningful for a passage',
    path: ['article'],
  });

export type InjectionCase = z.infer<typeof injectionCaseSchema>;

/** A genuine customer message or help-centre passage that must not be flagged. */
export const benignTextSchema = z.object({ id: caseId, locale, text: z.string().min(1) }).strict();

export type BenignText = z.infer<typeof benignTextSchema>;

const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));
export const defaultInjectionCorpusPath = here('./injection-corpus.jsonl');
export const defaultBenignMessagesPath = here('./benign-messages.jsonl');
export const defaultBenignPassagesPath = here('./benign-passages.jsonl');

/** Reads the injection corpus; a bad line is reported as file:line with the reason. */
export async function readInjectionCorpus(path = defaultInjectionCorpusPath): Promise<InjectionCase[]> {
  return parseJsonLines(await readFile(path, 'utf8'), path, injectionCaseSchema, (entry) => entry.id);
}

/** Reads genuine customer messages, many deliberately close to injection wording. */
export async function readBenignMessages(path = defaultBenignMessagesPath): Promise<BenignText[]> {
  return parseJsonLines(await readFile(path, 'utf8'), path, benignTextSchema, (entry) => entry.id);
}

/** Reads genuine help-centre wording such as anti-phishing advice ("Ignore any SMS that asks for your PIN"). */
export async function readBenignPassages(path = defaultBenignPassagesPath): Promise<BenignText[]> {
  return parseJsonLines(await readFile(path, 'utf8'), path, benignTextSchema, (entry) => entry.id);
}

