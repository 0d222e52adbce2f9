import { describe, expect, it } from 'vitest';
import { createLocalHashEmbedder } from './local-hash-embedder.js';

function cosine(left: readonly number[], right: readonly number[]): number {
  return left.reduce((sum, value, index) => sum + value * (right[index] ?? 0), 0);
}

function length(vector: readonly number[]): number {
  return Math.sqrt(cosine(vector, vector));
}

async function embedOne(text: string, dimensions?: number): Promise<number[]> {
  const [vector] = await createLocalHashEmbedder(dimensions === undefined ? {} : { dimensions }).embed([text]);
  if (!vector) throw new Error('the embedder returned no vector');
  return vector;
}

describe('createLocalHashEmbedder', () => {
  it('has 384 dimensions and a stable id by default', () => {
    const embedder = createLocalHashEmbedder();
    expect(embedder.dimensions).toBe(384);
    expect(embedder.id).toBe('local-hash-v1-384');
  });

  it('honours the requested dimensions in its id and vectors', async () => {
    const embedder = createLocalHashEmbedder({ dimensions: 64 });
    const [vector] = await embedder.embed(['Report a lost card']);
    expect(embedder.id).toBe('local-hash-v1-64');
    expect(vector).toHaveLength(64);
  });

  it('returns one vector per text, in order', async () => {
    const embedder = createLocalHashEmbedder();
    const [first, second] = await embedder.embed(['lost card', 'savings account']);
    expect(first).toEqual(await embedOne('lost card'));
    expect(second).toEqual(await embedOne('savings account'));
  });

  it('gives the same vector for the same text across instances', async () => {
    expect(await embedOne('How do I block my card?')).toEqual(await embedOne('How do I block my card?'));
  });

  it('returns unit-length vectors', async () => {
    for (const text of ['card', 'How do I block my lost card?', 'Hoe blokkeer ik mijn betaalpas?']) {
      expect(length(await embedOne(text))).toBeCloseTo(1, 10);
    }
  });

  it('places a paraphrase closer than an unrelated text', async () => {
    const question = await embedOne('How do I block my lost card?');
    const paraphrase = await embedOne('Blocking a card that was lost or stolen');
    const unrelated = await embedOne('Open a savings account for your children');
    expect(cosine(question, paraphrase)).toBeGreaterThan(cosine(question, unrelated));
  });

  it('places a misspelt question closer than an unrelated text', async () => {
    const correct = await embedOne('How do I unblock my blocked card?');
    const typo = await embedOne('How do I unblock my blokced card?');
    const unrelated = await embedOne('How do I change my mortgage interest rate?');
    expect(cosine(correct, typo)).toBeGreaterThan(cosine(correct, unrelated));
  });

  it('gives a zero vector, not NaN, for empty or stopword-only text', async () => {
    for (const text of ['', 'how can I do this?']) {
      const vector = await embedOne(text);
      expect(vector).toHaveLength(384);
      expect(vector.every((value) => value === 0)).toBe(true);
    }
  });
});
