import { describe, expect, it } from 'vitest';
import { deriveDocumentId } from './derive-document-id.js';
import { SourceFormatError } from './source-format-error.js';

describe('deriveDocumentId', () => {
  it('keeps the folders and drops the extension', () => {
    expect(deriveDocumentId('Fees/ATM Fees 2026.html')).toBe('fees-atm-fees-2026');
  });

  it('drops only the last extension', () => {
    expect(deriveDocumentId('cards/card.limits.v2.md')).toBe('cards-card-limits-v2');
  });

  it('works for a file at the root', () => {
    expect(deriveDocumentId('Opening_hours.txt')).toBe('opening-hours');
  });

  it('rejects a name with no letters or digits', () => {
    expect(() => deriveDocumentId('€€.txt')).toThrow(SourceFormatError);
    expect(() => deriveDocumentId('€€.txt')).toThrow(/cannot derive an id/);
  });
});
