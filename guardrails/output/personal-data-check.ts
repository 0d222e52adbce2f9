import type { DraftSentence } from '../../bot/answer-engine/generator.js';
import { detectPii } from '../input/pii/detect-pii.js';

export interface PersonalDataCheckResult {
  kept: DraftSentence[];
  /** Sentences carrying personal data (card, IBAN, BSN, email, phone, date of birth) their cited passages do not. */
  dropped: DraftSentence[];
}

/**
 * An answer may repeat the bank's published numbers and addresses, never
 * anyone's personal data: a sentence is dropped when it contains a card
 * number, IBAN, BSN, email address, phone number or date of birth that is not
 * written in a passage it cites.
 */
export function checkPersonalData(
  sentences: readonly DraftSentence[],
  passageTextById: ReadonlyMap<string, string>,
): PersonalDataCheckResult {
  const kept: DraftSentence[] = [];
  const dropped: DraftSentence[] = [];
  for (const sentence of sentences) {
    const cited = compact(sentence.citations.map((id) => passageTextById.get(id) ?? '').join('\n'));
    const foreign = detectPii(sentence.text).some((match) => !cited.includes(compact(sentence.text.slice(match.start, match.end))));
    (foreign ? dropped : kept).push(sentence);
  }
  return { kept, dropped };
}

function compact(text: string): string {
  return text.toLowerCase().replace(/[\s\u00a0().-]/g, '');
}
