import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  embeddingsInReverseOrder,
  embeddingsWithDimensions,
  fakeEmbedding,
  startFakeOpenAiServer,
  type FakeOpenAiServer,
} from '../test-support/fake-openai-server.js';
import { createOpenAiCompatibleEmbedder, type OpenAiCompatibleEmbedderOptions } from './openai-compatible-embedder.js';

const dimensions = 8;
const texts = ['parcel fee', 'letter postage', 'courier service', 'pickup points', 'returns'];

describe('OpenAI-compatible embedder', () => {
  let server: FakeOpenAiServer;
  const embedder = (overrides: Partial<OpenAiCompatibleEmbedderOptions> = {}) =>
    createOpenAiCompatibleEmbedder({
      baseUrl: server.baseUrl,
      apiKey: 'sk-test-key',
      model: 'test-embedding-model',
      dimensions,
      batchSize: 2,
      timeoutMs: 5_000,
      maxRetries: 0,
      ...overrides,
    });

  beforeEach(async () => {
    server = await startFakeOpenAiServer({ embeddingDimensions: dimensions });
  });
  afterEach(async () => {
    await server.close();
  });

  it('is identified by model and dimensions', () => {
    expect(embedder()).toMatchObject({ id: 'openai:test-embedding-model:8', dimensions: 8 });
  });

  it('sends the texts in batches of batchSize, with the model and the bearer key, and keeps their order', async () => {
    const vectors = await embedder().embed(texts);

    expect(vectors).toEqual(texts.map((text) => fakeEmbedding(text, dimensions)));
    expect(server.embeddingRequests()).toEqual([
      { model: 'test-embedding-model', input: ['parcel fee', 'letter postage'], dimensions: undefined, encodingFormat: 'float', authorization: 'Bearer sk-test-key' },
      { model: 'test-embedding-model', input: ['courier service', 'pickup points'], dimensions: undefined, encodingFormat: 'float', authorization: 'Bearer sk-test-key' },
      { model: 'test-embedding-model', input: ['returns'], dimensions: undefined, encodingFormat: 'float', authorization: 'Bearer sk-test-key' },
    ]);
  });

  it('puts vectors back in input order when the server answers out of index order', async () => {
    server.script('POST /v1/embeddings', { rewrite: embeddingsInReverseOrder }, { rewrite: embeddingsInReverseOrder });
    const vectors = await embedder({ batchSize: 3 }).embed(texts);
    expect(vectors).toEqual(texts.map((text) => fakeEmbedding(text, dimensions)));
  });

  it('asks for the dimensions only when told to', async () => {
    await embedder({ dimensions: 4, requestDimensions: true }).embed(['parcel fee']);
    expect(server.embeddingRequests()[0]?.dimensions).toBe(4);
  });

  it('sends no request for no texts', async () => {
    expect(await embedder().embed([])).toEqual([]);
    expect(server.requests).toEqual([]);
  });

  it('retries a server error and then succeeds', async () => {
    server.script('POST /v1/embeddings', { status: 500 });
    const vectors = await embedder({ maxRetries: 1 }).embed(['parcel fee']);
    expect(vectors).toEqual([fakeEmbedding('parcel fee', dimensions)]);
    expect(server.embeddingRequests().map((request) => request.input)).toEqual([['parcel fee'], ['parcel fee']]);
  });

  it('gives up with an error once the retries are used up', async () => {
    server.script('POST /v1/embeddings', { status: 500 }, { status: 503 }, { status: 500 });
    await expect(embedder({ maxRetries: 2 }).embed(['parcel fee'])).rejects.toMatchObject({
      name: 'EmbeddingProviderError',
      isRetryable: true,
      cause: expect.objectContaining({ status: 500 }),
    });
    expect(server.embeddingRequests()).toHaveLength(3);
  });

  it('does not retry a request the server refuses', async () => {
    server.script('POST /v1/embeddings', { status: 401 });
    await expect(embedder({ maxRetries: 2 }).embed(['parcel fee'])).rejects.toMatchObject({
      name: 'EmbeddingProviderError',
      isRetryable: false,
      cause: expect.objectContaining({ status: 401 }),
    });
    expect(server.embeddingRequests()).toHaveLength(1);
  });

  it('rejects a body that is not JSON', async () => {
    server.script('POST /v1/embeddings', { malformed: true });
    await expect(embedder().embed(['parcel fee'])).rejects.toThrow(/JSON/);
  });

  it('rejects a body that is not JSON with an error naming the embeddings endpoint', async () => {
    server.script('POST /v1/embeddings', { malformed: true });
    await expect(embedder().embed(['parcel fee'])).rejects.toThrow(/embeddings endpoint/i);
  });

  it('rejects JSON without the fields it needs, naming the field', async () => {
    server.script('POST /v1/embeddings', {
      rewrite: (payload) => ({ ...payload, data: [{ index: 0, embedding: 'not-a-vector' }] }),
    });
    await expect(embedder().embed(['parcel fee'])).rejects.toThrow(/embedding/);
  });

  it('rejects JSON of the wrong shape with an error naming the embeddings endpoint', async () => {
    server.script('POST /v1/embeddings', { rewrite: () => ({ error: 'busy' }) });
    await expect(embedder().embed(['parcel fee'])).rejects.toThrow(/embeddings endpoint/i);
  });

  it('rejects vectors of the wrong size, naming both sizes', async () => {
    server.script('POST /v1/embeddings', { rewrite: embeddingsWithDimensions(5) });
    await expect(embedder().embed(['parcel fee'])).rejects.toThrow(
      'The embeddings endpoint returned 5 dimensions; 8 are configured',
    );
  });

  it('rejects an answer with fewer vectors than texts', async () => {
    server.script('POST /v1/embeddings', { rewrite: (payload) => ({ ...payload, data: (payload.data as unknown[]).slice(0, 1) }) });
    await expect(embedder().embed(['parcel fee', 'letter postage'])).rejects.toThrow(
      'The embeddings endpoint returned 1 vectors for 2 texts',
    );
  });

  it('times out a slow server', async () => {
    server.script('POST /v1/embeddings', { delayMs: 5_000 });
    const started = performance.now();
    await expect(embedder({ timeoutMs: 200 }).embed(['parcel fee'])).rejects.toThrow(/timed out/i);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('retries after a timeout', async () => {
    server.script('POST /v1/embeddings', { delayMs: 5_000 });
    // The SDK waits its own backoff (about half a second) before the retry.
    const vectors = await embedder({ timeoutMs: 200, maxRetries: 1 }).embed(['parcel fee']);
    expect(vectors).toEqual([fakeEmbedding('parcel fee', dimensions)]);
    expect(server.embeddingRequests()).toHaveLength(2);
  });

  it('uses the injected fetch', async () => {
    const urls: string[] = [];
    const counting: typeof fetch = (input, init) => {
      urls.push(String(input instanceof Request ? input.url : input));
      return fetch(input, init);
    };
    await embedder({ fetch: counting }).embed(['parcel fee']);
    expect(urls).toEqual([`${server.baseUrl}/embeddings`]);
  });
});
