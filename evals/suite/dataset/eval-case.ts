import { z } from 'zod';
import { reasonCodes } from './reason-codes.js';

/** One line of an evaluation dataset: a conversation to hold on every channel and what its last reply must be. */
export const evalCaseSchema = z
  .object({
    id: z.string().min(1),
    locale: z.enum(['en', 'nl']),
    /** The customer's messages, in order, on one conversation; the last reply is judged. */
    turns: z.array(z.object({ role: z.literal('customer'), text: z.string().min(1) }).strict()).min(1),
    expect: z
      .object({
        decision: z.enum(['answer', 'handoff', 'clarify']),
        /** Articles that answer the question; any of them counts as a correct citation. */
        articles: z.array(z.string().min(1)).min(1).optional(),
        /** Strings the delivered text must contain (case-insensitive). */
        facts: z.array(z.string().min(1)).min(1).optional(),
        /** A reason code the recorded decision must carry. */
        reason: z.enum(reasonCodes).optional(),
      })
      .strict(),
    /** Cases sharing a group are paraphrases of one question: they should get the same decision and citations. */
    group: z.string().min(1).optional(),
    tags: z.array(z.string().min(1)).optional(),
  })
  .strict();

export type EvalCase = z.infer<typeof evalCaseSchema>;
export type ExpectedDecision = EvalCase['expect']['decision'];
