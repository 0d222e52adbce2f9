import fc from 'fast-check';

/** Byte sequences decoders trip over: invalid and overlong UTF-8, surrogates encoded as UTF-8, BOMs, NUL and 0xFF runs. */
const hostileByteRuns: readonly number[][] = [
  [0x00],
  [0xff, 0xff, 0xff, 0xff],
  [0x80],
  [0xc0, 0xaf],
  [0xe0, 0x80, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
  [0xef, 0xbb, 0xbf],
  [0xfe, 0xff],
  [0x0d],
  [0x0a, 0x0a, 0x0a],
  [0x1b, 0x5b, 0x32, 0x4a],
];

const edit = fc.record({
  kind: fc.constantFrom('flip-bit', 'set-byte', 'truncate', 'insert-random', 'insert-hostile', 'delete', 'duplicate'),
  at: fc.nat(),
  span: fc.integer({ min: 1, max: 256 }),
  byte: fc.integer({ min: 0, max: 255 }),
  random: fc.uint8Array({ maxLength: 32 }),
  hostile: fc.constantFrom(...hostileByteRuns),
});

/** `base` with one to eight byte-level edits: bit flips, truncation, inserted random or hostile bytes, deleted or repeated stretches. */
export function mutatedBytes(base: fc.Arbitrary<Uint8Array>, maxEdits = 8): fc.Arbitrary<Buffer> {
  return fc.tuple(base, fc.array(edit, { minLength: 1, maxLength: maxEdits })).map(([bytes, edits]) => {
    let result = Buffer.from(bytes);
    for (const { kind, at, span, byte, random, hostile } of edits) {
      const position = result.length === 0 ? 0 : at % (result.length + 1);
      const inBounds = Math.min(position, Math.max(result.length - 1, 0));
      if (kind === 'flip-bit' && result.length > 0) result[inBounds] = (result[inBounds] ?? 0) ^ (1 << (byte % 8));
      else if (kind === 'set-byte' && result.length > 0) result[inBounds] = byte;
      else if (kind === 'truncate') result = result.subarray(0, position);
      else if (kind === 'insert-random') result = Buffer.concat([result.subarray(0, position), random, result.subarray(position)]);
      else if (kind === 'insert-hostile') result = Buffer.concat([result.subarray(0, position), Buffer.from(hostile), result.subarray(position)]);
      else if (kind === 'delete') result = Buffer.concat([result.subarray(0, position), result.subarray(position + span)]);
      else if (kind === 'duplicate') result = Buffer.concat([result.subarray(0, position + span), result.subarray(position)]);
    }
    return Buffer.from(result);
  });
}

/** Random bytes, mostly short. */
export const randomBytes: fc.Arbitrary<Buffer> = fc.uint8Array({ maxLength: 2_048, size: 'medium' }).map((bytes) => Buffer.from(bytes));
