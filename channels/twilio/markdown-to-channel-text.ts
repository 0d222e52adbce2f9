/**
 * Answers quote help articles written in markdown. SMS shows no formatting
 * and WhatsApp has its own (`*bold*`, `_italic_`); these convert the little
 * markdown a quoted sentence may carry. Link targets are kept as text, so no
 * URL is lost.
 */

const link = /\[([^\]]+)\]\((\S+?)\)/g;
const strong = /(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g;
const emphasis = /(?<![\w*])([*_])(?=\S)([^*_\n]+?)(?<=\S)\1(?![\w*])/g;
const code = /`([^`\n]+)`/g;
const heading = /^#{1,6}[ \t]+/gm;
const quote = /^>[ \t]?/gm;
const bullet = /^([ \t]*)[*+][ \t]+/gm;

function linkText(label: string, url: string): string {
  return label === url ? url : `${label} (${url})`;
}

/** Pure: markdown as plain text for SMS. */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .replace(link, (_match, label: string, url: string) => linkText(label, url))
    .replace(strong, '$2')
    .replace(emphasis, '$2')
    .replace(code, '$1')
    .replace(heading, '')
    .replace(quote, '')
    .replace(bullet, '$1- ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Pure: markdown in WhatsApp's formatting: `**x**` becomes `*x*`, `*x*` becomes `_x_`, headings bold. */
export function markdownToWhatsApp(markdown: string): string {
  // Bold goes through a placeholder so the italic pass does not take its asterisks.
  const boldMark = '\u0000';
  return markdown
    .replace(link, (_match, label: string, url: string) => linkText(label, url))
    .replace(strong, `${boldMark}$2${boldMark}`)
    .replace(emphasis, '_$2_')
    .replace(/^#{1,6}[ \t]+(.+)$/gm, `${boldMark}$1${boldMark}`)
    .replace(code, '$1')
    .replace(quote, '')
    .replace(bullet, '$1- ')
    .replaceAll(boldMark, '*')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Pure: text safe inside WhatsApp `*bold*`: formatting characters that would end it early are dropped. */
export function stripWhatsAppFormatting(text: string): string {
  return text.replace(/[*_~`]/g, '').replace(/\s+/g, ' ').trim();
}
