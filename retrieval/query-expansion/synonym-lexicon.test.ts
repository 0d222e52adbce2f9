import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../bot/errors/validation-error.js';
import { tokenize } from '../text/normalize-terms.js';
import { readSynonymLexicon } from './synonym-lexicon.js';

const articlesDirectory = fileURLToPath(new URL('../../knowledge/articles', import.meta.url));

async function articleWords(locale: 'en' | 'nl'): Promise<Set<string>> {
  const files = (await readdir(join(articlesDirectory, locale), { recursive: true })).filter((file) => file.endsWith('.md'));
  const words = new Set<string>();
  for (const file of files) for (const word of tokenize(await readFile(join(articlesDirectory, locale, file), 'utf8'))) words.add(word);
  return words;
}

describe('the shipped synonyms', () => {
  it('load, and every meant word is one the articles of that language use', async () => {
    const lexicon = await readSynonymLexicon();
    for (const locale of ['en', 'nl'] as const) {
      const used = await articleWords(locale);
      const entries = lexicon[locale] ?? [];
      expect(entries.length).toBeGreaterThan(10);
      const unknown = entries.flatMap((entry) => tokenize(entry.means)).filter((word) => !used.has(word));
      expect(unknown, `${locale} words no article uses`).toEqual([]);
    }
  });
});

describe('readSynonymLexicon', () => {
  it('reports a bad file with its path and the problem', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'synonyms-'));
    const path = join(directory, 'synonyms.yaml');
    await writeFile(path, 'en:\n  - say: []\n    means: card\n');
    const error = await readSynonymLexicon(path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toContain(path);
    expect((error as Error).message).toContain('en.0.say');
  });

  it('reports YAML that does not parse', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'synonyms-'));
    const path = join(directory, 'synonyms.yaml');
    await writeFile(path, 'en: [unclosed\n');
    await expect(readSynonymLexicon(path)).rejects.toThrow(path);
  });
});
