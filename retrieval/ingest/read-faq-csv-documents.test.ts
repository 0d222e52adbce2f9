import { describe, expect, it } from 'vitest';
import { loadFixture, sourceFile } from './__fixtures__/load-fixture.js';
import { readFaqCsvDocuments } from './read-faq-csv-documents.js';
import { SourceFormatError } from './source-format-error.js';

const csv = (...rows: string[]) => sourceFile('faq.csv', rows.join('\n'));

describe('readFaqCsvDocuments', () => {
  it('reads a spreadsheet export with a BOM, CRLF endings and quoted commas, quotes and line breaks', async () => {
    const file = await loadFixture('csv/faq.csv');
    // Guard: the fixture really is what a spreadsheet writes, so this test proves something.
    expect(file.content.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(file.content.toString('utf8')).toContain('\r\n');

    const documents = await readFaqCsvDocuments(file);
    expect(documents).toStrictEqual([
      {
        id: 'faq-how-much-does-a-cash-withdrawal-abroad-cost',
        title: 'How much does a cash withdrawal abroad cost?',
        locale: 'en',
        body: 'Inside the euro area it is free. Outside the euro area you pay €2.25, plus 1.2% currency conversion.',
        url: 'https://help.lumenbank.example/en/fees/atm-fees',
        sourcePath: 'csv/faq.csv#faq-how-much-does-a-cash-withdrawal-abroad-cost',
      },
      {
        id: 'contactless-meaning',
        title: 'What does "contactless" mean?',
        locale: 'en',
        body: 'You hold your card or phone near the terminal to pay.\nNo PIN is needed for payments up to €50.',
        sourcePath: 'csv/faq.csv#contactless-meaning',
      },
      {
        id: 'faq-how-do-i-reset-my-pin',
        title: 'How do I reset my PIN?',
        locale: 'en',
        body: '1. Open the app and go to Cards.\n2. Tap Reset PIN, then choose a new PIN.',
        sourcePath: 'csv/faq.csv#faq-how-do-i-reset-my-pin',
      },
      {
        id: 'faq-how-do-i-reset-my-pin-2',
        title: 'How do I reset my PIN?',
        locale: 'en',
        body: 'If you do not have the app, call us and we will send a new PIN by post.',
        sourcePath: 'csv/faq.csv#faq-how-do-i-reset-my-pin-2',
      },
      {
        id: 'faq-hoe-verhoog-ik-mijn-daglimiet',
        title: 'Hoe verhoog ik mijn daglimiet?',
        locale: 'nl',
        body: 'Ga in de app naar Passen, kies Limieten en stel een nieuw bedrag in.',
        sourcePath: 'csv/faq.csv#faq-hoe-verhoog-ik-mijn-daglimiet',
      },
    ]);
  });

  it('matches the header case-insensitively in any column order, ignoring other columns', async () => {
    const documents = await readFaqCsvDocuments(csv('Category, ANSWER ,Question', 'Cards,Tap Block card.,How do I block my card?'));
    expect(documents).toStrictEqual([
      {
        id: 'faq-how-do-i-block-my-card',
        title: 'How do I block my card?',
        locale: 'en',
        body: 'Tap Block card.',
        sourcePath: 'faq.csv#faq-how-do-i-block-my-card',
      },
    ]);
  });

  it('reads a semicolon-separated sheet as Excel with Dutch settings writes it', async () => {
    const documents = await readFaqCsvDocuments(csv('Vraag;Answer;Question;Locale', 'x;Het kost €2,25.;Wat kost een opname?;nl'));
    expect(documents).toMatchObject([{ title: 'Wat kost een opname?', body: 'Het kost €2,25.', locale: 'nl' }]);
  });

  it('never gives a generated id that another row states', async () => {
    const documents = await readFaqCsvDocuments(
      csv('question,answer,id', 'Is it free?,Yes.,', 'Is it free?,Still yes.,faq-is-it-free', 'Is it free?,Really.,'),
    );
    expect(documents.map((document) => document.id)).toEqual(['faq-is-it-free-2', 'faq-is-it-free', 'faq-is-it-free-3']);
  });

  it('gives the same ids every time the same sheet is read', async () => {
    const file = await loadFixture('csv/faq.csv');
    const first = await readFaqCsvDocuments(file);
    const second = await readFaqCsvDocuments(file);
    expect(second.map((document) => document.id)).toEqual(first.map((document) => document.id));
  });

  it('falls back to the row number when the question has no letters or digits', async () => {
    const documents = await readFaqCsvDocuments(csv('question,answer', '???,We could not read the question.'));
    expect(documents[0]?.id).toBe('faq-row-2');
  });

  it.each([
    ['a missing answer column', ['Question,Reply', 'Is it free?,Yes.'], 'row 1: the header must name the columns question and answer; missing answer (found "Question", "Reply")'],
    ['an empty file', [''], 'row 1: the header must name the columns question and answer; missing question and answer (found nothing)'],
    ['a repeated column', ['question,answer,Question', 'a,b,c'], 'row 1: column "question" appears twice in the header'],
    ['an empty answer', ['question,answer', 'Is it free?,Yes.', 'Is it safe?,  '], 'row 3: empty answer'],
    ['an empty question and answer', ['question,answer,id', ',,card-fees'], 'row 2: empty question and answer'],
    ['a short row', ['question,answer', 'Is it free?'], 'row 2: empty answer'],
    ['an unquoted comma', ['question,answer', 'What does it cost?,€2,50'], 'row 2: 3 cells but the header has 2 columns (quote fields that contain commas)'],
    ['an unsupported locale', ['question,answer,locale', 'Is it free?,Oui.,fr'], 'row 2: locale "fr" is not supported (use en or nl)'],
    ['a relative url', ['question,answer,url', 'Is it free?,Yes.,/en/fees'], 'row 2: url "/en/fees" must be an absolute http(s) URL'],
    ['a bad stated id', ['question,answer,id', 'Is it free?,Yes.,Free?'], 'row 2: id "Free?" must be lowercase kebab-case (a-z, 0-9 and single hyphens)'],
    ['a repeated stated id', ['question,answer,id', 'A?,a,same', 'B?,b,other', 'C?,c,same'], 'row 4: duplicate id "same" (also in row 2)'],
    ['a header without rows', ['question,answer'], 'no text: the sheet has a header but no rows'],
  ])('rejects %s', async (_case, rows, reason) => {
    const read = readFaqCsvDocuments(csv(...rows));
    await expect(read).rejects.toBeInstanceOf(SourceFormatError);
    await expect(read).rejects.toMatchObject({ relativePath: 'faq.csv', reason });
  });

  it('counts rows as a spreadsheet does when a quoted answer spans lines', async () => {
    const read = readFaqCsvDocuments(csv('question,answer', 'Is it free?,"Yes.\nAlways."', 'Is it safe?,'));
    await expect(read).rejects.toMatchObject({ reason: 'row 3: empty answer' });
  });

  it('skips blank rows but still counts them, as a spreadsheet does', async () => {
    const read = readFaqCsvDocuments(csv('question,answer', '', ',', 'Is it free?,Yes.', 'Is it safe?,'));
    await expect(read).rejects.toMatchObject({ reason: 'row 5: empty answer' });
    const documents = await readFaqCsvDocuments(csv('question,answer', '', 'Is it free?,Yes.', ',', ''));
    expect(documents.map((document) => document.title)).toEqual(['Is it free?']);
  });

  it('refuses a sheet of more than 10,000 lines before the CSV parser spends seconds on it (found by bench/fuzz)', async () => {
    const started = performance.now();
    const read = readFaqCsvDocuments(csv('question,answer', ...Array.from({ length: 100_000 }, () => 'x')));
    await expect(read).rejects.toMatchObject({ name: 'SourceFormatError', reason: 'more than 10000 lines: split the sheet into several files' });
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('reports broken quoting as invalid CSV', async () => {
    const read = readFaqCsvDocuments(csv('question,answer', 'Is it free?,"Yes.'));
    await expect(read).rejects.toMatchObject({ reason: expect.stringMatching(/^not valid CSV: .*quote/i) });
  });
});
