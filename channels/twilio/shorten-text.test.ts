import { describe, expect, it } from 'vitest';
import { shortenText } from './shorten-text.js';

const maxLength = (limit: number) => (candidate: string) => candidate.length <= limit;
const text = 'Block your card in the app. It takes effect immediately, day and night. Then order a new card.';

describe('shortenText', () => {
  it('keeps whole sentences when they fit', () => {
    expect(shortenText(text, maxLength(75))).toEqual({
      text: 'Block your card in the app. It takes effect immediately, day and night. …',
      boundary: 'sentence',
    });
  });

  it('prefers fewer whole sentences to more words of a cut one', () => {
    expect(shortenText(text, maxLength(70))).toEqual({ text: 'Block your card in the app. …', boundary: 'sentence' });
  });

  it('cuts between words only when not even the first sentence fits', () => {
    const sentence = 'It takes effect immediately, day and night, in every country.';
    expect(shortenText(sentence, maxLength(40))).toEqual({ text: 'It takes effect immediately, day and…', boundary: 'word' });
  });

  it('drops a dangling comma before the ellipsis', () => {
    expect(shortenText('It takes effect immediately, day and night.', maxLength(32))?.text).toBe('It takes effect immediately…');
  });

  it('cuts inside a single word longer than the room', () => {
    expect(shortenText('https://help.lumenbank.example/en/cards', maxLength(10))).toEqual({ text: 'https://h…', boundary: 'character' });
  });

  it('never splits an emoji', () => {
    expect(shortenText('😟😟😟😟', maxLength(6))?.text).toBe('😟😟…');
  });

  it('uses the ellipsis the caller picks for what is kept', () => {
    expect(shortenText(text, maxLength(40), () => '...')?.text).toBe('Block your card in the app. ...');
    expect(shortenText(text, maxLength(20), () => '...')?.text).toBe('Block your card...');
  });

  it('gives up when nothing fits', () => {
    expect(shortenText(text, maxLength(1))).toBeUndefined();
  });
});
