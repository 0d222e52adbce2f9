/**
 * Turns texts into vectors for similarity search. Chunks embedded by one
 * embedder are only ever compared with queries embedded by the same one,
 * which is why it has a stable `id`.
 */
export interface Embedder {
  /** Stable identifier of the model and its settings, stored beside every vector. */
  readonly id: string;
  /** Length of every vector this embedder returns. */
  readonly dimensions: number;
  /** One vector per text, in the same order. */
  embed(texts: readonly string[]): Promise<number[][]>;
}
