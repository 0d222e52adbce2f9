import { describe, expect, it } from 'vitest';
import { bestWordedQuestion } from './best-worded-question.js';

describe('bestWordedQuestion', () => {
  it('prefers the wording without typos or shorthand, the first among equals', () => {
    const chosen = bestWordedQuestion([
      { question: 'how to get a safe deposit boxx', locale: 'en' },
      { question: 'do u have safety deposit boxes', locale: 'en' },
      { question: 'Can I rent a safe deposit box?', locale: 'en' },
      { question: 'Could I rent a safe deposit box?', locale: 'en' },
    ]);
    expect(chosen?.question).toBe('Can I rent a safe deposit box?');
  });

  it('reads Dutch questions against the Dutch word list', () => {
    expect(bestWordedQuestion([{ question: 'kan ik een eigen foto op mijn pas', locale: 'nl' }, { question: 'eigen fotoo op pas', locale: 'nl' }])?.question).toBe(
      'kan ik een eigen foto op mijn pas',
    );
  });

  it('has nothing to choose from an empty list', () => {
    expect(bestWordedQuestion([])).toBeUndefined();
  });
});
