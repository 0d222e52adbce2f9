import OpenAI from 'openai';
import { z } from 'zod';
import type { Embedder } from './embedder.js';
import { EmbeddingProviderError } from './embedding-provider-error.js';

export interface OpenAiCompatibleEmbedderOptions {
  /** Any OpenAI-compatible server: OpenAI, Azure OpenAI, Ollama, vLLM, a local fake in tests. */
  baseUrl?: string;
  apiKey: string;
  model: string;
  /** Vector size. Sent to the server only when `requestDimensions` is true (models that support shortening). */
  dimensions: number;
  requestDimensions?: boolean;
  batchSize: number;
  timeoutMs: number;
  maxRetries: number;
  fetch?: typeof fetch;
}

// Only the fields used; the server is a trust boundary.
const embeddingResponseSchema = z.object({
  data: z.array(z.object({ index: z.number().int().nonnegative(), embedding: z.array(z.number()) })),
});

/** Embeddings from an OpenAI-compatible `/embeddings` endpoint, in batches, with a timeout and bounded retries. */
export function createOpenAiCompatibleEmbedder(options: OpenAiCompatibleEmbedderOptions): Embedder {
  const client = new OpenAI({
    apiKey: options.apiKey,
    ...(options.baseUrl === undefined ? {} : { baseURL: options.baseUrl }),
    timeout: options.timeoutMs,
    maxRetries: options.maxRetries,
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  });
  return {
    id: `openai:${options.model}:${options.dimensions}`,
    dimensions: options.dimensions,
    async embed(texts) {
      const vectors: number[][] = [];
      for (let start = 0; start < texts.length; start += options.batchSize) {
        const batch = texts.slice(start, start + options.batchSize);
        let raw: unknown;
        try {
          raw = await client.embeddings.create({
            model: options.model,
            input: [...batch],
            encoding_format: 'float',
            ...(options.requestDimensions ? { dimensions: options.dimensions } : {}),
          });
        } catch (error) {
          // The client has already retried what is worth retrying.
          const status = (error as { status?: unknown }).status;
          const reason = error instanceof SyntaxError ? 'a body that is not JSON' : (error as Error).message;
          throw new EmbeddingProviderError(
            `The embeddings endpoint (model ${options.model}) failed: ${reason}`,
            typeof status !== 'number' || status === 429 || status >= 500,
            { cause: error },
          );
        }
        const parsed = embeddingResponseSchema.safeParse(raw);
        if (!parsed.success) {
          const problem = parsed.error.issues[0];
          throw new EmbeddingProviderError(
            `The embeddings endpoint (model ${options.model}) returned an unexpected response: ` +
              `${problem?.path.join('.') || 'body'} ${problem?.message ?? 'is invalid'}`,
            false,
          );
        }
        const response = parsed.data;
        const ordered = [...response.data].sort((left, right) => left.index - right.index);
        if (ordered.length !== batch.length) {
          throw new Error(`The embeddings endpoint returned ${ordered.length} vectors for ${batch.length} texts`);
        }
        for (const item of ordered) {
          if (item.embedding.length !== options.dimensions) {
            throw new Error(
              `The embeddings endpoint returned ${item.embedding.length} dimensions; ${options.dimensions} are configured`,
            );
          }
          vectors.push(item.embedding);
        }
      }
      return vectors;
    },
  };
}
