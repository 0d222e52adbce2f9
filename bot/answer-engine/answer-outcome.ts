/** Why a turn was handed to a person or clarified, or why content was removed from an answer. */
export type ReasonCode =
  // The question itself
  | 'unclear_question'
  | 'ambiguous_question'
  | 'unsupported_language'
  | 'prompt_injection'
  | 'restricted_topic'
  | 'human_requested'
  | 'repeated_clarification'
  // What the knowledge base has
  | 'no_sources'
  | 'not_covered'
  | 'low_confidence'
  | 'passage_injection_dropped'
  // What the generator wrote
  | 'generator_fallback'
  | 'no_supported_sentence'
  | 'uncited_sentence_dropped'
  | 'unsupported_sentence_dropped'
  | 'unsupported_figure_dropped'
  | 'system_prompt_leak_dropped'
  | 'personal_data_dropped';

export type Decision = 'answer' | 'clarify' | 'handoff';
export type Priority = 'urgent' | 'high' | 'normal' | 'low';

/** An article an answer relies on, as a customer may open it. */
export interface Citation {
  articleId: string;
  title: string;
  url: string;
}

export interface AnswerSentence {
  text: string;
  /** Chunk ids the sentence was taken from. */
  chunkIds: string[];
  /** Share (0..1) of the sentence's words its cited chunks carry. */
  support: number;
}

/** Who should take a handed-off conversation, from the topic policy. */
export interface HandoffRouting {
  skill: string;
  priority: Priority;
  /** The restricted topic that matched, when one did. */
  topic?: string;
}

/** What one guard found; every guard's result is recorded with the decision. */
export interface GuardResult {
  guard: string;
  /** `pass`: nothing found; `flag`: something found and dealt with (e.g. redacted, dropped); `block`: the turn stops here. */
  verdict: 'pass' | 'flag' | 'block';
  /** What was found, without customer text: kinds, counts, topic ids, signals. */
  details?: Record<string, unknown>;
}

/** A retrieved chunk as recorded: ids and the scores that ranked it. */
export interface RetrievedRecord {
  chunkId: string;
  articleId: string;
  score: number;
  vectorSimilarity: number;
  textRank: number;
  bm25: number;
}

/** The channel-agnostic result of one question: the same for every channel. */
export interface AnswerOutcome {
  decision: Decision;
  /** Empty unless the decision is `answer`. */
  sentences: AnswerSentence[];
  citations: Citation[];
  /** For `clarify`: the one short question to ask the customer. */
  clarifyingQuestion?: string;
  /** For `handoff`: where the conversation should go. */
  handoff?: HandoffRouting;
  confidence: number;
  reasons: ReasonCode[];
  kbVersion: string;
  /** Locale of the cited articles; differs from the customer's when only another language had an answer. */
  sourceLocale: string;
  generator: string;
  retrieved: RetrievedRecord[];
  guards: GuardResult[];
}
