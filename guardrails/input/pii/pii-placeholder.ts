import type { PiiKind } from './pii-match.js';

/** What a redacted value is replaced with: `[card]`, `[date_of_birth]`. */
export function piiPlaceholder(kind: PiiKind): string {
  return `[${kind}]`;
}

/** Finds a placeholder left by an earlier redaction. */
export const piiPlaceholderPattern = /\[(?:card|iban|email|phone|bsn|date_of_birth)\]/;

/** The text with redaction placeholders removed: they say that something was shared, not what the customer needs. */
export function withoutPiiPlaceholders(text: string): string {
  return text
    .replace(new RegExp(piiPlaceholderPattern.source, 'g'), ' ')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}
