import { describe, expect, it } from 'vitest';
import { isDictionaryWord } from './general-vocabulary.js';

describe('general vocabulary', () => {
  it('knows ordinary English words and not misspellings', () => {
    expect(isDictionaryWord('stock', 'en')).toBe(true);
    expect(isDictionaryWord('lease', 'en')).toBe(true);
    expect(isDictionaryWord('withdrawl', 'en')).toBe(false);
    expect(isDictionaryWord('blokc', 'en')).toBe(false);
  });

  it('knows ordinary Dutch words, folded like tokens, and not misspellings', () => {
    expect(isDictionaryWord('hypotheek', 'nl')).toBe(true);
    expect(isDictionaryWord('blokkeren', 'nl')).toBe(true);
    expect(isDictionaryWord('vakanti', 'nl')).toBe(false);
    expect(isDictionaryWord('hypoteek', 'nl')).toBe(false);
  });
});
