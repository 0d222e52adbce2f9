import fc from 'fast-check';
import { hostileText, mutatedText, prototypeKeys } from './hostile-text.js';

const recordKeys = ['id', 'title', 'text', 'url', 'locale', ...prototypeKeys];
const jsonlValue = fc.oneof(
  fc.constantFrom('block-card', 'How do I block my card?', 'Open the app and tap Block card.', 'https://help.lumenbank.example/x', 'nl-NL', 'fr', '', '   ', 'Block-Card!'),
  hostileText({ maxPieces: 6 }),
  fc.constantFrom(null, 42, true, [], {}),
);
const jsonlRecord = fc
  .array(fc.tuple(fc.constantFrom(...recordKeys), jsonlValue), { maxLength: 7 })
  .map((entries) => `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`).join(',')}}`);
const jsonlLine = fc.oneof(
  { weight: 6, arbitrary: jsonlRecord },
  { weight: 1, arbitrary: mutatedText(jsonlRecord, ['{', '}', '"', ',', ':', '\\u0000', '\\ud800']) },
  { weight: 1, arbitrary: fc.constantFrom('', '   ', '[]', 'null', '"string"', '{"id":', '1e999', '{"__proto__":{"id":"x"}}') },
);

/** JSON Lines: records with valid, missing, mistyped and prototype keys, broken lines, blank lines, CRLF. */
export function jsonLinesText(line: fc.Arbitrary<string> = jsonlLine): fc.Arbitrary<string> {
  return fc
    .tuple(fc.array(line, { maxLength: 12 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
    .map(([lines, ending, bom]) => `${bom ? '\ufeff' : ''}${lines.join(ending)}`);
}
