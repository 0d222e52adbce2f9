import { describe, expect, it } from 'vitest';
import { createQueryExpander } from './query-expander.js';

const expand = createQueryExpander({
  en: [
    { say: ['nick*', 'pinched'], means: 'stolen' },
    { say: ['plastic'], means: 'card' },
    { say: ['in the red'], means: 'overdraft' },
    { say: ["can't find"], means: 'lost' },
  ],
  nl: [{ say: ['gejat'], means: 'gestolen' }],
});

describe('createQueryExpander', () => {
  it('appends the meant words after the customer’s own words', () => {
    expect(expand('my plastic got nicked', 'en')).toBe('my plastic got nicked stolen card');
  });

  it('matches phrases word by word, not inside other words', () => {
    expect(expand('I am in the red again', 'en')).toBe('I am in the red again overdraft');
    expect(expand('the reddish one', 'en')).toBe('the reddish one');
    expect(expand('plasticky feel', 'en')).toBe('plasticky feel');
  });

  it('treats typographic apostrophes like straight ones', () => {
    expect(expand('I can’t find my wallet', 'en')).toBe('I can’t find my wallet lost');
  });

  it('adds nothing the question already says', () => {
    expect(expand('stolen card, pinched yesterday', 'en')).toBe('stolen card, pinched yesterday');
  });

  it('uses only the question’s own locale', () => {
    expect(expand('pas gejat', 'nl')).toBe('pas gejat gestolen');
    expect(expand('pas gejat', 'en')).toBe('pas gejat');
    expect(expand('plastic nicked', 'de')).toBe('plastic nicked');
  });
});
