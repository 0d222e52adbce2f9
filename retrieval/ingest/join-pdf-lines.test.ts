import { describe, expect, it } from 'vitest';
import { joinPdfLines, type PdfLine } from './join-pdf-lines.js';

/** Lines set 14 units apart in an 11-unit font, one page, unless stated. */
function lines(...specs: (string | Partial<PdfLine> & { text: string })[]): PdfLine[] {
  let y = 800;
  return specs.map((spec) => {
    const line = typeof spec === 'string' ? { text: spec } : spec;
    y = line.y ?? y - 14;
    return { page: 1, height: 11, ...line, y };
  });
}

describe('joinPdfLines', () => {
  it('joins closely set lines into one paragraph and starts another after a wide gap', () => {
    const result = joinPdfLines(
      lines('Your card works in 200 countries.', 'Fees apply outside the euro area.', { text: 'Chat with us any time.', y: 744 }),
    );
    expect(result).toBe('Your card works in 200 countries. Fees apply outside the euro area.\n\nChat with us any time.');
  });

  it('continues a sentence across a page break when the line ends without punctuation and the next starts in lower case', () => {
    const result = joinPdfLines(lines('Block your card in the app and', { text: 'order a new one.', page: 2, y: 780 }));
    expect(result).toBe('Block your card in the app and order a new one.');
  });

  it('starts a new paragraph on a new page when the sentence has ended', () => {
    const result = joinPdfLines(lines('Block your card in the app.', { text: 'Order a new one.', page: 2, y: 780 }));
    expect(result).toBe('Block your card in the app.\n\nOrder a new one.');
  });

  it('turns larger type into ## headings, joining a heading set on two lines', () => {
    const result = joinPdfLines(
      lines(
        { text: 'Fees for using your card', height: 16 },
        { text: 'outside the euro area', height: 16, y: 766 },
        { text: 'A withdrawal costs EUR 2.25.', y: 740 },
        'The rate is set daily.',
      ),
    );
    expect(result).toBe('## Fees for using your card outside the euro area\n\nA withdrawal costs EUR 2.25. The rate is set daily.');
  });

  it('turns bullets and numbers into list items, with wrapped items joined', () => {
    const result = joinPdfLines(
      lines('Before you travel:', '• Set your card to Worldwide.', '▪ Save our number, so', 'you can call us.', '1. Open the app', '2) Tap Cards'),
    );
    expect(result).toBe(
      'Before you travel:\n\n- Set your card to Worldwide.\n- Save our number, so you can call us.\n1. Open the app\n2) Tap Cards',
    );
  });

  it('keeps the hyphen of a word split over two lines without adding a space', () => {
    expect(joinPdfLines(lines('Use the self-', 'service machine.'))).toBe('Use the self-service machine.');
  });

  it('returns an empty string for no lines', () => {
    expect(joinPdfLines([])).toBe('');
  });
});
