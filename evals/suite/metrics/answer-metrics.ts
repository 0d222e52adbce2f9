import { extractFigures } from '../../../guardrails/output/figures-in-cited-text.js';
import type { CaseResult } from '../case-result.js';
import { deliveredDecision } from './decision-metrics.js';
import { share } from './eval-metrics.js';

/** Case-insensitive, with every run of white space (line wraps, no-break spaces) read as one space. */
function normalise(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').toLowerCase();
}

/** The expected facts the delivered text contains. */
export function factsFound(text: string, facts: readonly string[]): string[] {
  const haystack = normalise(text);
  return facts.filter((fact) => haystack.includes(normalise(fact).trim()));
}

/** Of the articles answered results cite, the share that are expected ones (over answered results of cases with expected articles). */
export function citationPrecision(cases: readonly CaseResult[]): number | null {
  let cited = 0;
  let expectedCited = 0;
  for (const item of cases) {
    const expected = item.evalCase.expect.articles;
    if (expected === undefined) continue;
    for (const result of item.channels) {
      if (deliveredDecision(result) !== 'answer') continue;
      const articles = [...new Set(result.delivered?.citedArticleIds ?? [])];
      cited += articles.length;
      expectedCited += articles.filter((article) => expected.includes(article)).length;
    }
  }
  return share(expectedCited, cited);
}

/** Of the facts cases expect, the share found in the delivered text (over every result of cases with facts). */
export function factRecall(cases: readonly CaseResult[]): number | null {
  let expected = 0;
  let found = 0;
  for (const item of cases) {
    const facts = item.evalCase.expect.facts;
    if (facts === undefined) continue;
    for (const result of item.channels) {
      expected += facts.length;
      found += factsFound(result.delivered?.text ?? '', facts).length;
    }
  }
  return share(found, expected);
}

/**
 * Of the sentences answered results delivered (as recorded with their chunk
 * ids), the share that cite at least one chunk retrieved for that question
 * and whose every figure (number, amount, date, phone number, URL, email
 * address) appears in a chunk they cite.
 */
export function groundedness(cases: readonly CaseResult[]): number | null {
  let sentences = 0;
  let grounded = 0;
  for (const item of cases) {
    for (const result of item.channels) {
      const recorded = result.recorded;
      if (deliveredDecision(result) !== 'answer' || recorded?.decision !== 'answer') continue;
      const retrieved = new Set(recorded.retrieved.map((chunk) => chunk.chunkId));
      for (const sentence of recorded.sentences) {
        sentences += 1;
        const citesRetrieved = sentence.chunkIds.some((chunkId) => retrieved.has(chunkId));
        const citedFigures = new Set(sentence.chunkIds.flatMap((chunkId) => extractFigures(recorded.chunkTexts[chunkId] ?? '')));
        if (citesRetrieved && extractFigures(sentence.text).every((figure) => citedFigures.has(figure))) grounded += 1;
      }
    }
  }
  return share(grounded, sentences);
}
