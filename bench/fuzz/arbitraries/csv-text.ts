import fc from 'fast-check';
import { hostileText } from './hostile-text.js';

const csvCell = fc.oneof(
  fc.constantFrom('question', 'Question', ' ANSWER ', 'answer', 'id', 'locale', 'url', 'Category', 'nl', 'en', 'fr', 'https://help.lumenbank.example/x', '/relative', 'faq-x', 'Free?', '', '€2,50'),
  hostileText({ tokens: ['"', ',', ';', '\n', '\r\n', '""'], maxPieces: 5 }),
);
const csvRow = fc
  .tuple(fc.array(fc.tuple(csvCell, fc.boolean()), { maxLength: 6 }), fc.constantFrom(',', ';', '\t'))
  .map(([cells, delimiter]) => cells.map(([cell, quoted]) => (quoted ? `"${cell.replace(/"/g, '""')}"` : cell)).join(delimiter));

/** FAQ sheets: a header row and rows, quoted or not, comma or semicolon, with BOM and CRLF variants. */
export const csvText: fc.Arbitrary<string> = fc
  .tuple(fc.array(csvRow, { maxLength: 10 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean())
  .map(([rows, ending, bom]) => `${bom ? '\ufeff' : ''}${rows.join(ending)}`);
