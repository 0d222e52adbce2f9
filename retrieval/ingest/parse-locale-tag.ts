import { locales, type ArticleLocale } from '../../knowledge/article-front-matter.js';

/**
 * The supported locale a language tag names (`nl`, `nl-BE`, `EN_gb` → `nl`/`en`),
 * or `undefined` for any other language or an empty tag. Callers decide whether
 * an unsupported tag falls back to the default locale or is an error.
 */
export function parseLocaleTag(tag: string | undefined): ArticleLocale | undefined {
  const language = tag?.trim().split(/[-_]/)[0]?.toLowerCase();
  return locales.find((locale) => locale === language);
}
