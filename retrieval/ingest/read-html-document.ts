import { isTag, type ChildNode, type Document, type Element } from 'domhandler';
import { DomUtils, parseDocument } from 'htmlparser2';
import { convertHtmlToMarkdown, textOf } from './convert-html-to-markdown.js';
import { decodeTextFile } from './decode-text-file.js';
import { deriveDocumentId } from './derive-document-id.js';
import { httpUrlSchema } from './http-url-schema.js';
import { isPageFurniture } from './is-page-furniture.js';
import { parseLocaleTag } from './parse-locale-tag.js';
import type { SourceReader } from './source-document.js';
import { SourceFormatError } from './source-format-error.js';
import { titleFromFileName } from './title-from-file-name.js';
import { toSourceDocument } from './to-source-document.js';

/**
 * Reads an `.html` / `.htm` help page. The article text comes from `<main>`
 * (else a single `<article>`, else `<body>`) converted to markdown; the title
 * from the first `<h1>` (else `<title>`, else the file name); the locale from
 * `<html lang>` when it is English or Dutch, else the default; the url from
 * `<link rel="canonical">` when that is an absolute http(s) URL. A page whose
 * elements nest deeper than browsers build (512 levels) is refused: the
 * conversion walks the tree recursively and would overflow the stack.
 */
export const readHtmlDocument: SourceReader = async (file) => {
  const document = parseDocument(decodeTextFile(file));
  if (nestingDepth(document) > maxNestingDepth) {
    throw new SourceFormatError(file.relativePath, `elements are nested more than ${maxNestingDepth} levels deep`);
  }
  const root = findContentRoot(document.children);
  const rootNodes = root?.children ?? document.children;
  const insideArticle = root?.name === 'main' || root?.name === 'article';
  // Some CMSs put the page's <h1> in a hero <header> above <main>; look there before settling for <title>.
  const titleHeading = findContentElement(rootNodes, 'h1', insideArticle) ?? findContentElement(document.children, 'h1', true);
  const titleElement = findFirst(document.children, 'title');
  const title =
    nonEmpty(titleHeading && textOf(titleHeading, true)) ??
    nonEmpty(titleElement && textOf(titleElement)) ??
    titleFromFileName(file.relativePath);
  const url = canonicalUrl(document.children);
  return [
    toSourceDocument(file.relativePath, {
      id: deriveDocumentId(file.relativePath),
      title,
      locale: parseLocaleTag(findFirst(document.children, 'html')?.attribs['lang']) ?? file.defaultLocale,
      body: convertHtmlToMarkdown(rootNodes, { skip: titleHeading, insideArticle }),
      ...(url === undefined ? {} : { url }),
      sourcePath: file.relativePath,
    }),
  ];
};

/** Blink's HTML parser stops nesting elements at 512 levels (kMaximumHTMLParserDOMTreeDepth): no page a browser shows is deeper. */
const maxNestingDepth = 512;

/** How many elements deep the tree goes, counted without recursion so that any depth can be measured. */
function nestingDepth(document: Document): number {
  let deepest = 0;
  const pending: [Element, number][] = document.children.filter(isTag).map((element) => [element, 1]);
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [element, depth] = next;
    deepest = Math.max(deepest, depth);
    for (const child of element.children) if (isTag(child)) pending.push([child, depth + 1]);
  }
  return deepest;
}

function findContentRoot(nodes: ChildNode[]): Element | undefined {
  const main = DomUtils.findOne((element) => element.name === 'main' || element.attribs['role'] === 'main', nodes);
  if (main) return main;
  // Several <article>s (a list of teasers) mean no single one is the page's content.
  const articles = DomUtils.findAll((element) => element.name === 'article', nodes);
  if (articles.length === 1) return articles[0];
  return findFirst(nodes, 'body');
}

/** The first element named `name` that is not inside page furniture (a logo `<h1>` in the nav is no title). */
function findContentElement(nodes: readonly ChildNode[], name: string, insideArticle: boolean): Element | undefined {
  for (const node of nodes) {
    if (!isTag(node) || isPageFurniture(node, insideArticle)) continue;
    if (node.name === name) return node;
    const found = findContentElement(node.children, name, insideArticle || node.name === 'main' || node.name === 'article');
    if (found) return found;
  }
  return undefined;
}

function findFirst(nodes: ChildNode[], name: string): Element | undefined {
  return DomUtils.findOne((element) => element.name === name, nodes) ?? undefined;
}

function canonicalUrl(nodes: ChildNode[]): string | undefined {
  const link = DomUtils.findOne(
    (element) => element.name === 'link' && (element.attribs['rel'] ?? '').toLowerCase().split(/\s+/).includes('canonical'),
    nodes,
  );
  // A relative canonical cannot be resolved without knowing where the page was served; it is left out.
  const parsed = httpUrlSchema.safeParse(link?.attribs['href']?.trim());
  return parsed.success ? parsed.data : undefined;
}

function nonEmpty(text: string | undefined): string | undefined {
  return text === undefined || text === '' ? undefined : text;
}
