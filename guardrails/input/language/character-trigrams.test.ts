import { describe, expect, it } from 'vitest';
import { buildTrigramProfiles, wordTrigrams } from './character-trigrams.js';

describe('wordTrigrams', () => {
  it('marks word boundaries with spaces', () => {
    expect(wordTrigrams('pas')).toEqual([' pa', 'pas', 'as ']);
    expect(wordTrigrams('u')).toEqual([' u ']);
  });
});

describe('buildTrigramProfiles', () => {
  const words = (text: string) => text.split(/\s+/).filter((word) => word !== '');
  const samples = { en: 'the thing there', nl: 'de dijk is dicht', de: 'der', fr: 'le', es: 'el', it: 'il', pt: 'o', pl: 'w', tr: 've' };
  const profiles = buildTrigramProfiles(samples, words);

  it("makes a language's own trigrams more likely than another language's", () => {
    expect(profiles.en.logProbability(' th')).toBeGreaterThan(profiles.nl.logProbability(' th'));
    expect(profiles.nl.logProbability('ijk')).toBeGreaterThan(profiles.en.logProbability('ijk'));
  });

  it('gives an unseen trigram a finite, lower log-probability', () => {
    const unseen = profiles.en.logProbability('qqq');
    expect(Number.isFinite(unseen)).toBe(true);
    expect(unseen).toBeLessThan(profiles.en.logProbability(' th'));
  });
});
