import { ArticleFormatError, parseArticleMarkdown, type ParsedArticle } from '../../knowledge/parse-article-markdown.js';
import { decodeTextFile } from './decode-text-file.js';
import { deriveDocumentId } from './derive-document-id.js';
import type { SourceDocument, SourceReader } from './source-document.js';
import { SourceFormatError } from './source-format-error.js';
import { titleFromFileName } from './title-from-file-name.js';
import { toSourceDocument } from './to-source-document.js';

const titleHeadingPattern = /^#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/;

/**
 * Reads a `.md` / `.markdown` file. A curated article (front matter between
 * `---` lines) keeps its id, title, locale, url and front matter; the body loses
 * its leading `# title`. A plain markdown file gets its title from the first
 * `# ` heading (else the file name) and its id from its path.
 */
export const readMarkdownDocument: SourceReader = async (file) => {
  const text = decodeTextFile(file);
  const document = /^---\n/.test(text) ? readArticle(file.relativePath, text) : readPlainMarkdown(file.relativePath, text, file.defaultLocale);
  return [toSourceDocument(file.relativePath, document)];
};

function readArticle(relativePath: string, text: string): SourceDocument {
  let article: ParsedArticle;
  try {
    article = parseArticleMarkdown(text);
  } catch (error) {
    if (error instanceof ArticleFormatError) throw new SourceFormatError(relativePath, error.message);
    throw error;
  }
  const { frontMatter } = article;
  return {
    id: frontMatter.id,
    title: frontMatter.title,
    locale: frontMatter.locale,
    url: frontMatter.url,
    frontMatter,
    body: withoutLeadingTitle(article.body),
    sourcePath: relativePath,
  };
}

function withoutLeadingTitle(body: string): string {
  const [firstLine = '', ...rest] = body.split('\n');
  return titleHeadingPattern.test(firstLine) ? rest.join('\n') : body;
}

function readPlainMarkdown(relativePath: string, text: string, locale: SourceDocument['locale']): SourceDocument {
  const lines = text.split('\n');
  const titleIndex = findTitleHeading(lines);
  const title = titleIndex === -1 ? titleFromFileName(relativePath) : (titleHeadingPattern.exec(lines[titleIndex] ?? '')?.[1] ?? '');
  const body =
    titleIndex === -1 ? text : [...lines.slice(0, titleIndex), ...lines.slice(titleIndex + 1)].join('\n').replace(/\n{3,}/g, '\n\n');
  return { id: deriveDocumentId(relativePath), title, locale, body, sourcePath: relativePath };
}

/** Index of the first `# ` heading line outside fenced code (where `#` is a shell comment), or -1. */
function findTitleHeading(lines: string[]): number {
  let insideFence = false;
  for (const [index, line] of lines.entries()) {
    if (/^ {0,3}(```|~~~)/.test(line)) insideFence = !insideFence;
    else if (!insideFence && titleHeadingPattern.test(line)) return index;
  }
  return -1;
}
