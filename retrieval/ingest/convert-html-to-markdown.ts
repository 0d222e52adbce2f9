import { isTag, isText, type ChildNode, type Element } from 'domhandler';
import { isPageFurniture } from './is-page-furniture.js';

const sectionHeadings = new Set(['h1', 'h2', 'h3']);

/** Elements that start and end a paragraph; everything else is inline. */
const blockElements = new Set([
  'address',
  'article',
  'blockquote',
  'body',
  'caption',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'h4',
  'h5',
  'h6',
  'hr',
  'main',
  'p',
  'pre',
  'section',
  'summary',
]);

export interface HtmlToMarkdownOptions {
  /** An element to leave out, typically the `<h1>` already used as the title. */
  skip?: Element;
  /** True when `nodes` sit inside `<main>` or `<article>`, where a `<header>` belongs to the article. */
  insideArticle?: boolean;
}

/**
 * Converts HTML nodes to the markdown the knowledge base stores: paragraphs
 * separated by blank lines, `h1`–`h3` as `## ` sections, `-` items for `<ul>`
 * and numbered items for `<ol>` (nested lists indented), `<br>` as a line break,
 * and one line per table row with the cells joined by ` | `. Page furniture
 * (scripts, styles, navigation, site header and footer, asides, forms) is left out.
 * Links keep their text only; images are dropped, since an `alt` is rarely
 * written as article text.
 */
export function convertHtmlToMarkdown(nodes: readonly ChildNode[], options: HtmlToMarkdownOptions = {}): string {
  const blocks: string[] = [];
  let inline = '';

  const endParagraph = (): void => {
    const text = normalizeLines(inline);
    if (text !== '') blocks.push(text);
    inline = '';
  };

  const walk = (node: ChildNode, insideArticle: boolean): void => {
    if (isText(node)) {
      // Newlines in the source are layout, not content; only <br> becomes a line break.
      inline += node.data.replace(/\s+/g, ' ');
      return;
    }
    if (!isTag(node) || node === options.skip || isPageFurniture(node, insideArticle)) return;
    const name = node.name;
    const childrenInsideArticle = insideArticle || name === 'main' || name === 'article';
    if (name === 'br') {
      inline += '\n';
    } else if (sectionHeadings.has(name)) {
      endParagraph();
      const heading = textOf(node, childrenInsideArticle);
      if (heading !== '') blocks.push(`## ${heading}`);
    } else if (name === 'ul' || name === 'ol' || name === 'li') {
      endParagraph();
      // A stray <li> outside a list is rendered as a one-item list.
      const lines = name === 'li' ? renderListItem(node, '- ', '', childrenInsideArticle) : renderList(node, '', childrenInsideArticle);
      if (lines.length > 0) blocks.push(lines.join('\n'));
    } else if (name === 'table') {
      endParagraph();
      const rows = renderTable(node, childrenInsideArticle);
      if (rows.length > 0) blocks.push(rows.join('\n'));
    } else if (blockElements.has(name)) {
      endParagraph();
      for (const child of node.children) walk(child, childrenInsideArticle);
      endParagraph();
    } else {
      for (const child of node.children) walk(child, childrenInsideArticle);
    }
  };

  for (const node of nodes) walk(node, options.insideArticle ?? false);
  endParagraph();
  return blocks.join('\n\n');
}

/**
 * The text of an element on one line, entities decoded and whitespace
 * collapsed, leaving out the same furniture as the body.
 */
export function textOf(element: Element, insideArticle = false): string {
  return collapseWhitespace(rawTextOf(element.children, insideArticle));
}

function rawTextOf(nodes: readonly ChildNode[], insideArticle: boolean): string {
  let text = '';
  for (const node of nodes) {
    if (isText(node)) text += node.data;
    else if (isTag(node) && !isPageFurniture(node, insideArticle)) {
      // Block boundaries and line breaks separate words even when the source has no whitespace there.
      const separator = node.name === 'br' || blockElements.has(node.name) || node.name === 'li' ? ' ' : '';
      text += separator + rawTextOf(node.children, insideArticle) + separator;
    }
  }
  return text;
}

function renderList(list: Element, indent: string, insideArticle: boolean): string[] {
  const ordered = list.name === 'ol';
  const start = Number.parseInt(list.attribs['start'] ?? '1', 10);
  let number = Number.isNaN(start) ? 1 : start;
  const lines: string[] = [];
  for (const child of list.children) {
    if (!isTag(child) || isPageFurniture(child, insideArticle)) continue;
    if (child.name === 'li') {
      lines.push(...renderListItem(child, ordered ? `${number}. ` : '- ', indent, insideArticle));
      number += 1;
    } else if (child.name === 'ul' || child.name === 'ol') {
      // Invalid but common: a nested list placed directly in the parent list belongs to the previous item.
      lines.push(...renderList(child, `${indent}  `, insideArticle));
    }
  }
  return lines;
}

/** One item on one line, then its nested lists indented under it as markdown expects. */
function renderListItem(item: Element, marker: string, indent: string, insideArticle: boolean): string[] {
  const ownContent = item.children.filter((child) => !(isTag(child) && (child.name === 'ul' || child.name === 'ol')));
  const text = collapseWhitespace(rawTextOf(ownContent, insideArticle));
  const lines = text === '' ? [] : [`${indent}${marker}${text}`];
  const nestedIndent = indent + ' '.repeat(marker.length);
  for (const child of item.children) {
    if (isTag(child) && (child.name === 'ul' || child.name === 'ol') && !isPageFurniture(child, insideArticle)) {
      lines.push(...renderList(child, nestedIndent, insideArticle));
    }
  }
  return lines;
}

/** One line per row, cells joined by ` | `. A table nested in a cell is flattened into that cell's text. */
function renderTable(table: Element, insideArticle: boolean): string[] {
  const lines: string[] = [];
  const visit = (element: Element): void => {
    for (const child of element.children) {
      if (!isTag(child) || isPageFurniture(child, insideArticle)) continue;
      if (child.name === 'caption') {
        const caption = textOf(child, insideArticle);
        if (caption !== '') lines.push(caption);
      } else if (child.name === 'tr') {
        const cells = child.children.filter(
          (cell): cell is Element => isTag(cell) && (cell.name === 'td' || cell.name === 'th'),
        );
        const texts = cells.map((cell) => textOf(cell, insideArticle));
        if (texts.some((text) => text !== '')) lines.push(texts.join(' | '));
      } else {
        visit(child);
      }
    }
  };
  visit(table);
  return lines;
}

/** Collapses whitespace within each line and drops blank lines; every `\n` here came from a `<br>`. */
function normalizeLines(text: string): string {
  return text
    .split('\n')
    .map(collapseWhitespace)
    .filter((line) => line !== '')
    .join('\n');
}

function collapseWhitespace(text: string): string {
  // Soft hyphens and zero-width characters are invisible in the browser and only break words for search.
  return text
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
