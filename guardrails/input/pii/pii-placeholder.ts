import type { PiiKind } from './pii-match.js';

/** What a redacted value is replaced with: `[card]`, `[date_of_birth]`. */
export function piiPlaceholder(kind: PiiKind): string {
  return `[${kind}]`;
}

/** Finds a placeholder left by an earlier redaction. */
export const piiPlaceholderPattern = /\[(?:card|iban|email|phone|bsn|date_of_birth)\]/;
