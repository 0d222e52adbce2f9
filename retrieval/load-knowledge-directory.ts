import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Db } from '../db/db.js';
import { parseArticleMarkdown } from '../knowledge/parse-article-markdown.js';
import type { Embedder } from './embedder.js';
import { saveArticleVersion } from './knowledge-store.js';

export interface LoadReport {
  created: number;
  unchanged: number;
  /** Files that could not be loaded, with why; the others are still loaded. */
  failures: { path: string; reason: string }[];
}

/** Loads every `*.md` article under `directory`; one bad file never stops the rest. */
export async function loadKnowledgeDirectory(db: Db, embedder: Embedder, directory: string): Promise<LoadReport> {
  const report: LoadReport = { created: 0, unchanged: 0, failures: [] };
  for (const path of await listMarkdownFiles(directory)) {
    const sourcePath = relative(directory, path);
    try {
      const article = parseArticleMarkdown(await readFile(path, 'utf8'));
      const result = await saveArticleVersion(db, embedder, article, { actor: 'system:ingest', sourcePath });
      report[result.outcome] += 1;
    } catch (error) {
      report.failures.push({ path: sourcePath, reason: (error as Error).message });
    }
  }
  return report;
}

async function listMarkdownFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
