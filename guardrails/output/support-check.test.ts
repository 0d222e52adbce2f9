import { describe, expect, it } from 'vitest';
import { checkSupport, supportScore } from './support-check.js';

const passages = new Map([
  ['p1', 'A replacement card costs €7.50 and arrives within 5 working days. We do not charge for a card that expired.'],
  ['p2', 'U kunt uw pas blokkeren in de app. Wij rekenen geen kosten voor een nieuwe pas.'],
]);

describe('supportScore', () => {
  it('is 1 for a sentence quoted from its source', () => {
    expect(supportScore('A replacement card costs €7.50.', passages.get('p1') ?? '', 'en')).toBe(1);
  });

  it('falls with every content word the source does not carry', () => {
    const score = supportScore('A replacement card costs €7.50 and includes free travel insurance.', passages.get('p1') ?? '', 'en');
    expect(score).toBeGreaterThan(0);
    expect(score).toBeLessThan(0.7);
  });

  it('is 0 when the sentence negates and the source does not', () => {
    expect(supportScore('A replacement card does not cost anything.', 'A replacement card costs €7.50.', 'en')).toBe(0);
    expect(supportScore('U kunt uw pas niet blokkeren in de app.', 'U kunt uw pas blokkeren in de app.', 'nl')).toBe(0);
  });

  it('is 0 for a sentence without content words', () => {
    expect(supportScore('Yes, of course!', passages.get('p1') ?? '', 'en')).toBe(0);
  });
});

describe('checkSupport', () => {
  it('keeps supported sentences with their score and drops unsupported ones', () => {
    const result = checkSupport(
      [
        { text: 'A replacement card arrives within 5 working days.', citations: ['p1'] },
        { text: 'Lumen Bank refunds every disputed purchase immediately.', citations: ['p1'] },
        { text: 'U kunt uw pas blokkeren in de app.', citations: ['p2'] },
      ],
      passages,
      'en',
    );
    expect(result.kept.map((sentence) => [sentence.text, sentence.support])).toEqual([
      ['A replacement card arrives within 5 working days.', 1],
      ['U kunt uw pas blokkeren in de app.', 1],
    ]);
    expect(result.dropped.map((sentence) => sentence.text)).toEqual(['Lumen Bank refunds every disputed purchase immediately.']);
  });

  it('judges a sentence only against the passages it cites', () => {
    const result = checkSupport([{ text: 'U kunt uw pas blokkeren in de app.', citations: ['p1'] }], passages, 'nl');
    expect(result.kept).toEqual([]);
  });
});
