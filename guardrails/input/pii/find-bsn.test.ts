import { describe, expect, it } from 'vitest';
import { findBsn } from './find-bsn.js';

function found(text: string): string[] {
  return findBsn(text).map((span) => text.slice(span.start, span.end));
}

describe('findBsn', () => {
  it('finds 11-proef-valid numbers written plain or grouped', () => {
    expect(found('mijn bsn is 123456782')).toEqual(['123456782']);
    expect(found('BSN: 123.456.782')).toEqual(['123.456.782']);
    expect(found('burgerservicenummer 1234.56.782.')).toEqual(['1234.56.782']);
    expect(found('here you go 111222333')).toEqual(['111222333']);
  });

  it('finds a BSN next to a phone number', () => {
    expect(found('123456782 0612345678')).toEqual(['123456782']);
  });

  it('needs the word BSN for numbers with a leading zero or eight digits', () => {
    expect(found('nummer 012345672')).toEqual([]);
    expect(found('bsn 012345672')).toEqual(['012345672']);
    expect(found('BSN 12345672')).toEqual(['12345672']);
    expect(found('code 12345672')).toEqual([]);
  });

  it('ignores numbers failing the 11-proef, and all zeros', () => {
    expect(found('bsn 123456783')).toEqual([]);
    expect(found('bsn 000000000')).toEqual([]);
  });

  it('ignores numbers labelled as orders, references or accounts', () => {
    expect(found('ordernummer 123456782')).toEqual([]);
    expect(found('ticket #123456782')).toEqual([]);
    expect(found('mijn oude rekeningnummer 123456782')).toEqual([]);
    expect(found('BSN 111222333 en ordernummer 123456782')).toEqual(['111222333']);
    expect(found('ordernummer 123456782 want mijn bsn is 111222333')).toEqual(['111222333']);
  });

  it('ignores amounts, longer numbers and part of a mistyped phone number', () => {
    expect(found('€ 123.456.782')).toEqual([]);
    expect(found('1234567820')).toEqual([]);
    expect(found('06 123456782')).toEqual([]);
    expect(found('+31 123456782')).toEqual([]);
  });
});
