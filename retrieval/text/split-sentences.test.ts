import { describe, expect, it } from 'vitest';
import { splitSentences } from './split-sentences.js';

describe('splitSentences', () => {
  it('splits prose at sentence-ending punctuation followed by a capital', () => {
    expect(splitSentences('Block your card in the app. It takes effect immediately! Need help? Call us.')).toEqual([
      'Block your card in the app.',
      'It takes effect immediately!',
      'Need help?',
      'Call us.',
    ]);
  });

  it('removes bullet and numbered list markers', () => {
    const text = ['- Open the app.', '* Go to Cards.', '+ Tap Block.', '1. Choose a reason.', '2) Confirm.'].join('\n');
    expect(splitSentences(text)).toEqual(['Open the app.', 'Go to Cards.', 'Tap Block.', 'Choose a reason.', 'Confirm.']);
  });

  it('skips headings, horizontal rules and table rows', () => {
    const text = ['# Report a lost card', '## Block your card', 'Block it in the app.', '---', '| Fee | Amount |'].join('\n');
    expect(splitSentences(text)).toEqual(['Block it in the app.']);
  });

  it('keeps the words of bold text, links and inline code but drops their markup', () => {
    expect(splitSentences('Tap **Block card** or see [our fees](https://help.example/fees) and enter `1234`.')).toEqual([
      'Tap Block card or see our fees and enter 1234.',
    ]);
  });

  // Bug: only **bold** is unwrapped although the doc comment promises emphasis is removed.
  it('drops the markup of single-asterisk and underscore emphasis', () => {
    expect(splitSentences('Your card is *permanently* blocked. It is _not_ frozen.')).toEqual([
      'Your card is permanently blocked.',
      'It is not frozen.',
    ]);
  });

  it('does not end a sentence after an abbreviation such as "e.g." or "i.e."', () => {
    expect(splitSentences('Pay with a card, e.g. Visa or Maestro. Use a wallet, i.e. Apple Pay. Done.')).toEqual([
      'Pay with a card, e.g. Visa or Maestro.',
      'Use a wallet, i.e. Apple Pay.',
      'Done.',
    ]);
  });

  it('does not split inside decimal amounts or times', () => {
    expect(splitSentences('Lumen Basic costs €3.25 per month. We are open until 17.30 on Saturday.')).toEqual([
      'Lumen Basic costs €3.25 per month.',
      'We are open until 17.30 on Saturday.',
    ]);
  });

  it('splits before a sentence that starts with an amount', () => {
    expect(splitSentences('A replacement card is not free. €7.50 is charged for a lost card.')).toEqual([
      'A replacement card is not free.',
      '€7.50 is charged for a lost card.',
    ]);
  });

  it('splits Dutch text and respects Dutch abbreviations', () => {
    expect(splitSentences('Betaal bijv. met iDEAL. Het kost ca. €2,50 per maand. Klaar!')).toEqual([
      'Betaal bijv. met iDEAL.',
      'Het kost ca. €2,50 per maand.',
      'Klaar!',
    ]);
  });

  it('treats every line as its own sentence source', () => {
    expect(splitSentences('Call us on weekdays\nWrite to us any time')).toEqual(['Call us on weekdays', 'Write to us any time']);
  });

  it('ignores fragments without any letters', () => {
    expect(splitSentences('€3.25\n\n24/7\nOpen daily.')).toEqual(['Open daily.']);
  });

  it('returns nothing for empty text', () => {
    expect(splitSentences('')).toEqual([]);
  });

  it('ends a sentence at "No." used as an answer, but not at "No." before a number', () => {
    expect(splitSentences('Is it free? No. You pay €2.')).toEqual(['Is it free?', 'No.', 'You pay €2.']);
    expect(splitSentences('See form No. 5 for details.')).toEqual(['See form No. 5 for details.']);
  });
});
