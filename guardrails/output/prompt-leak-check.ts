import type { DraftSentence } from '../../bot/answer-engine/generator.js';
import { tokenize } from '../../retrieval/text/normalize-terms.js';

export interface PromptLeakResult {
  kept: DraftSentence[];
  /** Sentences that repeat the instructions given to the model, or its data delimiters. */
  dropped: DraftSentence[];
}

// Six words in a row is a quotation, not a coincidence of ordinary phrasing.
const defaultRunLength = 6;
const delimiterPattern = /<\/?\s*(?:passages?|question|system|instructions?)\b|<\|im_(?:start|end)\|>|\[\/?INST\]/i;

/**
 * No sentence may reveal the generator's instructions: a sentence sharing a
 * run of words with any of the prompt texts, or echoing the delimiters the
 * prompt wraps data in, is dropped however it is cited.
 */
export function checkPromptLeak(
  sentences: readonly DraftSentence[],
  promptTexts: readonly string[],
  runLength = defaultRunLength,
): PromptLeakResult {
  const promptRuns = new Set(promptTexts.flatMap((text) => wordRuns(tokenize(text), runLength)));
  const kept: DraftSentence[] = [];
  const dropped: DraftSentence[] = [];
  for (const sentence of sentences) {
    const leaks =
      delimiterPattern.test(sentence.text) || wordRuns(tokenize(sentence.text), runLength).some((run) => promptRuns.has(run));
    (leaks ? dropped : kept).push(sentence);
  }
  return { kept, dropped };
}

function wordRuns(words: readonly string[], length: number): string[] {
  const runs: string[] = [];
  for (let start = 0; start + length <= words.length; start += 1) runs.push(words.slice(start, start + length).join(' '));
  return runs;
}
