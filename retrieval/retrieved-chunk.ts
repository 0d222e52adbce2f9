/** A served chunk found for a question, with the scores that ranked it. */
export interface RetrievedChunk {
  chunkId: string;
  articleId: string;
  articleVersion: number;
  locale: string;
  /** True when the chunk is in the fallback locale, not the customer's: the answer must say so. */
  fallback: boolean;
  title: string;
  url: string;
  heading: string;
  text: string;
  /** Cosine similarity of question and chunk embeddings, 0..1 (0 when only full text found it). */
  vectorSimilarity: number;
  /** Normalised full-text rank, 0..1 (0 when only the vector search found it). */
  textRank: number;
  /** BM25 of the chunk for the question with knowledge-base term statistics (0 without them or without a shared term). */
  bm25: number;
  /** Reciprocal-rank-fusion score used for the final order. */
  score: number;
}
