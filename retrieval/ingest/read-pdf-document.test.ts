import { describe, expect, it } from 'vitest';
import { loadFixture, sourceFile } from './__fixtures__/load-fixture.js';
import { readPdfDocument } from './read-pdf-document.js';
import { SourceFormatError } from './source-format-error.js';

describe('readPdfDocument', () => {
  it('extracts a two-page leaflet into paragraphs, headings and list items', async () => {
    const [document] = await readPdfDocument(await loadFixture('pdf/card-usage-abroad.pdf', { relativePath: 'Leaflets/Card usage abroad.pdf' }));
    expect(document).toMatchObject({
      id: 'leaflets-card-usage-abroad',
      // From the Title metadata, which differs from the heading on the page.
      title: 'Using your Lumen Bank debit card abroad',
      locale: 'en',
      sourcePath: 'Leaflets/Card usage abroad.pdf',
    });
    expect(document?.body).toBe(
      [
        '## Using your debit card abroad',
        '',
        'Your Lumen Bank debit card works in more than 200 countries. Inside the euro area you pay no extra fees for card payments or cash withdrawals.',
        '',
        '## Fees outside the euro area',
        '',
        'Outside the euro area we charge a currency conversion fee of 1.2% of the amount. A cash withdrawal outside the euro area costs EUR 2.25 per withdrawal. The cash machine may charge its own fee as well.',
        '',
        'Before you travel:',
        '',
        '- Check that your card is set to Worldwide in the app.',
        '- Save the emergency number from the Contact page in your phone, so you can block your card at any time.',
        '',
        // This sentence runs over the page break.
        'If your card is lost or stolen abroad, block it straight away in the app and order an emergency card. We deliver it to your hotel within 3 working days.',
        '',
        'Questions? Chat with us in the app or visit help.lumenbank.example.',
      ].join('\n'),
    );
  });

  it('takes the title from the first line when the metadata has none', async () => {
    const [document] = await readPdfDocument(await loadFixture('pdf/savings-interest.pdf', { defaultLocale: 'nl' }));
    expect(document).toStrictEqual({
      id: 'pdf-savings-interest',
      title: 'Rente op uw Lumen Spaarrekening',
      locale: 'nl',
      body:
        'Op uw Lumen Spaarrekening ontvangt u 2,1% rente per jaar over het volledige saldo. De rente wordt elke maand berekend en op de eerste werkdag van de volgende maand bijgeschreven.\n\n' +
        'U kunt altijd gratis geld opnemen naar uw betaalrekening.',
      sourcePath: 'pdf/savings-interest.pdf',
    });
  });

  it('reads a minimal hand-written PDF: non-embedded font, /Lang, and a placeholder Title ignored', async () => {
    const [document] = await readPdfDocument(await loadFixture('pdf/overdraft-fees.pdf', { defaultLocale: 'nl' }));
    expect(document).toStrictEqual({
      id: 'pdf-overdraft-fees',
      title: 'Overdraft fees',
      locale: 'en',
      body: 'An arranged overdraft costs 9.5% interest per year, charged monthly.',
      sourcePath: 'pdf/overdraft-fees.pdf',
    });
  });

  it('does not detach the caller’s buffer', async () => {
    const file = await loadFixture('pdf/savings-interest.pdf');
    await readPdfDocument(file);
    expect(file.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it.each([
    ['a scanned PDF with no text layer', 'pdf/scanned-letter.pdf', 'the PDF has no extractable text (scanned image?)'],
    ['a password-protected PDF', 'pdf/password-protected.pdf', 'the PDF is password-protected: save a copy without a password'],
    ['a truncated PDF', 'pdf/truncated.pdf', 'the file is not a readable PDF (Invalid PDF structure.)'],
  ])('rejects %s', async (_case, path, reason) => {
    const read = readPdfDocument(await loadFixture(path));
    await expect(read).rejects.toBeInstanceOf(SourceFormatError);
    await expect(read).rejects.toMatchObject({ relativePath: path, reason });
  });

  it('rejects a file that is not a PDF at all', async () => {
    await expect(readPdfDocument(sourceFile('fees.pdf', 'Fees: see the app.'))).rejects.toMatchObject({
      name: 'SourceFormatError',
      reason: expect.stringMatching(/^the file is not a readable PDF/),
    });
  });
});
