import { splitSentences } from '../../retrieval/text/split-sentences.js';
import type { Embedder } from '../../retrieval/embedder.js';
import { dot, toUnit } from './cluster-by-similarity.js';
import { differingFigures, statedFigures, type FigureDifference } from './stated-figures.js';

export interface ServedArticle {
  id: string;
  title: string;
  locale: string;
  body: string;
}

export interface ConflictingStatement {
  left: string;
  right: string;
  similarity: number;
  differences: FigureDifference[];
}

export interface ArticleConflict {
  left: { id: string; title: string };
  right: { id: string; title: string };
  locale: string;
  /** Every pair of near-identical sentences that state different figures, most similar first. */
  statements: ConflictingStatement[];
}

/**
 * Measured on the sample knowledge base: at 0.9 the statements found are the
 * same sentence with another amount or rate ("A paper statement costs €2.00"
 * / "€1.75"); below it, sentences about different things ("debit card … 3
 * days" / "credit card … 5 days") start to appear.
 */
export const defaultStatementSimilarityThreshold = 0.9;
// Two lines of the same service hours differ by their number on purpose (the claims line); only nearly the same words make a phone number a contradiction.
const phoneSimilarityThreshold = 0.97;

/**
 * Pairs of served articles in the same language that say the same thing with
 * different numbers: sentences that are near-duplicates once their figures
 * are taken out (embedding cosine at or above `threshold`) but state
 * different amounts, percentages, durations or phone numbers. A sentence with
 * several figures must share one with the other (the same loan example at
 * another rate), so the rows of one table (1 year 2.20%, 2 years 2.30%) are
 * not taken for contradictions.
 */
export async function findConflictingStatements(
  articles: readonly ServedArticle[],
  embedder: Embedder,
  threshold = defaultStatementSimilarityThreshold,
): Promise<ArticleConflict[]> {
  const statements = articles.flatMap((article, articleIndex) =>
    splitSentences(article.body)
      .map((text) => ({ articleIndex, locale: article.locale, text, figures: statedFigures(text) }))
      .filter((statement) => statement.figures.some((figure) => figure.kind !== 'link')),
  );
  if (statements.length === 0) return [];
  const vectors = (await embedder.embed(statements.map((statement) => withoutFigures(statement.text)))).map(toUnit);
  const conflicts = new Map<string, ArticleConflict>();
  for (let leftIndex = 0; leftIndex < statements.length; leftIndex += 1) {
    const left = statements[leftIndex];
    if (!left) continue;
    for (let rightIndex = leftIndex + 1; rightIndex < statements.length; rightIndex += 1) {
      const right = statements[rightIndex];
      if (!right || right.articleIndex === left.articleIndex || right.locale !== left.locale) continue;
      const similarity = dot(vectors[leftIndex] ?? [], vectors[rightIndex] ?? []);
      if (similarity < threshold) continue;
      const several = left.figures.length > 1 || right.figures.length > 1;
      const sharesOne = left.figures.some((figure) => right.figures.some((other) => other.kind === figure.kind && other.value === figure.value));
      if (several && !sharesOne) continue;
      const differences = differingFigures(left.figures, right.figures).filter(
        (difference) => difference.kind !== 'link' && (difference.kind !== 'phone' || similarity >= phoneSimilarityThreshold),
      );
      if (differences.length === 0) continue;
      const [first, second] = [articles[left.articleIndex], articles[right.articleIndex]];
      if (!first || !second) continue;
      const ordered = first.id < second.id;
      const key = ordered ? `${first.id}\n${second.id}` : `${second.id}\n${first.id}`;
      const conflict = conflicts.get(key) ?? {
        left: ordered ? { id: first.id, title: first.title } : { id: second.id, title: second.title },
        right: ordered ? { id: second.id, title: second.title } : { id: first.id, title: first.title },
        locale: first.locale,
        statements: [],
      };
      conflict.statements.push(
        ordered
          ? { left: left.text, right: right.text, similarity: round(similarity), differences }
          : {
              left: right.text,
              right: left.text,
              similarity: round(similarity),
              differences: differences.map((difference) => ({ kind: difference.kind, left: difference.right, right: difference.left })),
            },
      );
      conflicts.set(key, conflict);
    }
  }
  return [...conflicts.values()]
    .map((conflict) => ({ ...conflict, statements: conflict.statements.sort((left, right) => right.similarity - left.similarity) }))
    .sort(
      (left, right) =>
        right.statements.length - left.statements.length || left.left.id.localeCompare(right.left.id) || left.right.id.localeCompare(right.right.id),
    );
}

/** The sentence with its figures blanked, so "costs €2.00" and "costs €1.75" read alike. */
function withoutFigures(text: string): string {
  return text.replace(/[€$£]?\s?\d[\d.,:/-]*\s?%?/g, ' ');
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
