import { describe, expect, it } from 'vitest';
import { findEmailAddresses } from './find-email-addresses.js';

function found(text: string): string[] {
  return findEmailAddresses(text).map((span) => text.slice(span.start, span.end));
}

describe('findEmailAddresses', () => {
  it('finds addresses with dotted domains, plus tags and sub-domains', () => {
    expect(found('mail me at jan.jansen+bank@example.nl.')).toEqual(['jan.jansen+bank@example.nl']);
    expect(found('Email: P.de-Vries@mail.co.uk, thanks')).toEqual(['P.de-Vries@mail.co.uk']);
  });

  it('leaves out surrounding quotes, brackets and a mailto: prefix', () => {
    expect(found("'jan@example.nl'")).toEqual(['jan@example.nl']);
    expect(found('<mailto:jan@example.nl>')).toEqual(['jan@example.nl']);
  });

  it('finds addresses with letters outside ASCII', () => {
    expect(found('josé.müller@exämple.de')).toEqual(['josé.müller@exämple.de']);
  });

  it('ignores an @ without a local part or without a dotted domain', () => {
    expect(found('user@ and @lumenbank and jan@localhost and jan@gmail')).toEqual([]);
  });

  it('ignores doubled signs and dots and a numeric top-level domain', () => {
    expect(found('jan@@gmail.com jan@gmail..com jan@-gmail.com jan@10.0.0.1 jan.@gmail.com')).toEqual([]);
  });

  it('reads dots before an address as punctuation', () => {
    expect(found('zie hieronder..jan@example.nl')).toEqual(['jan@example.nl']);
  });

  it('ends the domain at its last letters-only label', () => {
    expect(found('jan@example.nl.4111 and jan@example.nl-')).toEqual(['jan@example.nl', 'jan@example.nl']);
  });

  it('ignores local parts longer than 64 characters', () => {
    expect(found(`${'a'.repeat(65)}@example.nl`)).toEqual([]);
  });
});
