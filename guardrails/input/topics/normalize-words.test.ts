import { describe, expect, it } from 'vitest';
import { normalizeWords } from './normalize-words.js';

describe('normalizeWords', () => {
  it('lower-cases and splits on punctuation', () => {
    expect(normalizeWords('My card, STOLEN!!')).toEqual(['my', 'card', 'stolen']);
  });

  it('joins contractions whichever apostrophe was typed', () => {
    expect(normalizeWords("I can't cope, I’m done")).toEqual(['i', 'cant', 'cope', 'im', 'done']);
    expect(normalizeWords("m'n pas")).toEqual(['mn', 'pas']);
  });

  it('folds diacritics', () => {
    expect(normalizeWords('Officiële klacht, beëindigen')).toEqual(['officiele', 'klacht', 'beeindigen']);
  });

  it('splits hyphenated words', () => {
    expect(normalizeWords('self-harm, niet-toegestane')).toEqual(['self', 'harm', 'niet', 'toegestane']);
  });

  it('returns nothing for text without letters or digits', () => {
    expect(normalizeWords(' ?! 👍 ')).toEqual([]);
  });
});
