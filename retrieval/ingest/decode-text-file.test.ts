import { describe, expect, it } from 'vitest';
import { sourceFile } from './__fixtures__/load-fixture.js';
import { decodeTextFile } from './decode-text-file.js';
import { SourceFormatError } from './source-format-error.js';

describe('decodeTextFile', () => {
  it('removes a BOM and normalises CRLF and CR line endings', () => {
    expect(decodeTextFile(sourceFile('a.txt', '\uFEFFone\r\ntwo\rthree\n'))).toBe('one\ntwo\nthree\n');
  });

  it('rejects text that is not UTF-8 instead of guessing', () => {
    const windows1252 = Buffer.from([0x43, 0x61, 0x66, 0xe9]); // "Café" saved as Windows-1252
    expect(() => decodeTextFile(sourceFile('cafe.txt', windows1252))).toThrow(SourceFormatError);
    expect(() => decodeTextFile(sourceFile('cafe.txt', windows1252))).toThrow('cafe.txt: the file is not valid UTF-8 text');
  });
});
