import { tokenize } from '../text/normalize-terms.js';
import type { SynonymLexicon } from './synonym-lexicon.js';

/** Adds the help-centre words for the customer phrases a question contains. */
export type QueryExpander = (query: string, locale: string) => string;

interface CompiledPhrase {
  words: string[];
  /** The last word matches any word starting with it. */
  prefix: boolean;
  means: string;
}

/**
 * Compiles a lexicon into an expander. The question keeps its own words; the
 * meant words are appended once each, so a question already in the articles'
 * words is unchanged and only the matched needs gain vocabulary.
 */
export function createQueryExpander(lexicon: SynonymLexicon): QueryExpander {
  const phrasesByLocale = new Map<string, CompiledPhrase[]>();
  for (const [locale, entries] of Object.entries(lexicon)) {
    phrasesByLocale.set(
      locale,
      (entries ?? []).flatMap((entry) => entry.say.map((phrase) => compilePhrase(phrase, entry.means))),
    );
  }
  return (query, locale) => {
    const phrases = phrasesByLocale.get(locale);
    if (!phrases || phrases.length === 0) return query;
    const words = tokenize(query.replace(/[\u2018\u2019]/g, "'"));
    const present = new Set(words);
    const added: string[] = [];
    for (const phrase of phrases) {
      if (!containsPhrase(words, phrase)) continue;
      for (const word of tokenize(phrase.means)) {
        if (!present.has(word)) {
          present.add(word);
          added.push(word);
        }
      }
    }
    return added.length === 0 ? query : `${query} ${added.join(' ')}`;
  };
}

function compilePhrase(phrase: string, means: string): CompiledPhrase {
  const prefix = phrase.endsWith('*');
  return { words: tokenize(prefix ? phrase.slice(0, -1) : phrase), prefix, means };
}

function containsPhrase(words: readonly string[], phrase: CompiledPhrase): boolean {
  const length = phrase.words.length;
  if (length === 0) return false;
  for (let start = 0; start + length <= words.length; start += 1) {
    let matches = true;
    for (let offset = 0; offset < length && matches; offset += 1) {
      const word = words[start + offset] ?? '';
      const expected = phrase.words[offset] ?? '';
      const isLast = offset === length - 1;
      matches = isLast && phrase.prefix ? word.startsWith(expected) : word === expected;
    }
    if (matches) return true;
  }
  return false;
}
