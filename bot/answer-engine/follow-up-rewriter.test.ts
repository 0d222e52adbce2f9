import { describe, expect, it } from 'vitest';
import { createHeuristicRewriter, isFollowUp } from './follow-up-rewriter.js';

describe('isFollowUp', () => {
  it.each([
    ['and for Dutch cards?', 'en'],
    ['what about abroad?', 'en'],
    ['how much does it cost?', 'en'],
    ['can I do that in the app?', 'en'],
    ['en voor een creditcard?', 'nl'],
    ['wat kost dat?', 'nl'],
    ['hoe zit het met het buitenland?', 'nl'],
  ] as const)('%s is a follow-up', (question, locale) => {
    expect(isFollowUp(question, locale)).toBe(true);
  });

  it.each([
    ['How much does a replacement card cost?', 'en'],
    ['my card was stolen, how do I block it in the app today', 'en'],
    ['What are your opening hours on Sunday?', 'en'],
    ['Hoeveel kost een nieuwe pas?', 'nl'],
  ] as const)('%s stands on its own', (question, locale) => {
    expect(isFollowUp(question, locale)).toBe(false);
  });
});

describe('the heuristic rewriter', () => {
  const rewriter = createHeuristicRewriter();

  it('reads a follow-up together with the previous question', async () => {
    await expect(
      rewriter.rewrite({ question: 'and for Dutch cards?', previous: 'How much does a replacement card cost?', locale: 'en' }),
    ).resolves.toBe('How much does a replacement card cost? and for Dutch cards?');
  });

  it('leaves a standalone question and a first question alone', async () => {
    await expect(
      rewriter.rewrite({ question: 'What are your opening hours?', previous: 'How much does a card cost?', locale: 'en' }),
    ).resolves.toBe('What are your opening hours?');
    await expect(rewriter.rewrite({ question: 'and for Dutch cards?', previous: undefined, locale: 'en' })).resolves.toBe(
      'and for Dutch cards?',
    );
  });
});
