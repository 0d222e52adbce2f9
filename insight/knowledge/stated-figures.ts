import { extractFigures } from '../../guardrails/output/figures-in-cited-text.js';
import { splitSentences } from '../../retrieval/text/split-sentences.js';

export type FigureKind = 'amount' | 'percentage' | 'duration' | 'phone' | 'link' | 'number';

export interface StatedFigure {
  kind: FigureKind;
  /** As the output guard normalises it ("3,25" and "3.25" are the same). */
  value: string;
}

const durationWords =
  /^\s*(?:working |business |calendar )?(?:days?|weeks?|months?|years?|hours?|minutes?|werkdagen|dagen|dag|weken|week|maanden|maand|jaren|jaar|uur|uren|minuten)\b/i;

/**
 * The figures an article states, each with what kind of figure it is, so two
 * articles are compared amount with amount and days with days. Figures are
 * normalised the way the output guard normalises them (`extractFigures`:
 * "3,25" and "3.25" are one figure); the kind is read from the words around
 * each one. Table rows count as sentences.
 */
export function statedFigures(text: string): StatedFigure[] {
  const figures: StatedFigure[] = [];
  for (const sentence of splitSentences(tableRowsAsSentences(text))) {
    for (const value of extractFigures(sentence)) {
      if (!/^\d/.test(value)) figures.push({ kind: 'link', value });
    }
    const compact = sentence.replace(/(\d)[\s\u00a0](?=\d)/g, '$1');
    for (const match of compact.matchAll(/\d[\d.,:/-]*\d|\d/g)) {
      const [value] = extractFigures(match[0]);
      const start = match.index ?? 0;
      if (value === undefined || /[a-z@]/i.test(compact[start - 1] ?? '')) continue;
      const before = compact.slice(Math.max(0, start - 6), start);
      const after = compact.slice(start + match[0].length, start + match[0].length + 20);
      figures.push({ kind: kindOf(value, before, after), value });
    }
  }
  return figures;
}

function kindOf(value: string, before: string, after: string): FigureKind {
  if (/^\s*(?:%|percent|procent)/i.test(after)) return 'percentage';
  if (/(?:€|eur|euro|\$|£)\s*$/i.test(before) || /^\s*(?:€|eur\b|euro)/i.test(after)) return 'amount';
  if (durationWords.test(after)) return 'duration';
  if (/\+\s*$/.test(before) || /^0\d{8,}$/.test(value.replace(/\D/g, ''))) return 'phone';
  return 'number';
}

/** "| Replacement card | €7.50 |" becomes "Replacement card: €7.50." (splitSentences skips tables); the rule row goes. */
function tableRowsAsSentences(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      if (!line.trim().startsWith('|')) return line;
      const cells = line.split('|').map((cell) => cell.trim()).filter((cell) => cell !== '');
      return cells.every((cell) => /^:?-{3,}:?$/.test(cell)) ? '' : `${cells.join(': ')}.`;
    })
    .join('\n');
}

export interface FigureDifference {
  kind: FigureKind;
  /** Figures of this kind only the first article states, and only the second. */
  left: string[];
  right: string[];
}

/**
 * Where two texts state different figures of the same kind: for every kind
 * both state, the figures each states that the other does not, when both
 * have some. An article that adds a figure the other lacks altogether (a
 * phone number one of them leaves out) is not a contradiction.
 */
export function differingFigures(left: readonly StatedFigure[], right: readonly StatedFigure[]): FigureDifference[] {
  const kinds = [...new Set(left.map((figure) => figure.kind))].filter((kind) => right.some((figure) => figure.kind === kind)).sort();
  return kinds.flatMap((kind) => {
    const leftValues = new Set(left.filter((figure) => figure.kind === kind).map((figure) => figure.value));
    const rightValues = new Set(right.filter((figure) => figure.kind === kind).map((figure) => figure.value));
    const onlyLeft = [...leftValues].filter((value) => !rightValues.has(value));
    const onlyRight = [...rightValues].filter((value) => !leftValues.has(value));
    return onlyLeft.length > 0 && onlyRight.length > 0 ? [{ kind, left: onlyLeft, right: onlyRight }] : [];
  });
}
