import { describe, expect, it } from 'vitest';
import { normalizeGapQuestions } from './normalize-gap-questions.js';

describe('normalizeGapQuestions', () => {
  it('corrects a typo to the spelling the other questions use, and leaves real words alone', () => {
    const normalized = normalizeGapQuestions([
      { text: 'Business acount for a sole trader', locale: 'en' },
      { text: 'Can I open a business account?', locale: 'en' },
      { text: 'Is there a stock account?', locale: 'en' },
    ]);
    expect(normalized[0]).toBe('business account for a sole trader');
    expect(normalized[2]).toContain('stock');
  });

  it('drops redaction placeholders and filler words, and adds the parts of a compound the others use', () => {
    const normalized = normalizeGapQuestions([
      { text: 'Hulp bij belastingaangifte, bel [phone] pls', locale: 'nl' },
      { text: 'belasting aangifte doen', locale: 'nl' },
    ]);
    expect(normalized[0]).toBe('hulp bij belastingaangifte belasting aangifte bel');
  });
});
