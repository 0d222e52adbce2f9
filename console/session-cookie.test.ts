import { describe, expect, it } from 'vitest';
import { cookieValue } from './session-cookie.js';

describe('cookieValue', () => {
  it('finds one cookie among several, by exact name', () => {
    expect(cookieValue('theme=dark; console_session=abc-123; other=1', 'console_session')).toBe('abc-123');
    expect(cookieValue('xconsole_session=nope; console_session=yes', 'console_session')).toBe('yes');
  });

  it('takes the first of two cookies with the same name', () => {
    expect(cookieValue('console_session=first; console_session=second', 'console_session')).toBe('first');
  });

  it('decodes percent-encoding and quotes, and gives up on malformed encoding', () => {
    expect(cookieValue('name="a%20b"', 'name')).toBe('a b');
    expect(cookieValue('name=%E0%A4%A', 'name')).toBeUndefined();
  });

  it('is undefined without a header or without the cookie', () => {
    expect(cookieValue(undefined, 'console_session')).toBeUndefined();
    expect(cookieValue('', 'console_session')).toBeUndefined();
    expect(cookieValue('theme=dark', 'console_session')).toBeUndefined();
  });
});
