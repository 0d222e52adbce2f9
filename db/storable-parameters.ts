// `\u0000` as JSON writes it (not preceded by an escaping backslash): jsonb refuses it as well.
const escapedNul = /(?<!\\)((?:\\\\)*)\\u0000/g;

/**
 * Postgres cannot store the NUL character in text or jsonb, and fails the
 * whole statement on one (SQLSTATE 22021 / 22P05). A customer's message may
 * still carry one: both adapters pass every string parameter through here,
 * which writes U+FFFD (the replacement character) in its place, as a decoder
 * does for a character it cannot represent. Nothing else changes.
 */
export function storableParameters(params: readonly unknown[]): unknown[] {
  return params.map((value) => (typeof value === 'string' && (value.includes('\u0000') || value.includes('\\u0000')) ? storableText(value) : value));
}

function storableText(value: string): string {
  return value.replaceAll('\u0000', '\uFFFD').replace(escapedNul, '$1\\ufffd');
}
