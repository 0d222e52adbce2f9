import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PgliteDb } from '../../db/pglite-db.js';
import { knowledgeBaseVersion } from '../../retrieval/knowledge-store.js';
import { saveArticleVersion } from '../../test-support/save-article-version.js';
import { createLocalHashEmbedder } from '../../retrieval/local-hash-embedder.js';
import { articleFixture, type ArticleFixture } from '../../test-support/article-fixture.js';
import { createTestDb } from '../../test-support/test-db.js';
import { createAnswerEngine } from './answer-engine.js';
import { createDecisionCache } from './decision-cache.js';
import { createExtractiveGenerator } from './extractive-generator.js';
import type { Generator } from './generator.js';

const embedder = createLocalHashEmbedder();

const parcelFee: ArticleFixture = {
  id: 'parcel-fee',
  title: 'Parcel delivery fee',
  body: '## What it costs\n\nA parcel delivery costs €4.95 per parcel. Parcels arrive within 2 working days.',
};

describe('answer engine', () => {
  let db: PgliteDb;
  const save = (fixture: ArticleFixture) =>
    saveArticleVersion(db, embedder, articleFixture(fixture), { actor: 'system:test' });
  const engine = (generator: Generator = createExtractiveGenerator()) => createAnswerEngine({ db, embedder, generator });

  beforeEach(async () => {
    db = await createTestDb();
  });
  afterEach(async () => {
    await db.close();
  });

  it('answers from an approved article, citing it', async () => {
    await save(parcelFee);
    const outcome = await engine().answer({ question: 'How much is the parcel delivery fee?', locale: 'en' });
    expect(outcome.decision).toBe('answer');
    expect(outcome.sentences[0]?.text).toBe('A parcel delivery costs €4.95 per parcel.');
    expect(outcome.citations).toEqual([{ articleId: 'parcel-fee', title: 'Parcel delivery fee', url: 'https://help.example/en/parcel-fee' }]);
    expect(outcome.sentences.every((sentence) => sentence.chunkIds.every((id) => outcome.retrieved.some((chunk) => chunk.chunkId === id)))).toBe(true);
  });

  it.each([
    ['draft', { status: 'draft' as const }],
    ['in review', { status: 'in_review' as const }],
    ['retired', { status: 'retired' as const }],
    ['expired', { validUntil: '2020-12-31' }],
  ])('never serves a %s article, however well it matches', async (_label, overrides) => {
    await save({ ...parcelFee, ...overrides });
    const outcome = await engine().answer({ question: 'How much is the parcel delivery fee?', locale: 'en' });
    expect(outcome.decision).toBe('handoff');
    expect(outcome.retrieved).toEqual([]);
  });

  it('serves the approved version while a newer draft is being written, and stops when retired', async () => {
    await save(parcelFee);
    await save({ ...parcelFee, version: 2, status: 'draft', body: parcelFee.body.replace('€4.95', '€9.95') });
    const whileDraft = await engine().answer({ question: 'How much is the parcel delivery fee?', locale: 'en' });
    expect(whileDraft.sentences[0]?.text).toContain('€4.95');

    await save({ ...parcelFee, version: 3, status: 'retired' });
    const afterRetirement = await engine().answer({ question: 'How much is the parcel delivery fee?', locale: 'en' });
    expect(afterRetirement.decision).toBe('handoff');
  });

  it('only retrieves articles in the customer locale', async () => {
    await save({ ...parcelFee, id: 'pakketkosten', locale: 'nl', title: 'Kosten pakketbezorging', body: '## Kosten\n\nEen pakket bezorgen kost €4,95 per pakket.' });
    const outcome = await engine().answer({ question: 'How much is the parcel delivery fee?', locale: 'en' });
    expect(outcome.decision).toBe('handoff');
    expect(outcome.reasons).toEqual(['no_sources']);
  });

  it('hands off a question its sources do not cover, with a reason', async () => {
    await save(parcelFee);
    const outcome = await engine().answer({ question: 'What is the capital of Mongolia?', locale: 'en' });
    expect(outcome).toMatchObject({ decision: 'handoff', sentences: [], citations: [] });
    expect(outcome.reasons.length).toBeGreaterThan(0);
  });

  it('asks what the customer needs when a message has nothing to look up', async () => {
    const outcome = await engine().answer({ question: 'Hi there, thanks!', locale: 'en' });
    expect(outcome).toMatchObject({ decision: 'clarify', reasons: ['unclear_question'] });
    expect(outcome.clarifyingQuestion).toMatch(/What would you like to know\?/);
  });

  it('drops sentences citing passages that were not retrieved, and figures their source lacks', async () => {
    await save(parcelFee);
    const inventive: Generator = {
      id: 'inventive',
      async generate(request) {
        const passage = request.passages[0];
        return {
          generator: 'inventive',
          confidence: 1,
          sentences: [
            { text: 'Refunds are always given within 90 days.', citations: ['made-up-chunk'] },
            { text: 'A parcel delivery costs €1.00 per parcel.', citations: [passage?.id ?? ''] },
            { text: 'Parcels arrive within 2 working days.', citations: [passage?.id ?? ''] },
          ],
        };
      },
    };
    const outcome = await engine(inventive).answer({ question: 'How much is the parcel delivery fee?', locale: 'en' });
    expect(outcome.decision).toBe('answer');
    expect(outcome.sentences.map((sentence) => sentence.text)).toEqual(['Parcels arrive within 2 working days.']);
    expect(outcome.reasons).toEqual(['uncited_sentence_dropped', 'unsupported_figure_dropped']);
  });

  it('hands off when the guards leave nothing to say', async () => {
    await save(parcelFee);
    const uncited: Generator = {
      id: 'uncited',
      generate: async () => ({ generator: 'uncited', confidence: 1, sentences: [{ text: 'Trust me.', citations: [] }] }),
    };
    const outcome = await engine(uncited).answer({ question: 'How much is the parcel delivery fee?', locale: 'en' });
    expect(outcome).toMatchObject({ decision: 'handoff', reasons: ['uncited_sentence_dropped', 'no_supported_sentence'] });
  });

  it('records which knowledge-base version an answer came from; the version changes with served content', async () => {
    const empty = await knowledgeBaseVersion(db);
    await save(parcelFee);
    const withParcels = await knowledgeBaseVersion(db);
    await save({ ...parcelFee, version: 2, status: 'draft', body: `${parcelFee.body}\n\nDraft text.` });
    expect(await knowledgeBaseVersion(db)).toBe(withParcels);
    expect(withParcels).not.toBe(empty);
    const outcome = await engine().answer({ question: 'How much is the parcel delivery fee?', locale: 'en' });
    expect(outcome.kbVersion).toBe(withParcels);
  });

  it('decides a question once per knowledge-base version: the same words in another form get the cached decision', async () => {
    await save(parcelFee);
    let generated = 0;
    const counting: Generator = {
      id: 'counting',
      async generate(request) {
        generated += 1;
        return createExtractiveGenerator().generate(request);
      },
    };
    const cached = createAnswerEngine({ db, embedder, generator: counting, decisionCache: createDecisionCache(db) });
    const first = await cached.answer({ question: 'How much is the parcel delivery fee?', locale: 'en' });
    const again = await cached.answer({ question: '  how much is the PARCEL delivery fee ', locale: 'en' });
    expect(first.fromCache).toBe(false);
    expect(again.fromCache).toBe(true);
    expect({ ...again, fromCache: false }).toEqual(first);
    expect(generated).toBe(1);

    await save({ ...parcelFee, version: 2, body: parcelFee.body.replace('€4.95', '€5.25') });
    const afterChange = await cached.answer({ question: 'How much is the parcel delivery fee?', locale: 'en' });
    expect(afterChange.fromCache).toBe(false);
    expect(afterChange.sentences[0]?.text).toContain('€5.25');
    expect(generated).toBe(2);
  });
});
