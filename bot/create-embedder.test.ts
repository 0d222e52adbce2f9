import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeEmbedding, startFakeOpenAiServer, type FakeOpenAiServer } from '../test-support/fake-openai-server.js';
import { loadConfig } from './config.js';
import { createEmbedder } from './create-embedder.js';

describe('createEmbedder', () => {
  it('is the local embedder by default', async () => {
    const embedder = createEmbedder(loadConfig({}));
    expect(embedder).toMatchObject({ id: 'local-hash-v1-384', dimensions: 384 });
    const [vector] = await embedder.embed(['parcel fee']);
    expect(vector).toHaveLength(384);
  });

  it('gives the local embedder the configured dimensions', () => {
    expect(createEmbedder(loadConfig({ EMBEDDING_DIMENSIONS: '128' }))).toMatchObject({ id: 'local-hash-v1-128', dimensions: 128 });
  });

  it('is the OpenAI default model at 1536 dimensions when only an API key is given', () => {
    const embedder = createEmbedder(loadConfig({ EMBEDDER: 'openai', OPENAI_API_KEY: 'sk-test-key' }));
    expect(embedder).toMatchObject({ id: 'openai:text-embedding-3-small:1536', dimensions: 1536 });
  });

  describe('with EMBEDDER=openai and a server', () => {
    let server: FakeOpenAiServer;
    beforeEach(async () => {
      server = await startFakeOpenAiServer({ embeddingDimensions: 16 });
    });
    afterEach(async () => {
      await server.close();
    });
    const openAiEnvironment = () => ({
      EMBEDDER: 'openai',
      OPENAI_BASE_URL: server.baseUrl,
      OPENAI_API_KEY: 'sk-test-key',
      OPENAI_EMBEDDING_MODEL: 'test-embedding-model',
      EMBEDDING_DIMENSIONS: '16',
      EMBEDDING_BATCH_SIZE: '2',
    });

    it('embeds through the configured server, model, key and batch size', async () => {
      const embedder = createEmbedder(loadConfig(openAiEnvironment()));
      expect(embedder).toMatchObject({ id: 'openai:test-embedding-model:16', dimensions: 16 });

      const texts = ['parcel fee', 'letter postage', 'courier service'];
      expect(await embedder.embed(texts)).toEqual(texts.map((text) => fakeEmbedding(text, 16)));
      expect(server.embeddingRequests().map(({ model, input, authorization }) => ({ model, batch: input.length, authorization }))).toEqual([
        { model: 'test-embedding-model', batch: 2, authorization: 'Bearer sk-test-key' },
        { model: 'test-embedding-model', batch: 1, authorization: 'Bearer sk-test-key' },
      ]);
    });

    it('works with a server that takes no key', async () => {
      const { OPENAI_API_KEY: _key, ...withoutKey } = openAiEnvironment();
      await createEmbedder(loadConfig(withoutKey)).embed(['parcel fee']);
      expect(server.embeddingRequests()[0]?.authorization).toBe('Bearer not-needed');
    });

    it('applies the configured retries', async () => {
      server.script('POST /v1/embeddings', { status: 500 }, { status: 500 });
      const embedder = createEmbedder(loadConfig({ ...openAiEnvironment(), EMBEDDING_MAX_RETRIES: '1' }));
      await expect(embedder.embed(['parcel fee'])).rejects.toMatchObject({ cause: expect.objectContaining({ status: 500 }) });
      expect(server.embeddingRequests()).toHaveLength(2);
    });

    it('fetches with the given fetch', async () => {
      let calls = 0;
      const counting: typeof fetch = (input, init) => {
        calls += 1;
        return fetch(input, init);
      };
      await createEmbedder(loadConfig(openAiEnvironment()), counting).embed(['parcel fee']);
      expect(calls).toBe(1);
    });
  });
});
