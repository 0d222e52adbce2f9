import { describe, expect, it } from 'vitest';
import { createExtractiveGenerator } from './extractive-generator.js';
import type { GenerationRequest, Passage } from './generator.js';

const blockCard: Passage = {
  id: 'chunk-block',
  title: 'Report a lost or stolen card',
  heading: 'Block your card straight away',
  text:
    'Open the Lumen Bank app and go to Cards. Blocking a card in the app takes effect immediately. ' +
    'If you cannot use the app, call the card-blocking line on +31 20 555 0199.',
};

const packageFees: Passage = {
  id: 'chunk-fees',
  title: 'Package fees',
  heading: 'Monthly prices',
  text: 'Lumen Basic costs €3.25 per month. Lumen Plus costs €6.50 per month. You pay the fee at the start of the month.',
};

const savings: Passage = {
  id: 'chunk-savings',
  title: 'Savings accounts',
  heading: 'Interest',
  text: 'Lumen Flex Savings pays a variable interest rate. Interest is paid out every quarter.',
};

function request(question: string, passages: readonly Passage[] = [blockCard, packageFees, savings]): GenerationRequest {
  return { question, locale: 'en', passages };
}

describe('createExtractiveGenerator', () => {
  const generator = createExtractiveGenerator();

  it('identifies itself on every answer', async () => {
    expect(generator.id).toBe('extractive-v1');
    expect((await generator.generate(request('How do I block my card?'))).generator).toBe('extractive-v1');
  });

  it('quotes source sentences verbatim, each citing the passage it came from', async () => {
    const answer = await generator.generate(request('How do I block my card?'));
    expect(answer.sentences.length).toBeGreaterThan(0);
    for (const sentence of answer.sentences) {
      expect(blockCard.text).toContain(sentence.text);
      expect(sentence.citations).toEqual([blockCard.id]);
    }
  });

  it('quotes the sentence that covers the question best', async () => {
    const answer = await createExtractiveGenerator({ maxSentences: 1 }).generate(
      request('What does Lumen Plus cost per month?'),
    );
    expect(answer.sentences).toEqual([{ text: 'Lumen Plus costs €6.50 per month.', citations: [packageFees.id] }]);
  });

  it('cites the right passage when the answer is not in the first one', async () => {
    const answer = await generator.generate(request('How often is savings interest paid out?'));
    expect(answer.sentences).toContainEqual({ text: 'Interest is paid out every quarter.', citations: [savings.id] });
    expect(answer.sentences.every((sentence) => sentence.citations[0] === savings.id)).toBe(true);
  });

  it('keeps the order in which the source wrote its sentences', async () => {
    const answer = await generator.generate(request('What does Lumen Basic or Lumen Plus cost per month?'));
    const texts = answer.sentences.map((sentence) => sentence.text);
    expect(texts).toEqual(['Lumen Basic costs €3.25 per month.', 'Lumen Plus costs €6.50 per month.']);
  });

  it('returns no sentences and confidence 0 for a question made only of stopwords', async () => {
    expect(await generator.generate(request('How can I do this?'))).toEqual({
      sentences: [],
      confidence: 0,
      generator: 'extractive-v1',
    });
  });

  it('returns no sentences and confidence 0 when no sentence shares a term with the question', async () => {
    expect(await generator.generate(request('Is my mortgage insured against flooding?'))).toEqual({
      sentences: [],
      confidence: 0,
      generator: 'extractive-v1',
    });
  });

  it('returns no sentences when there are no passages', async () => {
    expect((await generator.generate(request('How do I block my card?', []))).sentences).toEqual([]);
  });

  it('gives as confidence the share of question terms found in the best passage, title and heading included', async () => {
    // "block" and "card" are in the passage; "abroad" is not.
    const answer = await generator.generate(request('Can I block my card abroad?', [blockCard]));
    expect(answer.confidence).toBeCloseTo(2 / 3, 10);
  });

  it('gives confidence 1 when the best passage holds every question term', async () => {
    expect((await generator.generate(request('What does Lumen Plus cost per month?'))).confidence).toBe(1);
  });

  it('quotes no more sentences than maxSentences', async () => {
    const question = 'What does Lumen Basic or Lumen Plus cost per month?';
    expect((await createExtractiveGenerator({ maxSentences: 1 }).generate(request(question))).sentences).toHaveLength(1);
    expect((await createExtractiveGenerator({ maxSentences: 3 }).generate(request(question))).sentences).toHaveLength(2);
  });

  it('leaves out a sentence that would take the answer past maxCharacters', async () => {
    const question = 'What does Lumen Basic or Lumen Plus cost per month?';
    const both = 'Lumen Basic costs €3.25 per month. Lumen Plus costs €6.50 per month.'.length;
    const roomy = await createExtractiveGenerator({ maxCharacters: both }).generate(request(question));
    const tight = await createExtractiveGenerator({ maxCharacters: both - 1 }).generate(request(question));
    expect(roomy.sentences).toHaveLength(2);
    expect(tight.sentences).toHaveLength(1);
  });

  it('gives the best sentence whole even when it alone exceeds maxCharacters', async () => {
    const answer = await createExtractiveGenerator({ maxCharacters: 20, maxSentences: 0 }).generate(request('How do I block my card?'));
    expect(answer.sentences).toHaveLength(1);
    expect(answer.sentences[0]?.text.length).toBeGreaterThan(20);
  });

  it('answers a Dutch question with Dutch stopwords and stems', async () => {
    const dutch: Passage = {
      id: 'chunk-nl',
      title: 'Betaalpas blokkeren',
      heading: 'Direct blokkeren',
      text: 'Open de app en kies Kaarten. Het blokkeren van je betaalpas gaat direct in.',
    };
    const answer = await generator.generate({ question: 'Hoe kan ik mijn betaalpas blokkeren?', locale: 'nl', passages: [dutch] });
    expect(answer.sentences).toEqual([
      { text: 'Het blokkeren van je betaalpas gaat direct in.', citations: ['chunk-nl'] },
    ]);
  });
});
