import type { GuardResult, ReasonCode } from '../../bot/answer-engine/answer-outcome.js';
import type { DraftSentence } from '../../bot/answer-engine/generator.js';
import type { Locale } from '../../retrieval/text/normalize-terms.js';
import { applyCitationGate } from './citation-gate.js';
import { checkFiguresInCitedText } from './figures-in-cited-text.js';
import { checkPersonalData } from './personal-data-check.js';
import { checkPromptLeak } from './prompt-leak-check.js';
import { checkSupport, type SupportedSentence } from './support-check.js';

export interface OutputGuardOptions {
  /** Language of the cited passages. */
  locale: Locale;
  /** Texts the generator was instructed with, which must never reach a customer. */
  promptTexts: readonly string[];
  minSupport?: number;
}

export interface OutputGuardsResult {
  kept: SupportedSentence[];
  guards: GuardResult[];
  /** One reason per guard that dropped something. */
  reasons: ReasonCode[];
}

interface SentenceFilter {
  guard: string;
  reason: ReasonCode;
  run(sentences: readonly DraftSentence[]): { kept: DraftSentence[]; dropped: DraftSentence[] };
}

/**
 * The output guardrails, in order, each seeing only what the previous ones
 * kept: citations must point into THIS retrieval; no sentence may repeat the
 * instructions or carry personal data its source does not; every figure must
 * be in the cited text; and the cited text must carry the sentence's words.
 */
export function applyOutputGuards(
  sentences: readonly DraftSentence[],
  passages: readonly { chunkId: string; text: string }[],
  options: OutputGuardOptions,
): OutputGuardsResult {
  const textById = new Map(passages.map((passage) => [passage.chunkId, passage.text]));
  const filters: SentenceFilter[] = [
    { guard: 'citation_gate', reason: 'uncited_sentence_dropped', run: (current) => applyCitationGate(current, new Set(textById.keys())) },
    { guard: 'system_prompt_leak', reason: 'system_prompt_leak_dropped', run: (current) => checkPromptLeak(current, options.promptTexts) },
    { guard: 'personal_data', reason: 'personal_data_dropped', run: (current) => checkPersonalData(current, textById) },
    { guard: 'figures', reason: 'unsupported_figure_dropped', run: (current) => checkFiguresInCitedText(current, textById) },
  ];
  const guards: GuardResult[] = [];
  const reasons: ReasonCode[] = [];
  let current: DraftSentence[] = [...sentences];
  for (const filter of filters) {
    const result = filter.run(current);
    current = result.kept;
    guards.push(verdict(filter.guard, result.dropped.length));
    if (result.dropped.length > 0) reasons.push(filter.reason);
  }
  const supported = checkSupport(current, textById, options.locale, options.minSupport);
  guards.push({
    ...verdict('support', supported.dropped.length),
    details: { dropped: supported.dropped.length, scores: supported.kept.map((sentence) => Math.round(sentence.support * 100) / 100) },
  });
  if (supported.dropped.length > 0) reasons.push('unsupported_sentence_dropped');
  return { kept: supported.kept, guards, reasons };
}

function verdict(guard: string, dropped: number): GuardResult {
  return dropped === 0 ? { guard, verdict: 'pass' } : { guard, verdict: 'flag', details: { dropped } };
}
