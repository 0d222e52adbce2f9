import { describe, expect, it } from 'vitest';
import { findIbanLikeSpans, findIbans } from './find-ibans.js';

function found(text: string): string[] {
  return findIbans(text).map((span) => text.slice(span.start, span.end));
}

describe('findIbans', () => {
  it('finds valid IBANs compact, grouped by four, or in lower case', () => {
    expect(found('iban NL91 ABNA 0417 1643 00 thanks')).toEqual(['NL91 ABNA 0417 1643 00']);
    expect(found('naar nl91abna0417164300.')).toEqual(['nl91abna0417164300']);
    expect(found('GB82-WEST-1234-5698-7654-32')).toEqual(['GB82-WEST-1234-5698-7654-32']);
  });

  it('knows the lengths of the countries customers use', () => {
    const ibans = [
      'BE68 5390 0754 7034',
      'DE89 3704 0044 0532 0130 00',
      'FR14 2004 1010 0505 0001 3M02 606',
      'ES91 2100 0418 4502 0005 1332',
      'IT60 X054 2811 1010 0000 0123 456',
      'LU28 0019 4006 4475 0000',
      'AT61 1904 3002 3457 3201',
      'IE29 AIBK 9311 5212 3456 78',
      'PT50 0002 0123 1234 5678 9015 4',
    ];
    for (const iban of ibans) expect(found(`rekening ${iban} graag`), iban).toEqual([iban]);
  });

  it('ignores wrong check digits, wrong lengths and unknown countries', () => {
    expect(found('NL91 ABNA 0417 1643 01')).toEqual([]);
    expect(found('NL91 ABNA 0417 1643 0')).toEqual([]);
    expect(found('NL91 ABNA 0417 1643 001')).toEqual([]);
    expect(found('XX91 ABNA 0417 1643 00')).toEqual([]);
  });

  it('ignores an IBAN written in fours that goes on past its length', () => {
    expect(found('LU28 0019 4006 4475 0000 5.')).toEqual([]);
    expect(found('AT61 1904 3002 3457 3201 en verder')).toEqual(['AT61 1904 3002 3457 3201']);
  });

  it('ignores IBANs glued to other letters', () => {
    expect(found('xNL91ABNA0417164300')).toEqual([]);
    expect(found('NL91ABNA0417164300x')).toEqual([]);
  });
});

describe('findIbanLikeSpans', () => {
  it('reports look-alikes with a wrong checksum as invalid', () => {
    expect(findIbanLikeSpans('NL91 ABNA 0417 1643 01')).toEqual([{ start: 0, end: 22, valid: false }]);
  });

  it('takes anything in groups of four after two letters and two digits, whatever the country or length', () => {
    expect(findIbanLikeSpans('NX91 ABNA 0417 1643 00 is it')).toEqual([{ start: 0, end: 22, valid: false }]);
    expect(findIbanLikeSpans('NL91 ABNA 0417 1643 0')).toEqual([{ start: 0, end: 21, valid: false }]);
  });

  it('takes no short codes or words that follow two letters and two digits', () => {
    expect(findIbanLikeSpans('AB12 test 0612345678')).toEqual([]);
    expect(findIbanLikeSpans('NL91ABNA')).toEqual([]);
  });
});
