import { describe, expect, it } from 'vitest';
import { parseLocaleTag } from './parse-locale-tag.js';

describe('parseLocaleTag', () => {
  it.each([
    ['en', 'en'],
    ['EN-gb', 'en'],
    ['nl', 'nl'],
    ['nl_BE', 'nl'],
    [' nl-NL ', 'nl'],
  ])('reads %j as %s', (tag, locale) => {
    expect(parseLocaleTag(tag)).toBe(locale);
  });

  it.each([['fr'], ['english'], [''], [undefined]])('has no supported locale for %j', (tag) => {
    expect(parseLocaleTag(tag)).toBeUndefined();
  });
});
