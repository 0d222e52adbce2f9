import { describe, expect, it } from 'vitest';
import { withoutPiiPlaceholders } from './pii-placeholder.js';
import { redactPii } from './redact-pii.js';

describe('redactPii', () => {
  it('replaces each value with a placeholder and lists the kinds in order of first appearance', () => {
    expect(redactPii('bel 0612345678 of mail jan@example.nl, of bel +31 20 555 0100. DOB 04-03-1987')).toEqual({
      text: 'bel [phone] of mail [email], of bel [phone]. DOB [date_of_birth]',
      kinds: ['phone', 'email', 'date_of_birth'],
    });
  });

  it('leaves text without personal data as it is', () => {
    expect(redactPii('Mijn pas is geblokkeerd, order 2024-118 van €25,00')).toEqual({
      text: 'Mijn pas is geblokkeerd, order 2024-118 van €25,00',
      kinds: [],
    });
  });

  it('is idempotent', () => {
    const texts = [
      'card 4111 1111 1111 1111 0612345678 and BSN 123456782 born 12-03-1987',
      'geboren 12-03-1987, 13-03-1987 en 4 maart 1987',
      '[card] [iban] [email] [phone] [bsn] [date_of_birth]',
    ];
    for (const text of texts) {
      const once = redactPii(text).text;
      expect(redactPii(once), text).toEqual({ text: once, kinds: [] });
    }
  });

  it('is idempotent on random mixes of digits, separators and cue words', () => {
    const pieces = ['0', '6', '1', '4', '12', '1987', '0612345678', '123456782', ' ', ' ', '-', '.', '/', '+', '(', ')', '@', 'a', 'nl', '.nl', 'born', 'bsn', 'maart', 'NL91', 'ABNA', ', '];
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let sample = 0; sample < 2000; sample++) {
      let text = '';
      for (let index = 0; index < 30; index++) text += pieces[Math.floor(random() * pieces.length)];
      const once = redactPii(text).text;
      expect(redactPii(once).text, text).toBe(once);
    }
  });

  it('never throws on empty text, emoji, lone surrogates or control characters', () => {
    for (const text of ['', '😀', '\ud83d', '\u0000\u200b\u202e', '👩‍👩‍👧 0612345678 👍', 'ｆｕｌｌ ０６１２３４５６７８']) {
      expect(() => redactPii(text)).not.toThrow();
    }
    expect(redactPii('👩‍👩‍👧 0612345678 👍').text).toBe('👩‍👩‍👧 [phone] 👍');
  });

  it('completes on 100 kB of adversarial input', () => {
    const size = 100_000;
    const inputs = [
      '1'.repeat(size),
      '1 '.repeat(size / 2),
      '4111 1111 1111 1111 '.repeat(size / 20),
      '@'.repeat(size),
      'a@'.repeat(size / 2),
      `${'a'.repeat(size)}@example.nl`,
      `a@${'b.'.repeat(size / 2)}`,
      'NL91 '.repeat(size / 5),
      'born 12-03-1987 '.repeat(size / 16),
      '+3'.repeat(size / 2),
      '(0)'.repeat(size / 3),
      '😀4111'.repeat(size / 6),
      'AB12 CDEF '.repeat(size / 10),
      '06 '.repeat(size / 3),
    ];
    for (const input of inputs) {
      const result = redactPii(input);
      expect(typeof result.text).toBe('string');
    }
    expect(redactPii('4111 1111 1111 1111 '.repeat(size / 20)).text).toBe('[card] '.repeat(size / 20));
  });
});

describe('withoutPiiPlaceholders', () => {
  it('removes the placeholders a redaction left and tidies the spaces', () => {
    expect(withoutPiiPlaceholders('My card is [card] and my email [email], thanks')).toBe('My card is and my email , thanks');
    expect(withoutPiiPlaceholders('No personal data here [not a placeholder]')).toBe('No personal data here [not a placeholder]');
  });
});
