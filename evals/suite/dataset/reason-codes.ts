import type { ReasonCode } from '../../../bot/answer-engine/answer-outcome.js';

/** Every reason code a decision can carry, at run time (the engine declares them as a type only). */
export const reasonCodes = [
  'unclear_question',
  'ambiguous_question',
  'unsupported_language',
  'prompt_injection',
  'restricted_topic',
  'human_requested',
  'repeated_clarification',
  'no_sources',
  'not_covered',
  'low_confidence',
  'passage_injection_dropped',
  'generator_fallback',
  'no_supported_sentence',
  'uncited_sentence_dropped',
  'unsupported_sentence_dropped',
  'unsupported_figure_dropped',
  'system_prompt_leak_dropped',
  'personal_data_dropped',
] as const satisfies readonly ReasonCode[];

// A reason code added to the engine but not listed here fails type checking on this line.
type Unlisted = Exclude<ReasonCode, (typeof reasonCodes)[number]>;
export const everyReasonCodeListed: [Unlisted] extends [never] ? true : Unlisted = true;
