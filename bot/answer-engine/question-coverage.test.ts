import { describe, expect, it } from 'vitest';
import { questionCoverage } from './question-coverage.js';

const chunk = (text: string) => ({ title: 'Contact', heading: 'Write to us', text, locale: 'en' });

describe('question coverage', () => {
  it('is the share of the question the cited text speaks about', () => {
    expect(questionCoverage('card blocked', 'en', [chunk('Your card is blocked after three attempts.')])).toBe(1);
    expect(questionCoverage('card mortgage', 'en', [chunk('Your card is blocked after three attempts.')])).toBe(0.5);
  });

  it('counts a hyphenated article word in its joined spelling', () => {
    expect(questionCoverage('email address', 'en', [chunk('Send us an e-mail at the address below.')])).toBe(1);
  });

  it('leaves out chat words that name no need', () => {
    expect(questionCoverage('card blocked pls asap', 'en', [chunk('Your card is blocked after three attempts.')])).toBe(1);
  });
});
