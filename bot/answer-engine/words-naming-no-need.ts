import { tokenize, type Locale } from '../../retrieval/text/normalize-terms.js';

/**
 * Conversational words that say nothing about which need a question is about:
 * chat shorthand, hedges, contractions, time words relative to today, and
 * (Dutch) pronouns and particles. Retrieval keeps them (they cost nothing
 * there); judging how much of a question the cited articles cover must not,
 * or "lost my card pls help asap" reads as half uncovered.
 */
const words: Record<Locale, ReadonlySet<string>> = {
  en: new Set(
    `pls plz lol tbh btw asap smth thx thnx ur u actually definitely definately probably prob maybe really honestly basically
    somewhere anywhere anymore yet already ever even soon just today tomorrow tonight yesterday ago bit i'd i've i'll you're
    isn't won't doesn't didn't hasnt hasn't haven't wasn't aren't wouldn't couldn't shouldn't someone's whenever guys cheers`.split(/\s+/),
  ),
  nl: new Set(
    `jullie m'n mn z'n zo'n net allemaal eigenlijk ergens ofzo even gewoon zit soms wel eens toch graag dus vast weer alweer
    gisteren vandaag morgen straks opeens hoi hallo hey doei bedankt groetjes`.split(/\s+/),
  ),
};

/** The question without the words that name no need, for coverage. */
export function withoutWordsNamingNoNeed(text: string, locale: Locale): string {
  return tokenize(text)
    .filter((word) => !words[locale].has(word))
    .join(' ');
}
