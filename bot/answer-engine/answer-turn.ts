import { detectHumanRequest } from '../../guardrails/input/human-request/detect-human-request.js';
import { detectLanguage } from '../../guardrails/input/language/detect-language.js';
import { withoutPiiPlaceholders } from '../../guardrails/input/pii/pii-placeholder.js';
import { redactPii } from '../../guardrails/input/pii/redact-pii.js';
import { detectPromptInjection } from '../../guardrails/input/prompt-injection/detect-prompt-injection.js';
import { matchRestrictedTopics } from '../../guardrails/input/topics/match-restricted-topics.js';
import type { TopicPolicy } from '../../guardrails/input/topics/topic-policy.js';
import type { Locale } from '../../retrieval/text/normalize-terms.js';
import type { AnswerEngine } from './answer-engine.js';
import type { AnswerOutcome, GuardResult, HandoffRouting, ReasonCode } from './answer-outcome.js';
import type { QuestionRewriter } from './follow-up-rewriter.js';

export interface TurnRequest {
  /** The customer's message as received; it is redacted before anything else sees it. */
  text: string;
  /** The conversation's locale, used when the message's own language is unclear. */
  locale: Locale;
  /** The previous standalone question of the conversation, for follow-ups. */
  previousQuestion?: string;
}

export interface TurnOutcome extends AnswerOutcome {
  /** The message with personal data replaced by placeholders: the only form stored or logged. */
  redactedText: string;
  piiKinds: string[];
  /** The language the reply is written in. */
  locale: Locale;
  /** The question actually decided: the message, or a follow-up rewritten to stand alone. */
  standaloneQuestion: string;
  fromCache: boolean;
}

export interface AnswerTurnDependencies {
  engine: AnswerEngine;
  rewriter: QuestionRewriter;
  topicPolicy: TopicPolicy;
}

const generalTeam: HandoffRouting = { skill: 'general', priority: 'normal' };

/**
 * One customer turn through the input guards, in order: personal data is
 * redacted first, so nothing downstream (storage, logs, a language model)
 * sees it; then an injection attempt (in any language), a language other than
 * English or Dutch, a request for a person and restricted topics may hand the
 * turn over before any retrieval. What passes
 * is rewritten to stand alone and decided by the answer engine.
 */
export function createAnswerTurn(dependencies: AnswerTurnDependencies) {
  return {
    async answer(request: TurnRequest): Promise<TurnOutcome> {
      const guards: GuardResult[] = [];
      const redacted = redactPii(request.text);
      guards.push(redacted.kinds.length === 0 ? { guard: 'pii', verdict: 'pass' } : { guard: 'pii', verdict: 'flag', details: { kinds: redacted.kinds } });
      const text = redacted.text;
      const turn = { redactedText: text, piiKinds: redacted.kinds };

      const language = detectLanguage(text, request.locale);
      const locale: Locale = language.locale === 'other' ? request.locale : language.locale;
      const languageGuard: GuardResult = { guard: 'language', verdict: language.locale === 'other' ? 'block' : 'pass', details: { detected: language.locale } };
      const stop = async (reason: ReasonCode, routing: HandoffRouting): Promise<TurnOutcome> => ({
        ...turn,
        locale,
        standaloneQuestion: text,
        fromCache: false,
        decision: 'handoff',
        handoff: routing,
        sentences: [],
        citations: [],
        confidence: 0,
        reasons: [reason],
        kbVersion: await dependencies.engine.knowledgeBaseVersion(),
        sourceLocale: locale,
        generator: 'none',
        retrieved: [],
        guards,
      });

      const injection = detectPromptInjection(text);
      guards.push(injection.detected ? { guard: 'prompt_injection', verdict: 'block', details: { signals: injection.signals } } : { guard: 'prompt_injection', verdict: 'pass' });
      if (injection.detected) return stop('prompt_injection', { skill: 'general', priority: 'low' });

      guards.push(languageGuard);
      if (language.locale === 'other') return stop('unsupported_language', generalTeam);

      const wantsPerson = detectHumanRequest(text, locale);
      guards.push({ guard: 'human_request', verdict: wantsPerson ? 'block' : 'pass' });
      if (wantsPerson) return stop('human_requested', generalTeam);

      const [topic] = matchRestrictedTopics(text, locale, dependencies.topicPolicy);
      guards.push(topic ? { guard: 'restricted_topic', verdict: 'block', details: { topic: topic.topic } } : { guard: 'restricted_topic', verdict: 'pass' });
      if (topic) return stop('restricted_topic', { skill: topic.skill, priority: topic.priority, topic: topic.topic });

      const question = withoutPiiPlaceholders(text);
      const standaloneQuestion = await dependencies.rewriter.rewrite({ question, previous: request.previousQuestion, locale });
      const outcome = await dependencies.engine.answer({ question: standaloneQuestion, locale });
      return {
        ...outcome,
        ...turn,
        locale,
        standaloneQuestion,
        guards: [...guards, ...outcome.guards],
        ...(outcome.decision === 'handoff' && !outcome.handoff ? { handoff: generalTeam } : {}),
      };
    },
  };
}

export type AnswerTurn = ReturnType<typeof createAnswerTurn>;
