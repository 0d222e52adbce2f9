import type { PhrasePattern } from './phrase-pattern.js';

/** Locales the policy writes patterns for. */
export type TopicLocale = 'en' | 'nl';

/** How fast a person must pick the conversation up. */
export type TopicPriority = 'urgent' | 'high' | 'normal' | 'low';

/** A subject the assistant must not answer itself: the conversation goes to an expert team. */
export interface RestrictedTopic {
  /** Stable id, recorded with the handoff (`ongoing_fraud`). */
  id: string;
  /** One line for the expert console: what this topic is and why it is handed off. */
  description: string;
  /** The team whose queue receives the case (`fraud`, `care`). */
  skill: string;
  priority: TopicPriority;
  patterns: Readonly<Record<TopicLocale, readonly PhrasePattern[]>>;
}

/** The validated contents of `guardrails/policy/restricted-topics.yaml`, in file order. */
export interface TopicPolicy {
  topics: readonly RestrictedTopic[];
}

/** One topic found in a message, with the evidence. */
export interface RestrictedTopicMatch {
  /** Id of the topic that matched (`stolen_card`). */
  topic: string;
  skill: string;
  priority: TopicPriority;
  /** The policy pattern that fired, as written in the file. */
  pattern: string;
  /** The words of the message it matched (normalised). */
  matchedText: string;
  /** Which locale's pattern list the pattern came from. */
  patternLocale: TopicLocale;
}
