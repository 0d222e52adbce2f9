import { normalizeWords } from './normalize-words.js';
import { findPhrase, type PhraseMatch, type PhrasePattern } from './phrase-pattern.js';
import type { RestrictedTopicMatch, TopicPolicy, TopicLocale } from './topic-policy.js';
import { topicPriorities } from './topic-policy-schema.js';

const topicLocales: readonly TopicLocale[] = ['en', 'nl'];

/**
 * The restricted topics a customer message touches, most urgent first (file
 * order within a priority), at most one match per topic.
 *
 * The patterns of `locale` are tried first, then those of the other locales:
 * customers mix languages, and a one-word message such as "zelfmoord" may be
 * detected as the fallback locale. A topic that fires is never worth missing
 * for the sake of a language label; the patterns are specific enough that an
 * English pattern does not fire on Dutch text or the other way round.
 */
export function matchRestrictedTopics(text: string, locale: TopicLocale, policy: TopicPolicy): RestrictedTopicMatch[] {
  const words = normalizeWords(text);
  if (words.length === 0) return [];
  const localeOrder = [locale, ...topicLocales.filter((other) => other !== locale)];
  const matches: RestrictedTopicMatch[] = [];
  for (const topic of policy.topics) {
    for (const patternLocale of localeOrder) {
      const found = firstPhrase(words, topic.patterns[patternLocale]);
      if (found) {
        matches.push({ topic: topic.id, skill: topic.skill, priority: topic.priority, patternLocale, ...found });
        break;
      }
    }
  }
  // Array.prototype.sort is stable, so file order decides within a priority.
  return matches.sort((a, b) => topicPriorities.indexOf(a.priority) - topicPriorities.indexOf(b.priority));
}

function firstPhrase(words: readonly string[], patterns: readonly PhrasePattern[]): PhraseMatch | undefined {
  for (const pattern of patterns) {
    const match = findPhrase(words, pattern);
    if (match) return match;
  }
  return undefined;
}
