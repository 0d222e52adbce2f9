import { describe, expect, it } from 'vitest';
import { withoutWordsNamingNoNeed } from './words-naming-no-need.js';

describe('words naming no need', () => {
  it('drops chat shorthand and time words, keeps the need', () => {
    expect(withoutWordsNamingNoNeed('lost my card yesterday pls help asap', 'en')).toBe('lost my card help');
  });

  it('drops Dutch pronouns and particles', () => {
    expect(withoutWordsNamingNoNeed('Hoe open ik eigenlijk een rekening bij jullie?', 'nl')).toBe('hoe open ik een rekening bij');
  });
});
