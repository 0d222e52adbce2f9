import { describe, expect, it } from 'vitest';
import { checkFiguresInCitedText, extractFigures } from './figures-in-cited-text.js';

const passages = new Map([
  ['fees', 'Lumen Basic costs €3.25 per month. A replacement card for a lost card costs €7.50.'],
  ['contact', 'Call us on +31 20 555 0100, Monday to Friday from 08:00 to 20:00. See https://help.lumenbank.example/en/contact.'],
  ['changes', 'The new fees apply from 2026-09-30. Read more in [our fee overview](https://help.lumenbank.example/en/fees).'],
]);

function check(text: string, citations: string[]) {
  return checkFiguresInCitedText([{ text, citations }], passages);
}

describe('extractFigures', () => {
  it('finds amounts, times, dates and URLs', () => {
    expect(extractFigures('Pay €3.25 before 14:00 on 2026-09-30, see https://help.example/fees.')).toEqual([
      '3.25',
      '14:00',
      '2026-09-30',
      'help.example/fees',
    ]);
  });

  it('joins the groups of a phone number written with spaces', () => {
    expect(extractFigures('Call +31 20 555 0100.')).toEqual(['31205550100']);
    expect(extractFigures('Call +31\u00a020\u00a0555\u00a00100.')).toEqual(['31205550100']);
  });

  it('reads a decimal comma as a decimal point', () => {
    expect(extractFigures('Het kost €3,25.')).toEqual(extractFigures('It costs €3.25.'));
  });

  it('finds single digits', () => {
    expect(extractFigures('Within 3 working days.')).toEqual(['3']);
  });

  it('finds nothing in text without figures', () => {
    expect(extractFigures('Block your card in the app.')).toEqual([]);
  });
});

describe('checkFiguresInCitedText', () => {
  it('keeps a sentence whose amount appears in its cited passage', () => {
    expect(check('Lumen Basic costs €3.25 per month.', ['fees']).kept).toHaveLength(1);
  });

  it('drops a sentence whose amount is not in its cited passage', () => {
    const result = check('Lumen Basic costs €3.50 per month.', ['fees']);
    expect(result).toEqual({ kept: [], dropped: [{ text: 'Lumen Basic costs €3.50 per month.', citations: ['fees'] }] });
  });

  it('does not accept an amount that only appears inside a longer number', () => {
    const result = checkFiguresInCitedText([{ text: 'It costs €3.25.', citations: ['a'] }], new Map([['a', 'It costs €13.25.']]));
    expect(result.dropped).toHaveLength(1);
  });

  it('accepts the same amount written with a decimal comma', () => {
    expect(check('Lumen Basic kost €3,25 per maand.', ['fees']).kept).toHaveLength(1);
  });

  it('keeps a sentence with a phone number grouped differently from its passage', () => {
    expect(check('Call +31 20 5550100 for help.', ['contact']).kept).toHaveLength(1);
  });

  it('drops a sentence with a phone number that differs from its passage', () => {
    expect(check('Call +31 20 555 0199 for help.', ['contact']).dropped).toHaveLength(1);
  });

  it('checks times', () => {
    expect(check('We are open from 08:00 to 20:00.', ['contact']).kept).toHaveLength(1);
    expect(check('We are open from 08:00 to 22:00.', ['contact']).dropped).toHaveLength(1);
  });

  it('checks dates', () => {
    expect(check('The new fees apply from 2026-09-30.', ['changes']).kept).toHaveLength(1);
    expect(check('The new fees apply from 2026-10-30.', ['changes']).dropped).toHaveLength(1);
  });

  it('checks URLs, including one written as a markdown link in the passage', () => {
    expect(check('See https://help.lumenbank.example/en/fees.', ['changes']).kept).toHaveLength(1);
    expect(check('See https://help.lumenbank.example/en/contact.', ['contact']).kept).toHaveLength(1);
    expect(check('See https://help.lumenbank.example/en/loans.', ['changes']).dropped).toHaveLength(1);
  });

  it('requires every figure of a sentence to be supported', () => {
    expect(check('Call +31 20 555 0100 from 08:00 to 21:00.', ['contact']).dropped).toHaveLength(1);
  });

  it('accepts figures spread over several cited passages', () => {
    expect(check('Call +31 20 555 0100 about the €7.50 fee.', ['contact', 'fees']).kept).toHaveLength(1);
  });

  it('does not count figures found only in a passage the sentence does not cite', () => {
    expect(check('Lumen Basic costs €3.25 per month.', ['contact']).dropped).toHaveLength(1);
  });

  it('drops a sentence with figures whose citation is unknown', () => {
    expect(check('Lumen Basic costs €3.25 per month.', ['missing']).dropped).toHaveLength(1);
  });

  it('keeps a sentence without figures whatever it cites', () => {
    expect(check('Block your card in the app.', []).kept).toHaveLength(1);
  });

  it('keeps sentences in their original order', () => {
    const result = checkFiguresInCitedText(
      [
        { text: 'Basic costs €3.25.', citations: ['fees'] },
        { text: 'Plus costs €9.99.', citations: ['fees'] },
        { text: 'A lost card costs €7.50.', citations: ['fees'] },
      ],
      passages,
    );
    expect(result.kept.map((sentence) => sentence.text)).toEqual(['Basic costs €3.25.', 'A lost card costs €7.50.']);
    expect(result.dropped.map((sentence) => sentence.text)).toEqual(['Plus costs €9.99.']);
  });
});

describe('extractFigures with addresses', () => {
  it('finds email addresses and URLs with or without a scheme', () => {
    expect(extractFigures('Write to help@lumenbank.example or see https://help.lumenbank.example/fees.')).toEqual([
      'help@lumenbank.example',
      'help.lumenbank.example/fees',
    ]);
    expect(extractFigures('Go to www.lumenbank.example/app today')).toEqual(['www.lumenbank.example/app']);
  });

  it('drops a sentence whose email address or link is not in the cited passage', () => {
    const passages = new Map([['p1', 'Email complaints@lumenbank.example or visit help.lumenbank.example.']]);
    const result = checkFiguresInCitedText(
      [
        { text: 'Email complaints@lumenbank.example.', citations: ['p1'] },
        { text: 'Email refunds@lumenbank-claims.com.', citations: ['p1'] },
        { text: 'Visit https://evil.example/login now.', citations: ['p1'] },
        { text: 'Visit help.lumenbank.example.', citations: ['p1'] },
      ],
      passages,
    );
    expect(result.kept.map((sentence) => sentence.text)).toEqual(['Email complaints@lumenbank.example.', 'Visit help.lumenbank.example.']);
  });
});
