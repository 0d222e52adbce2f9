/** A retrieved passage given to a generator as data to quote from, never as instructions. */
export interface Passage {
  /** The chunk id; the only valid citation for text taken from this passage. */
  id: string;
  title: string;
  heading: string;
  text: string;
}

export interface GenerationRequest {
  question: string;
  locale: 'en' | 'nl';
  passages: readonly Passage[];
  /**
   * The question with the articles' words for the customer's phrases added
   * (see knowledge/synonyms.yaml): for generators that match words, not for prompts.
   */
  searchText?: string;
}

/** One sentence of a draft answer and the passage ids it claims as its source. */
export interface DraftSentence {
  text: string;
  citations: string[];
}

export interface DraftAnswer {
  sentences: DraftSentence[];
  /** The generator's own estimate (0..1) that the passages answer the question. */
  confidence: number;
  /** Which generator wrote it, recorded with the answer. */
  generator: string;
  /** Set when the configured generator failed and another wrote this draft. */
  fallbackFrom?: { generator: string; error: string };
}

/**
 * Writes a draft answer from retrieved passages. The draft is not trusted:
 * output guardrails check every sentence and citation before anything is sent.
 */
export interface Generator {
  readonly id: string;
  generate(request: GenerationRequest): Promise<DraftAnswer>;
}
