import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findInjectedPassages } from '../../guardrails/input/prompt-injection/index.js';
import { parseArticleMarkdown } from '../../knowledge/parse-article-markdown.js';
import { chunkArticle } from '../../retrieval/chunk-article.js';

const articlesDirectory = fileURLToPath(new URL('../../knowledge/articles/', import.meta.url));

interface KnowledgePassage {
  id: string;
  text: string;
}

/** Every article whole, its title, and every chunk retrieval would hand to a generator, with its heading. */
async function knowledgePassages(): Promise<KnowledgePassage[]> {
  const files = (await readdir(articlesDirectory, { recursive: true })).filter((file) => file.endsWith('.md')).sort();
  const passages: KnowledgePassage[] = [];
  for (const file of files) {
    const article = parseArticleMarkdown(await readFile(join(articlesDirectory, file), 'utf8'));
    passages.push({ id: `${file}#body`, text: article.body }, { id: `${file}#title`, text: article.frontMatter.title });
    for (const chunk of await chunkArticle(article.frontMatter.title, article.body)) {
      passages.push({ id: `${file}#${chunk.ordinal}`, text: `${chunk.heading}\n${chunk.text}` });
    }
  }
  return passages;
}

describe('the knowledge base', () => {
  it('has no article or chunk that the passage-injection detector flags', async () => {
    const passages = await knowledgePassages();
    expect(passages.length).toBeGreaterThan(100);
    const { flagged } = findInjectedPassages(passages);
    const report = flagged.map(({ passage, signals }) => `${passage.id} [${signals.join(', ')}]: ${passage.text.slice(0, 160)}`);
    expect(flagged.length, `${flagged.length}/${passages.length} flagged:\n${report.join('\n')}`).toBe(0);
  });
});
