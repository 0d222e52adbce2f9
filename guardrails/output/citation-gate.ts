import type { DraftSentence } from '../../bot/answer-engine/generator.js';

export interface CitationGateResult {
  kept: DraftSentence[];
  /** Sentences removed because they cited nothing, or anything not retrieved for this question. */
  dropped: DraftSentence[];
}

/**
 * Every sentence must cite at least one passage retrieved for THIS question,
 * and nothing else: a sentence citing an unknown id came from a generator that
 * invented a source, so the whole sentence goes, not just the bad id.
 */
export function applyCitationGate(sentences: readonly DraftSentence[], retrievedIds: ReadonlySet<string>): CitationGateResult {
  const kept: DraftSentence[] = [];
  const dropped: DraftSentence[] = [];
  for (const sentence of sentences) {
    const citations = [...new Set(sentence.citations)];
    const allRetrieved = citations.length > 0 && citations.every((id) => retrievedIds.has(id));
    if (allRetrieved && sentence.text.trim() !== '') kept.push({ text: sentence.text, citations });
    else dropped.push(sentence);
  }
  return { kept, dropped };
}
