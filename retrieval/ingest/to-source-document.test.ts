import { describe, expect, it } from 'vitest';
import type { SourceDocument } from './source-document.js';
import { toSourceDocument } from './to-source-document.js';

const document: SourceDocument = {
  id: 'card-limits',
  title: '  Card\n limits ',
  locale: 'en',
  body: '\nYour daily limit is €500.\n\n',
  url: undefined,
  sourcePath: 'cards/card-limits.html',
};

describe('toSourceDocument', () => {
  it('trims the title and body and leaves out absent optional fields', () => {
    expect(toSourceDocument('cards/card-limits.html', document)).toStrictEqual({
      id: 'card-limits',
      title: 'Card limits',
      locale: 'en',
      body: 'Your daily limit is €500.',
      sourcePath: 'cards/card-limits.html',
    });
  });

  it.each([['Card_Limits'], ['card--limits'], ['-card'], ['']])('rejects the id %j', (id) => {
    expect(() => toSourceDocument('faq.jsonl', { ...document, id }, 'line 3')).toThrow(
      `faq.jsonl: line 3: id "${id}" must be lowercase kebab-case`,
    );
  });

  it('rejects a blank title', () => {
    expect(() => toSourceDocument('a.html', { ...document, title: ' \n ' })).toThrow('a.html: no title');
  });

  it('rejects a blank body as "no text"', () => {
    expect(() => toSourceDocument('a.html', { ...document, body: ' \n\n ' })).toThrow('a.html: no text');
  });
});
