/** Why a turn was handed to a person, or why content was removed from an answer. */
export type ReasonCode =
  | 'unclear_question'
  | 'no_sources'
  | 'not_covered'
  | 'low_confidence'
  | 'no_supported_sentence'
  | 'uncited_sentence_dropped'
  | 'unsupported_figure_dropped';

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
}

/** The channel-agnostic result of one question: the same for every channel. */
export interface AnswerOutcome {
  decision: 'answer' | 'handoff';
  /** Empty when the decision is a handoff. */
  sentences: AnswerSentence[];
  citations: Citation[];
  confidence: number;
  reasons: ReasonCode[];
  kbVersion: string;
  /** Locale of the cited articles; differs from the customer's when only another language had an answer. */
  sourceLocale: string;
  generator: string;
  retrievedChunkIds: string[];
}
