import { describe, expect, it } from 'vitest';
import { toCsv } from './to-csv.js';

describe('toCsv', () => {
  it('quotes cells with commas, quotes and line breaks, and ends every row with CRLF', () => {
    expect(toCsv(['a', 'b'], [['x, y', 'say "hi"'], ['line\nbreak', 3], [null, '']])).toBe('a,b\r\n"x, y","say ""hi"""\r\n"line\nbreak",3\r\n,\r\n');
  });

  it('keeps a spreadsheet from reading customer text as a formula', () => {
    expect(toCsv(['q'], [['=HYPERLINK("x")'], ['+31 20'], ['-1'], ['@SUM(A1)']])).toBe('q\r\n"\'=HYPERLINK(""x"")"\r\n\'+31 20\r\n\'-1\r\n\'@SUM(A1)\r\n');
  });
});
