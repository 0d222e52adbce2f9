import { detectPii } from './detect-pii.js';
import type { PiiKind, PiiMatch } from './pii-match.js';
import { piiPlaceholder } from './pii-placeholder.js';

export interface RedactedText {
  text: string;
  /** Each kind found once, in order of first appearance. */
  kinds: PiiKind[];
}

// Finders read context (a "BSN" label, a neighbouring number), so removing one
// value can in rare texts reveal another. Redacting until nothing is found makes
// redaction idempotent; every pass removes digits or an "@", and the bound only
// guards against pathological input.
const maxPasses = 8;

function replaceMatches(text: string, matches: readonly PiiMatch[]): string {
  let result = '';
  let position = 0;
  for (const match of matches) {
    result += text.slice(position, match.start) + piiPlaceholder(match.kind);
    position = match.end;
  }
  return result + text.slice(position);
}

/**
 * Replaces card numbers, IBANs, BSNs, phone numbers, dates of birth and email
 * addresses with `[card]`, `[iban]`, `[bsn]`, `[phone]`, `[date_of_birth]` and
 * `[email]`. Run it before text is logged, stored or sent to a language model.
 */
export function redactPii(text: string): RedactedText {
  const kinds = new Set<PiiKind>();
  let redacted = text;
  for (let pass = 0; pass < maxPasses; pass++) {
    const matches = detectPii(redacted);
    if (matches.length === 0) break;
    for (const match of matches) kinds.add(match.kind);
    redacted = replaceMatches(redacted, matches);
  }
  return { text: redacted, kinds: [...kinds] };
}
