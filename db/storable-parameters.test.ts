import { describe, expect, it } from 'vitest';
import { storableParameters } from './storable-parameters.js';

describe('storableParameters', () => {
  it('writes U+FFFD for a NUL character, in plain text and as JSON escapes it', () => {
    expect(storableParameters(['x\u0000y', JSON.stringify({ text: 'a\u0000b' })])).toEqual(['x\uFFFDy', '{"text":"a\\ufffdb"}']);
  });

  it('leaves an escaped backslash followed by u0000 (the text "\\u0000") and every other value alone', () => {
    const literal = JSON.stringify({ text: 'C:\\u0000' });
    const values = [literal, 'plain', 42, null, ['x'], new Date(0)];
    expect(storableParameters(values)).toEqual(values);
  });
});
