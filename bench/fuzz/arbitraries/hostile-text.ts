import fc from 'fast-check';

/** Keys that reach an object's prototype when a parser copies fields with `obj[key] = value`. */
export const prototypeKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__'] as const;

/** What attackers paste into any field: SQL, markup, templates, paths, format strings, numbers JavaScript reads oddly. */
export const injectionStrings = [
  "' OR '1'='1",
  "'; DROP TABLE conversations; --",
  '1 UNION SELECT password_hash FROM staff_accounts--',
  "'; SELECT pg_sleep(5); --",
  '" OR ""="',
  "admin'--",
  '%27%20OR%201%3D1',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  ']]><!--',
  '${7*7}',
  '{{constructor.constructor("return process")()}}',
  '../../../../etc/passwd',
  '%00',
  '%s%s%s%n',
  'javascript:alert(1)',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '0x1F',
  '9007199254740993',
  'null',
  'undefined',
  '[]',
  '{}',
] as const;

/** Characters that break naive text handling: controls, separators, invisibles, bidi, lone surrogates, astral and combining characters. */
export const oddCharacters = [
  '\u0000',
  '\r',
  '\n',
  '\r\n',
  '\t',
  '\u000b',
  '\u000c',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u00ad',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u200e',
  '\u202e',
  '\u2028',
  '\u2029',
  '\u2066',
  '\ufeff',
  '\ufffd',
  '\ufffe',
  '\uffff',
  '\ud800',
  '\udfff',
  '\u{1f600}',
  '👩‍👩‍👧‍👦',
  'e\u0301',
  '\u0130',
  'ß',
  'ﬁ',
  'Ⅻ',
  '\u{e0041}',
  '\u{e007f}',
  'ǅ',
  '𝐒𝐓𝐎𝐏',
  'ＳＴＯＰ',
  'مرحبا',
  '你好',
  '\u0915\u094d\u0937',
] as const;

/** Any UTF-16 code unit, lone surrogates included: `fc.string({ unit: 'binary' })` only gives well-formed text. */
const utf16CodeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));

const whitespaceRun = fc
  .array(fc.constantFrom(' ', '\t', '\n', '\r\n', '\r', '\u00a0', '\u3000'), { minLength: 1, maxLength: 12 })
  .map((parts) => parts.join(''));

export interface HostileTextOptions {
  /** Domain words the parser looks for ("wrote:", "STOP", "Content-Type:"); they make up a third of the pieces. */
  tokens?: readonly string[];
  /** At most this many pieces are joined. */
  maxPieces?: number;
  /** Relative weight of a huge text against 100 ordinary ones. */
  hugeWeight?: number;
  /** Longest huge text, in UTF-16 code units (from 5,000). */
  maxHugeLength?: number;
}

/** One piece of hostile text; `hostileText` joins them. */
export function hostilePiece(tokens: readonly string[] = []): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.string({ maxLength: 24, size: 'medium' }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
    { weight: 1, arbitrary: fc.string({ unit: utf16CodeUnit, maxLength: 4 }) },
    { weight: 3, arbitrary: fc.constantFrom(...oddCharacters) },
    { weight: 1, arbitrary: fc.constantFrom(...injectionStrings, ...prototypeKeys) },
    { weight: 2, arbitrary: whitespaceRun },
    ...(tokens.length > 0 ? [{ weight: 8, arbitrary: fc.constantFrom(...tokens) }] : []),
  );
}

/**
 * Text for parsers of free text: pieces of random ASCII and Unicode, odd
 * characters, injection strings and the parser's own keywords, joined; now
 * and then a huge text made by repeating such a soup, to find quadratic work.
 */
export function hostileText(options: HostileTextOptions = {}): fc.Arbitrary<string> {
  const soup = fc.array(hostilePiece(options.tokens), { maxLength: options.maxPieces ?? 30, size: 'medium' }).map((pieces) => pieces.join(''));
  const huge = fc
    .tuple(soup, fc.integer({ min: 5_000, max: options.maxHugeLength ?? 120_000 }))
    .map(([seed, length]) => repeatToLength(seed === '' ? 'a' : seed, length));
  return fc.oneof({ weight: 100, arbitrary: soup }, { weight: options.hugeWeight ?? 1, arbitrary: huge });
}

/** `text` repeated, then cut to exactly `length` code units (which may split a surrogate pair: that is wanted). */
export function repeatToLength(text: string, length: number): string {
  return text.repeat(Math.ceil(length / text.length)).slice(0, length);
}

/**
 * Near-valid text: `base` with up to five edits (insert a hostile piece,
 * delete or duplicate a stretch, cut the end off) at generated positions.
 */
export function mutatedText(base: fc.Arbitrary<string>, tokens: readonly string[] = []): fc.Arbitrary<string> {
  const edit = fc.record({
    kind: fc.constantFrom('insert', 'delete', 'duplicate', 'truncate', 'replace'),
    at: fc.nat(),
    span: fc.integer({ min: 1, max: 64 }),
    piece: hostilePiece(tokens),
  });
  return fc.tuple(base, fc.array(edit, { minLength: 1, maxLength: 5 })).map(([text, edits]) => {
    let result = text;
    for (const { kind, at, span, piece } of edits) {
      const position = result.length === 0 ? 0 : at % (result.length + 1);
      if (kind === 'insert') result = result.slice(0, position) + piece + result.slice(position);
      else if (kind === 'delete') result = result.slice(0, position) + result.slice(position + span);
      else if (kind === 'duplicate') result = result.slice(0, position + span) + result.slice(position);
      else if (kind === 'truncate') result = result.slice(0, position);
      else result = result.slice(0, position) + piece + result.slice(position + piece.length);
    }
    return result;
  });
}
