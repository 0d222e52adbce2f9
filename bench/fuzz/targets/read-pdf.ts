import fc from 'fast-check';
import { readPdfDocument } from '../../../retrieval/ingest/read-pdf-document.js';
import type { SourceFile } from '../../../retrieval/ingest/source-document.js';
import { hostileText } from '../arbitraries/hostile-text.js';
import { mutatedBytes, randomBytes } from '../arbitraries/mutated-bytes.js';
import { ingestFixtures, sourceFile } from '../arbitraries/source-files.js';
import type { FuzzTarget } from '../fuzz-target.js';
import { sourceReaderTarget } from '../source-reader-target.js';

/** A one-page PDF built by hand around a generated text and title, with a correct or damaged cross-reference table. */
const minimalPdf = fc
  .record({ text: hostileText({ tokens: ['(', ')', '\\', 'BT', 'ET', 'Tj', 'endstream', '%%EOF'], maxPieces: 8 }), title: hostileText({ maxPieces: 3 }), xref: fc.boolean() })
  .map(({ text, title, xref }) => {
    const escape = (value: string) => value.replace(/[\\()]/g, '\\$&');
    const stream = `BT /F1 12 Tf 72 720 Td (${escape(text)}) Tj ET`;
    const objects = [
      '<< /Type /Catalog /Pages 2 0 R /Lang (nl-NL) >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
      `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
      `<< /Title (${escape(title)}) >>`,
    ];
    let body = '%PDF-1.4\n';
    const offsets = objects.map((object, index) => {
      const offset = body.length;
      body += `${index + 1} 0 obj\n${object}\nendobj\n`;
      return offset;
    });
    const table = xref ? `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}` : '';
    return Buffer.from(`${body}${table}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${body.length}\n%%EOF\n`, 'latin1');
  });

const pdfs = ingestFixtures('pdf');

export const readPdfTarget: FuzzTarget<SourceFile> = {
  ...sourceReaderTarget(
    'read-pdf',
    'retrieval/ingest/read-pdf-document.ts#readPdfDocument',
    readPdfDocument,
    sourceFile(
      '.pdf',
      fc.oneof(
        { weight: 6, arbitrary: mutatedBytes(fc.constantFrom(...pdfs), 4) },
        { weight: 3, arbitrary: minimalPdf },
        { weight: 2, arbitrary: mutatedBytes(minimalPdf, 3) },
        { weight: 1, arbitrary: randomBytes },
      ),
    ),
  ),
  /** pdf.js takes about 10 ms a file (100 a second against thousands for the text readers): a tenth of the runs keeps the full run under ten minutes on two cores. */
  runsFraction: 0.1,
  /** pdf.js is imported on the first PDF and reads its standard fonts from disk: about two seconds once. */
  async warmUp() {
    await readPdfDocument({ relativePath: 'warm-up.pdf', content: pdfs[0] ?? Buffer.alloc(0), defaultLocale: 'en' }).catch(() => undefined);
  },
};
