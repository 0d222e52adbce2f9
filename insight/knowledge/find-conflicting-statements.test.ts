import { describe, expect, it } from 'vitest';
import { createLocalHashEmbedder } from '../../retrieval/local-hash-embedder.js';
import { findConflictingStatements } from './find-conflicting-statements.js';

const embedder = createLocalHashEmbedder();
const article = (id: string, body: string, locale = 'en') => ({ id, title: `Title of ${id}`, locale, body });

describe('findConflictingStatements', () => {
  it('finds two articles that state the same fee with different amounts, and names both numbers', async () => {
    const conflicts = await findConflictingStatements(
      [
        article('card-fees-old', 'A replacement card costs €7.50. Cards arrive by post.'),
        article('card-fees', 'Ordering a card is easy in the app. A replacement card costs €5.50.'),
      ],
      embedder,
    );
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({
      left: { id: 'card-fees', title: 'Title of card-fees' },
      right: { id: 'card-fees-old' },
      locale: 'en',
      statements: [{ left: 'A replacement card costs €5.50.', right: 'A replacement card costs €7.50.', differences: [{ kind: 'amount', left: ['5.50'], right: ['7.50'] }] }],
    });
  });

  it('ignores agreeing articles, other languages, one article with itself, and the rows of a table', async () => {
    const conflicts = await findConflictingStatements(
      [
        article('a', 'A replacement card costs €5.50.\n\n1 year: 2.20% per year; 2 years: 2.30% per year.'),
        article('b', 'A replacement card costs €5.50. A paper statement costs €2.00 per month.'),
        article('c', 'Een vervangende pas kost €7,50.', 'nl'),
        article('d', '3 years: 2.40% per year. 5 years: 2.50% per year.'),
        article('e', 'A paper statement costs €2.00 per month. Also: a paper statement costs €1.75 per month.'),
      ],
      embedder,
    );
    expect(conflicts.map((conflict) => [conflict.left.id, conflict.right.id])).toEqual([['b', 'e']]);
  });

  it('does not take two help lines with the same hours for a contradiction', async () => {
    const conflicts = await findConflictingStatements(
      [
        article('contact', 'Call +31 20 555 0100, Monday to Friday from 08:00 to 20:00.'),
        article('claims', 'You can also report a claim by calling +31 20 555 0150, Monday to Friday from 08:00 to 20:00.'),
      ],
      embedder,
    );
    expect(conflicts).toEqual([]);
  });
});
