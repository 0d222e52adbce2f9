import { readFile } from 'node:fs/promises';
import type { SourceFile } from '../source-document.js';

/**
 * A fixture under `__fixtures__/` as a reader receives it. The relative path
 * defaults to the fixture's own path; tests override it to exercise ids.
 */
export async function loadFixture(path: string, overrides: Partial<Omit<SourceFile, 'content'>> = {}): Promise<SourceFile> {
  return {
    relativePath: path,
    content: await readFile(new URL(path, import.meta.url)),
    defaultLocale: 'en',
    ...overrides,
  };
}

/** A source file built from text, for error cases too small to deserve a fixture. */
export function sourceFile(relativePath: string, text: string | Buffer, defaultLocale: SourceFile['defaultLocale'] = 'en'): SourceFile {
  return { relativePath, content: typeof text === 'string' ? Buffer.from(text, 'utf8') : text, defaultLocale };
}
