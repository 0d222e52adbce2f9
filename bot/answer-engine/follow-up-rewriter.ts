import { contentTerms, tokenize, type Locale } from '../../retrieval/text/normalize-terms.js';

export interface RewriteRequest {
  question: string;
  /** The previous question of the conversation, already standalone; undefined on the first turn. */
  previous: string | undefined;
  locale: Locale;
}

/** Turns a follow-up ("and for Dutch cards?") into a question that stands on its own for retrieval. */
export interface QuestionRewriter {
  readonly id: string;
  rewrite(request: RewriteRequest): Promise<string>;
}

const openers: Record<Locale, readonly string[][]> = {
  en: [['and'], ['what', 'about'], ['how', 'about'], ['also'], ['same', 'for'], ['what', 'if'], ['or'], ['but', 'what'], ['what', 'else']],
  nl: [['en'], ['wat', 'als'], ['hoe', 'zit', 'het', 'met'], ['ook'], ['geldt', 'dat'], ['of'], ['maar', 'wat'], ['en', 'als']],
};
const pointers: Record<Locale, ReadonlySet<string>> = {
  en: new Set(['it', 'that', 'this', 'those', 'these', 'them', 'they', 'one', 'there']),
  nl: new Set(['het', 'dat', 'dit', 'die', 'deze', 'ze', 'daar', 'daarvoor', 'ervoor', 'erbij']),
};
// A message with this many content words or more names its own subject.
const selfContainedTerms = 4;

/**
 * Whether a message leans on the one before: it opens like a continuation
 * ("and…", "what about…", "en voor…") or points back ("does it cost
 * anything?") without naming enough of its own subject.
 */
export function isFollowUp(question: string, locale: Locale): boolean {
  const words = tokenize(question);
  const opensAsContinuation = openers[locale].some((opener) => opener.every((word, index) => words[index] === word));
  const terms = contentTerms(question, locale).length;
  if (opensAsContinuation) return terms < selfContainedTerms + 2;
  return terms < selfContainedTerms && words.some((word) => pointers[locale].has(word));
}

/**
 * The embedded rewriter: a follow-up is read together with the previous
 * question, so retrieval sees the subject ("replacement card fee") and the
 * new detail ("Dutch cards") at once.
 */
export function createHeuristicRewriter(): QuestionRewriter {
  return {
    id: 'heuristic-v1',
    async rewrite({ question, previous, locale }) {
      if (previous === undefined || !isFollowUp(question, locale)) return question;
      return `${previous.trim()} ${question.trim()}`;
    },
  };
}
