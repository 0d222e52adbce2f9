import { splitSentences } from '../../retrieval/text/split-sentences.js';
import { contentTerms } from '../../retrieval/text/normalize-terms.js';
import type { DraftAnswer, DraftSentence, GenerationRequest, Generator } from './generator.js';

export interface ExtractiveGeneratorOptions {
  /** Most sentences in one answer (at least 1). */
  maxSentences?: number;
  /**
   * Length budget in characters for the sentences added after the best one.
   * The best sentence is always given whole: cutting a quoted source sentence
   * could change what it says, and channels shorten for their own limits.
   */
  maxCharacters?: number;
}

interface ScoredSentence {
  /** Passages with the same title come from the same article. */
  articleIndex: number;
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
  const maxSentences = Math.max(1, options.maxSentences ?? 3);
  const maxCharacters = options.maxCharacters ?? 520;
  return {
    id: 'extractive-v1',
    async generate(request: GenerationRequest): Promise<DraftAnswer> {
      const questionTerms = new Set(contentTerms(request.searchText ?? request.question, request.locale));
      if (questionTerms.size === 0) return { sentences: [], confidence: 0, generator: this.id };
      const scored = scoreSentences(request, questionTerms);
      const best = scored[0];
      if (!best || best.coverage === 0) return { sentences: [], confidence: 0, generator: this.id };

      const chosen = [best];
      let length = best.text.length;
      const usedArticles = new Set([best.articleIndex]);
      for (const candidate of scored.slice(1)) {
        if (chosen.length >= maxSentences) break;
        const fromNewArticle = !usedArticles.has(candidate.articleIndex);
        // Another article must be nearly as good to be quoted beside the best one.
        const bar = fromNewArticle ? 0.9 : 0.7;
        if (candidate.coverage === 0 || candidate.score < best.score * bar) continue;
        if (fromNewArticle && usedArticles.size >= 2) continue;
        if (chosen.some((sentence) => sentence.text === candidate.text)) continue;
        if (length + candidate.text.length + 1 > maxCharacters) continue;
        chosen.push(candidate);
        usedArticles.add(candidate.articleIndex);
        length += candidate.text.length + 1;
      }
      // Read in the order the sources wrote them, best article first.
      const readingOrder = (sentence: ScoredSentence) => [
        sentence.articleIndex === best.articleIndex ? 0 : 1,
        sentence.articleIndex,
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
  const articleTitles: string[] = [];
  request.passages.forEach((passage, passageIndex) => {
    if (!articleTitles.includes(passage.title)) articleTitles.push(passage.title);
    const articleIndex = articleTitles.indexOf(passage.title);
    // Retrieval already ordered the articles; later ones need more evidence.
    const rankPrior = Math.max(0, 1 - 0.25 * articleIndex);
    const contextCoverage = share(questionTerms, new Set(contentTerms(`${passage.title} ${passage.heading}`, request.locale)));
    const passageCoverage = share(
      questionTerms,
      new Set(contentTerms(`${passage.title} ${passage.heading} ${passage.text}`, request.locale)),
    );
    splitSentences(passage.text).forEach((text, sentenceIndex) => {
      // A sentence introducing a list or asking a question does not answer on its own.
      if (/[:?]$/.test(text)) return;
      const coverage = share(questionTerms, new Set(contentTerms(text, request.locale)));
      // Help articles lead with the main point: a slight preference for early sentences.
      const score =
        0.5 * coverage + 0.2 * contextCoverage + 0.2 * passageCoverage + 0.1 * rankPrior - 0.005 * sentenceIndex;
      scored.push({ articleIndex, passageIndex, sentenceIndex, passageId: passage.id, text, score, coverage, passageCoverage });
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
