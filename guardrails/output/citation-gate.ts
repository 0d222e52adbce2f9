import type { DraftSentence } from '../../bot/answer-engine/generator.js';

export interface CitationGateResult {
  kept: DraftSentence[];
  /** Sentences removed because they cited nothing, or something not retrieved for this question. */
  dropped: DraftSentence[];
}

/**
 * Every sentence must cite at least one passage retrieved for THIS question.
 * Unknown citations are removed; a sentence left without any is dropped.
 */
export function applyCitationGate(sentences: readonly DraftSentence[], retrievedIds: ReadonlySet<string>): CitationGateResult {
  const kept: DraftSentence[] = [];
  const dropped: DraftSentence[] = [];
  for (const sentence of sentences) {
    const citations = [...new Set(sentence.citations)].filter((id) => retrievedIds.has(id));
    if (citations.length > 0 && sentence.text.trim() !== '') kept.push({ text: sentence.text, citations });
    else dropped.push(sentence);
  }
  return { kept, dropped };
}
