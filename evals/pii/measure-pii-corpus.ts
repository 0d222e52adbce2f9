import { detectPii } from '../../guardrails/input/pii/detect-pii.js';
import { piiKinds, type PiiKind, type PiiMatch } from '../../guardrails/input/pii/pii-match.js';
import type { PiiCorpusEntry } from './pii-corpus.js';

export interface PiiKindFigures {
  validCount: number;
  nearMissCount: number;
  /** Valid entries whose value a match of this kind covers whole. */
  recalled: number;
  recall: number;
  /** All matches of this kind over the whole corpus, valid and near-miss lines alike. */
  matches: number;
  /** Matches of this kind that are exactly the value of a valid entry of this kind. */
  correctMatches: number;
  /** 1 when there are no matches at all. */
  precision: number;
  missedTexts: string[];
  wrongMatches: Array<{ text: string; matched: string }>;
}

function emptyFigures(): PiiKindFigures {
  return { validCount: 0, nearMissCount: 0, recalled: 0, recall: 0, matches: 0, correctMatches: 0, precision: 1, missedTexts: [], wrongMatches: [] };
}

/** Per-kind recall on valid entries and precision over every match in the corpus. */
export function measurePiiCorpus(
  entries: readonly PiiCorpusEntry[],
  detect: (text: string) => PiiMatch[] = detectPii,
): Record<PiiKind, PiiKindFigures> {
  const figures = Object.fromEntries(piiKinds.map((kind) => [kind, emptyFigures()])) as Record<PiiKind, PiiKindFigures>;
  for (const entry of entries) {
    const matches = detect(entry.text);
    const own = figures[entry.kind];
    const valueStart = entry.valid ? entry.text.indexOf(entry.value) : -1;
    const valueEnd = entry.valid ? valueStart + entry.value.length : -1;
    if (entry.valid) {
      own.validCount++;
      const covered = matches.some((match) => match.kind === entry.kind && match.start <= valueStart && match.end >= valueEnd);
      if (covered) own.recalled++;
      else own.missedTexts.push(entry.text);
    } else {
      own.nearMissCount++;
    }
    for (const match of matches) {
      const kindFigures = figures[match.kind];
      kindFigures.matches++;
      const correct = entry.valid && match.kind === entry.kind && match.start === valueStart && match.end === valueEnd;
      if (correct) kindFigures.correctMatches++;
      else kindFigures.wrongMatches.push({ text: entry.text, matched: entry.text.slice(match.start, match.end) });
    }
  }
  for (const kindFigures of Object.values(figures)) {
    kindFigures.recall = kindFigures.validCount === 0 ? 0 : kindFigures.recalled / kindFigures.validCount;
    kindFigures.precision = kindFigures.matches === 0 ? 1 : kindFigures.correctMatches / kindFigures.matches;
  }
  return figures;
}
