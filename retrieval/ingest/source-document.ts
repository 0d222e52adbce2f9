import type { ArticleFrontMatter } from '../../knowledge/article-front-matter.js';

/**
 * One document read from a source file, in the shape ingestion stores: a
 * markdown body (with `##` headings where the source had sections) and the
 * metadata the source carried. One file may hold many documents (JSONL, CSV).
 */
export interface SourceDocument {
  /** Stable id: from front matter or the record, else derived from the file path (lowercase kebab-case). */
  id: string;
  title: string;
  locale: 'en' | 'nl';
  /** Markdown: paragraphs, `##` section headings, `-` list items. No front matter, no leading `# title`. */
  body: string;
  url?: string;
  /** Present when the source carries curated metadata (markdown with front matter). */
  frontMatter?: ArticleFrontMatter;
  /** Path relative to the ingest root; `path#recordId` for one record of a multi-document file. */
  sourcePath: string;
}

/** What a reader gets for one file. */
export interface SourceFile {
  /** Path relative to the ingest root, with forward slashes. */
  relativePath: string;
  content: Buffer;
  /** Locale for documents that do not state one. */
  defaultLocale: 'en' | 'nl';
}

/** Reads one file into the documents it holds; throws `SourceFormatError` with a reason a person can act on. */
export type SourceReader = (file: SourceFile) => Promise<SourceDocument[]>;
