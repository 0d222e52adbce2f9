import { splitSentences } from '../../retrieval/text/split-sentences.js';
import { contentTerms } from '../../retrieval/text/normalize-terms.js';
import type { DraftAnswer, DraftSentence, GenerationRequest, Generator } from './generator.js';

export interface ExtractiveGeneratorOptions {
  /** Most sentences in one answer. */
  maxSentences?: number;
  /** Longest answer in characters; whole sentences only. */
  maxCharacters?: number;
}

interface ScoredSentence {
  passageIndex: number;
  sentenceIndex: number;
  passageId: string;
  text: string;
  score: number;
  /** Share of the question's terms the sentence itself contains. */
  coverage: number;
  /** Share of the question's terms its whole passage (with title and heading) contains. */
  passageCoverage: number;
}

/**
 * The embedded default generator: it writes nothing of its own. It quotes the
 * sentences of the retrieved passages that best cover the question's terms,
 * each citing the passage it came from, so every claim is verbatim source text.
 */
export function createExtractiveGenerator(options: ExtractiveGeneratorOptions = {}): Generator {
  const maxSentences = options.maxSentences ?? 3;
  const maxCharacters = options.maxCharacters ?? 520;
  return {
    id: 'extractive-v1',
    async generate(request: GenerationRequest): Promise<DraftAnswer> {
      const questionTerms = new Set(contentTerms(request.question, request.locale));
      if (questionTerms.size === 0) return { sentences: [], confidence: 0, generator: this.id };
      const scored = scoreSentences(request, questionTerms);
      const best = scored[0];
      if (!best || best.coverage === 0) return { sentences: [], confidence: 0, generator: this.id };

      const chosen = [best];
      let length = best.text.length;
      const usedPassages = new Set([best.passageIndex]);
      for (const candidate of scored.slice(1)) {
        if (chosen.length >= maxSentences) break;
        const fromNewPassage = !usedPassages.has(candidate.passageIndex);
        const bar = fromNewPassage ? 0.9 : 0.7;
        if (candidate.coverage === 0 || candidate.score < best.score * bar) continue;
        if (fromNewPassage && usedPassages.size >= 2) continue;
        if (chosen.some((sentence) => sentence.text === candidate.text)) continue;
        if (length + candidate.text.length + 1 > maxCharacters) continue;
        chosen.push(candidate);
        usedPassages.add(candidate.passageIndex);
        length += candidate.text.length + 1;
      }
      // Read in the order the sources wrote them, best passage first.
      const readingOrder = (sentence: ScoredSentence) => [
        sentence.passageIndex === best.passageIndex ? 0 : 1,
        sentence.passageIndex,
        sentence.sentenceIndex,
      ];
      chosen.sort((left, right) => compareKeys(readingOrder(left), readingOrder(right)));
      const sentences: DraftSentence[] = chosen.map((sentence) => ({
        text: sentence.text,
        citations: [sentence.passageId],
      }));
      return { sentences, confidence: best.passageCoverage, generator: this.id };
    },
  };
}

function scoreSentences(request: GenerationRequest, questionTerms: ReadonlySet<string>): ScoredSentence[] {
  const scored: ScoredSentence[] = [];
  request.passages.forEach((passage, passageIndex) => {
    const passageTerms = new Set(
      contentTerms(`${passage.title} ${passage.heading} ${passage.text}`, request.locale),
    );
    const passageCoverage = share(questionTerms, passageTerms);
    splitSentences(passage.text).forEach((text, sentenceIndex) => {
      const coverage = share(questionTerms, new Set(contentTerms(text, request.locale)));
      // Rank order is a weak tie-breaker: retrieval already weighed the passages.
      const score = 0.6 * coverage + 0.4 * passageCoverage - 0.01 * passageIndex;
      scored.push({ passageIndex, sentenceIndex, passageId: passage.id, text, score, coverage, passageCoverage });
    });
  });
  return scored.sort(
    (left, right) =>
      right.score - left.score || left.passageIndex - right.passageIndex || left.sentenceIndex - right.sentenceIndex,
  );
}

function share(needles: ReadonlySet<string>, haystack: ReadonlySet<string>): number {
  if (needles.size === 0) return 0;
  let found = 0;
  for (const needle of needles) if (haystack.has(needle)) found += 1;
  return found / needles.size;
}

function compareKeys(left: readonly number[], right: readonly number[]): number {
  for (const [index, value] of left.entries()) {
    const difference = value - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
