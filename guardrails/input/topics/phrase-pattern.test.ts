import { describe, expect, it } from 'vitest';
import { normalizeWords } from './normalize-words.js';
import { compilePhrasePattern, findPhrase, maxGapWords, parsePhrasePattern } from './phrase-pattern.js';

function matched(pattern: string, text: string): string | undefined {
  return findPhrase(normalizeWords(text), compilePhrasePattern(pattern))?.matchedText;
}

describe('findPhrase', () => {
  it('matches a multi-word phrase only when the words are adjacent and in order', () => {
    expect(matched('passed away', 'My father passed away last week')).toBe('passed away');
    expect(matched('passed away', 'away it passed')).toBeUndefined();
    expect(matched('passed away', 'passed the test, away now')).toBeUndefined();
  });

  it('matches whole words, not parts of words', () => {
    expect(matched('sue', 'pursue a refund')).toBeUndefined();
    expect(matched('sue', 'I will sue')).toBe('sue');
  });

  it('treats a trailing * as a prefix', () => {
    expect(matched('card ... stol*', 'my card was stollen')).toBe('card was stollen');
    expect(matched('stol*', 'the stove')).toBeUndefined();
  });

  it('accepts any of the alternatives separated by |', () => {
    expect(matched('my father|mother|dad died', 'my dad died')).toBe('my dad died');
    expect(matched('my father|mother|dad died', 'my phone died')).toBeUndefined();
  });

  it('lets a word marked ? be absent', () => {
    expect(matched('make a formal? complaint', 'I want to make a complaint')).toBe('make a complaint');
    expect(matched('make a formal? complaint', 'I want to make a formal complaint')).toBe('make a formal complaint');
    expect(matched('make a formal? complaint', 'make a decision on a complaint')).toBeUndefined();
  });

  it(`lets ... stand for zero to ${maxGapWords} words`, () => {
    expect(matched('card ... stolen', 'card stolen')).toBe('card stolen');
    expect(matched('card ... stolen', 'my card has just been stolen')).toBe('card has just been stolen');
    expect(matched('card ... stolen', 'my card is in the car that was stolen')).toBeUndefined();
  });

  it('backtracks when the first way of filling a gap leads nowhere', () => {
    expect(matched('kan ... niet ... betalen', 'ik kan het niet niet betalen')).toBe('kan het niet niet betalen');
  });

  it('ignores case, diacritics and apostrophes on both sides', () => {
    expect(matched("can't cope", 'I CANT COPE')).toBe('cant cope');
    expect(matched('officiële klacht', 'een officiele klacht')).toBe('officiele klacht');
  });
});

describe('parsePhrasePattern', () => {
  it.each([
    ['', 'empty'],
    ['... stolen', 'start or end'],
    ['card ...', 'start or end'],
    ['card ... ... stolen', 'two "..."'],
    ['self-harm', 'not a pattern word'],
    ['a* card', 'too short a prefix'],
    ['very? much?', 'not optional'],
    ['card|', 'not a pattern word'],
  ])('rejects %j with a reason', (source, reason) => {
    const parsed = parsePhrasePattern(source);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(reason);
  });

  it('keeps the source as written for reporting', () => {
    const parsed = parsePhrasePattern('  Can’t cope ');
    expect(parsed.ok && parsed.pattern.source).toBe('Can’t cope');
  });
});
