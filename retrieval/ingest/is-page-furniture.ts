import type { Element } from 'domhandler';

/** Page furniture and interactive parts: never article text. */
const furniture = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'button',
  'select',
  'textarea',
  'iframe',
  'svg',
  'canvas',
]);

/**
 * True for an HTML element whose content is not article text: scripts, styles,
 * navigation, site header and footer, asides, forms, and anything `hidden`.
 *
 * @param insideArticle true inside `<main>` or `<article>`, where a `<header>`
 *   holds the article's own heading and lead rather than site chrome.
 */
export function isPageFurniture(element: Element, insideArticle: boolean): boolean {
  if (element.name === 'header' && insideArticle) return false;
  return furniture.has(element.name) || element.attribs['hidden'] !== undefined;
}
