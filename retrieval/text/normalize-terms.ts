import { stopwords } from './stopwords.js';

export type Locale = 'en' | 'nl';

/** Lower-case words with diacritics folded; digits and amounts kept whole ("3.25", "24/7"). */
export function tokenize(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .match(/[a-z]+(?:'[a-z]+)?|\d+(?:[.,/:]\d+)*/g) ?? []
  );
}

/**
 * The evidence-bearing terms of a text: tokens minus stopwords, lightly stemmed
 * so "cards"/"card" and "blocked"/"blocking" meet. Used for scoring and for
 * the local embedder; full-text search uses Postgres's own stemmers.
 */
export function contentTerms(text: string, locale: Locale): string[] {
  const ignored = stopwords[locale] ?? new Set<string>();
  return tokenize(text)
    .filter((token) => !ignored.has(token) && (token.length > 1 || /\d/.test(token)))
    .map((token) => stem(token, locale));
}

const englishSuffixes = ['ations', 'ation', 'ings', 'ing', 'ies', 'ied', 'ers', 'ed', 'es', 'er', 'ly', 's'];
const dutchSuffixes = ['heden', 'heid', 'ingen', 'ing', 'tjes', 'tje', 'en', 'es', 'e', 's'];

/** A deliberately small suffix stripper: consistent, not linguistically perfect. */
export function stem(token: string, locale: Locale): string {
  if (/\d/.test(token)) return token;
  const suffixes = locale === 'nl' ? dutchSuffixes : englishSuffixes;
  let base = token;
  for (const suffix of suffixes) {
    if (token.endsWith(suffix) && token.length - suffix.length >= 3) {
      base = token.slice(0, -suffix.length);
      if (suffix === 'ies' || suffix === 'ied') base = `${base}y`;
      break;
    }
  }
  // "rate"/"rates"/"rated" and "charge"/"charges" meet only without the final e.
  if (locale === 'en' && base.endsWith('e') && base.length > 3) base = base.slice(0, -1);
  return base;
}
