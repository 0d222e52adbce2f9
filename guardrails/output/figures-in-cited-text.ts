import type { DraftSentence } from '../../bot/answer-engine/generator.js';

export interface FiguresCheckResult {
  kept: DraftSentence[];
  /** Sentences with a number, amount, date, phone number, URL or email address that no cited passage contains. */
  dropped: DraftSentence[];
}

// Email addresses, URLs (with or without a scheme) and digit runs with their
// separators ("€3.25", "+31 20 555 0100", "14:00", "2026-09-30").
const figurePattern =
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+|https?:\/\/[^\s)]+|\bwww\.[^\s)]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|nl|eu|org|net|example|be|de|uk|info|io)\b(?:\/[^\s)]*)?|\d[\d.,:/-]*\d|\d/gi;

/** The figures in a text, normalised so "3,25" and "3.25" or "555 0100" and "5550100" compare equal. */
export function extractFigures(text: string): string[] {
  const compact = text.replace(/(\d)[\s\u00a0](?=\d)/g, '$1');
  return (compact.match(figurePattern) ?? []).map((figure) =>
    figure
      .replace(/[.,;:!?]+$/, '')
      .replace(/^https?:\/\//i, '')
      .toLowerCase()
      .replace(/(\d),(?=\d)/g, '$1.'),
  );
}

/**
 * Numbers, amounts, dates, phone numbers and URLs are where invented answers
 * do harm. A sentence keeps its place only if each of its figures appears in
 * the text of a passage it cites.
 */
export function checkFiguresInCitedText(
  sentences: readonly DraftSentence[],
  passageTextById: ReadonlyMap<string, string>,
): FiguresCheckResult {
  const kept: DraftSentence[] = [];
  const dropped: DraftSentence[] = [];
  for (const sentence of sentences) {
    const cited = new Set(
      sentence.citations.flatMap((id) => extractFigures(passageTextById.get(id) ?? '')),
    );
    const supported = extractFigures(sentence.text).every((figure) => cited.has(figure));
    (supported ? kept : dropped).push(sentence);
  }
  return { kept, dropped };
}
