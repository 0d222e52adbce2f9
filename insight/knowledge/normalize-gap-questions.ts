import { isDictionaryWord } from '../../retrieval/text/general-vocabulary.js';
import { tokenize, type Locale } from '../../retrieval/text/normalize-terms.js';

export interface QuestionText {
  text: string;
  locale: string;
}

const minimumLengthToCorrect = 4;
// "[phone]", "[iban]": what redaction left says nothing about the need.
const piiPlaceholder = /\[[a-z_]+\]/g;

/**
 * Questions as the embedder should compare them: lower case, diacritics
 * folded, redaction placeholders dropped, and typos spelled the way the other
 * questions spell them. The knowledge base cannot correct these typos (a gap
 * is what it has no words for), so the questions correct each other: a word
 * that is in neither general dictionary becomes the most frequent word of the
 * same questions one edit away ("acount" → "account", "garantee" → "guarantee").
 */
export function normalizeGapQuestions(questions: readonly QuestionText[]): string[] {
  const tokenized = questions.map((question) => tokenize(question.text.replace(piiPlaceholder, ' ')));
  const frequency = new Map<string, number>();
  for (const tokens of tokenized) for (const token of tokens) frequency.set(token, (frequency.get(token) ?? 0) + 1);
  const byDeletion = new Map<string, string[]>();
  for (const word of frequency.keys()) {
    if (/\d/.test(word) || word.length < minimumLengthToCorrect - 1) continue;
    for (const variant of [word, ...singleDeletions(word)]) byDeletion.set(variant, [...(byDeletion.get(variant) ?? []), word]);
  }
  const isKnown = (word: string, locale: Locale) => isDictionaryWord(word, locale) || isDictionaryWord(word, locale === 'nl' ? 'en' : 'nl');
  const corrected = new Map<string, string>();
  const correct = (word: string, locale: Locale): string => {
    if (word.length < minimumLengthToCorrect || /\d/.test(word) || isKnown(word, locale)) return word;
    const key = `${locale}:${word}`;
    const cached = corrected.get(key);
    if (cached !== undefined) return cached;
    const count = (candidate: string) => frequency.get(candidate) ?? 0;
    let best: string | undefined;
    for (const variant of [word, ...singleDeletions(word)]) {
      for (const candidate of byDeletion.get(variant) ?? []) {
        if (candidate === word || !withinOneEdit(word, candidate)) continue;
        if (!isKnown(candidate, locale) && count(candidate) <= count(word)) continue;
        if (best === undefined || count(candidate) > count(best) || (count(candidate) === count(best) && candidate < best)) best = candidate;
      }
    }
    corrected.set(key, best ?? word);
    return best ?? word;
  };
  const corpusWords = new Set(frequency.keys());
  return tokenized.map((tokens, index) => {
    const locale: Locale = questions[index]?.locale === 'nl' ? 'nl' : 'en';
    return tokens
      .filter((token) => !fillerWords.has(token))
      .map((token) => correct(token, locale))
      .flatMap((token) => [token, ...compoundParts(token, corpusWords)])
      .join(' ');
  });
}

/**
 * Words a customer writes around any question, missing from the retrieval
 * stopwords because a search ignores them anyway: pronouns and helpers
 * ("jullie", "gaan"), and chat shorthand ("u", "pls").
 */
const fillerWords = new Set(
  `u ur pls plz thx via offer provide jullie gaan laten zetten terecht regelen graag bedankt`.split(' '),
);

/**
 * The parts of a compound that the other questions use as words of their own
 * ("belastingaangifte" → "belasting", "aangifte"; "darkmode" → "dark", "mode"),
 * with the Dutch linking s ("beleggingsrekening" → "belegging", "rekening").
 */
function compoundParts(word: string, corpusWords: ReadonlySet<string>): string[] {
  const minimumPart = 3;
  for (let split = minimumPart; split <= word.length - minimumPart; split += 1) {
    const head = word.slice(0, split);
    const tail = word.slice(split);
    if (!corpusWords.has(tail)) continue;
    if (corpusWords.has(head)) return [head, tail];
    if (head.endsWith('s') && corpusWords.has(head.slice(0, -1))) return [head.slice(0, -1), tail];
  }
  return [];
}

function singleDeletions(word: string): string[] {
  return Array.from({ length: word.length }, (_, index) => word.slice(0, index) + word.slice(index + 1));
}

/** One insertion, deletion, substitution or swap of neighbours apart (two words sharing a deletion variant may be two edits apart). */
function withinOneEdit(left: string, right: string): boolean {
  if (Math.abs(left.length - right.length) > 1) return false;
  if (left.length === right.length) {
    const differences = [...left].flatMap((character, index) => (character === right[index] ? [] : [index]));
    if (differences.length === 1) return true;
    const [first, second] = differences;
    return (
      differences.length === 2 && first !== undefined && second === first + 1 && left[first] === right[second] && left[second] === right[first]
    );
  }
  const [shorter, longer] = left.length < right.length ? [left, right] : [right, left];
  return Array.from({ length: longer.length }, (_, index) => longer.slice(0, index) + longer.slice(index + 1)).includes(shorter);
}
