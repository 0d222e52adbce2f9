import fc from 'fast-check';
import { hostileText, prototypeKeys } from './hostile-text.js';

/**
 * Any value `express.json()` can hand a route: the result of `JSON.parse` on
 * generated JSON, so `"__proto__"` arrives as an own key exactly as it would
 * from the network.
 */
export const parsedJson: fc.Arbitrary<unknown> = fc.json({ maxDepth: 4 }).map((text): unknown => JSON.parse(text));

/** What a form decoder hands a route for one field: a string, a repeated field's array, or (with nesting) an object. */
const formValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileText({ maxPieces: 6 }) },
  { weight: 1, arbitrary: fc.array(hostileText({ maxPieces: 3 }), { maxLength: 3 }) },
  { weight: 1, arbitrary: parsedJson },
);

/** Sets an own, enumerable property even for `__proto__`, as `JSON.parse` and form decoders do. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A body of form fields, with keys that are random, the parser's own, or prototype keys. */
export function randomFields(knownKeys: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  const key = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...knownKeys) },
    { weight: 1, arbitrary: fc.constantFrom(...prototypeKeys) },
    { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  );
  return fc.array(fc.tuple(key, formValue), { maxLength: 12 }).map((entries) => {
    const fields: Record<string, unknown> = {};
    for (const [name, value] of entries) setOwn(fields, name, value);
    return fields;
  });
}

/**
 * Near-valid fields: a valid body with up to four edits (a field removed,
 * given hostile text, given a value of another type, or a prototype key or
 * another known key added).
 */
export function mutatedFields(
  valid: fc.Arbitrary<Record<string, unknown>>,
  knownKeys: readonly string[],
): fc.Arbitrary<Record<string, unknown>> {
  // One record per kind, so that each edit generates only the value it uses.
  const edit = fc.oneof(
    fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
    fc.record({ kind: fc.constant('empty' as const), pick: fc.nat() }),
    fc.record({ kind: fc.constant('text' as const), pick: fc.nat(), value: hostileText({ maxPieces: 8 }) }),
    fc.record({ kind: fc.constant('other-type' as const), pick: fc.nat(), value: parsedJson }),
    fc.record({ kind: fc.constant('add-prototype-key' as const), pick: fc.constantFrom(...prototypeKeys), value: fc.oneof(hostileText({ maxPieces: 4 }), parsedJson) }),
    fc.record({ kind: fc.constant('add-known-key' as const), pick: fc.constantFrom(...knownKeys), value: hostileText({ maxPieces: 8 }) }),
  );
  return fc.tuple(valid, fc.array(edit, { maxLength: 4 })).map(([fields, edits]) => {
    const result: Record<string, unknown> = { ...fields };
    for (const edit of edits) {
      if (edit.kind === 'add-prototype-key' || edit.kind === 'add-known-key') {
        setOwn(result, edit.pick, edit.value);
        continue;
      }
      const keys = Object.keys(result);
      const existing = keys[edit.pick % Math.max(keys.length, 1)];
      if (existing === undefined) continue;
      if (edit.kind === 'remove') delete result[existing];
      else if (edit.kind === 'empty') setOwn(result, existing, '');
      else setOwn(result, existing, edit.value);
    }
    return result;
  });
}

/** Lower-case hexadecimal of exactly `length` digits. */
export function hexDigits(length: number): fc.Arbitrary<string> {
  return fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: length, maxLength: length });
}
