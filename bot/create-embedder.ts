import type { Embedder } from '../retrieval/embedder.js';
import { createLocalHashEmbedder } from '../retrieval/local-hash-embedder.js';
import { createOpenAiCompatibleEmbedder } from '../retrieval/openai-compatible-embedder.js';
import type { Config } from './config.js';

/** The configured embedder: the local default, or an OpenAI-compatible endpoint. */
export function createEmbedder(config: Pick<Config, 'embedding'>, fetchImplementation?: typeof fetch): Embedder {
  const settings = config.embedding;
  if (settings.provider === 'local') return createLocalHashEmbedder({ dimensions: settings.dimensions });
  return createOpenAiCompatibleEmbedder({
    ...(settings.baseUrl === undefined ? {} : { baseUrl: settings.baseUrl }),
    // Servers such as Ollama take no key, but the client insists on one.
    apiKey: settings.apiKey ?? 'not-needed',
    model: settings.model,
    dimensions: settings.dimensions,
    batchSize: settings.batchSize,
    timeoutMs: settings.timeoutMs,
    maxRetries: settings.maxRetries,
    ...(fetchImplementation === undefined ? {} : { fetch: fetchImplementation }),
  });
}
