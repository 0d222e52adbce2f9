import fc from 'fast-check';
import { hostileText, mutatedText } from './hostile-text.js';
import { ingestFixtures } from './source-files.js';

const tags = ['main', 'article', 'body', 'html', 'head', 'title', 'h1', 'h2', 'h3', 'h4', 'p', 'div', 'ul', 'ol', 'li', 'table', 'tr', 'td', 'th', 'caption', 'br', 'nav', 'header', 'footer', 'aside', 'script', 'style', 'form', 'section', 'span', 'a', 'img', 'pre', 'template', 'svg', 'math', 'noscript', 'iframe', 'textarea'];
const attributes = [
  '',
  ' lang="nl-NL"',
  ' lang="en"',
  ' role="main"',
  ' class="site-header"',
  ' rel="canonical" href="https://help.lumenbank.example/en/x"',
  ' rel="canonical" href="/relative"',
  ' rel="canonical" href="javascript:alert(1)"',
  ' start="-5"',
  ' start="1e400"',
  ' start="abc"',
  ' hidden',
  ' aria-hidden="true"',
  ' __proto__="x"',
  ' constructor="x"',
];

const { node: htmlNode } = fc.letrec<{ node: string; element: string }>((tie) => ({
  node: fc.oneof(
    { maxDepth: 6, depthIdentifier: 'html' },
    hostileText({ tokens: ['&amp;', '&nbsp;', '&euro;', '&#8217;', '&#x0;', '&#xD800;', '&bogus;', '<', '>', '<!--', '-->', '<![CDATA['], maxPieces: 6 }),
    tie('element'),
  ),
  element: fc
    .record({
      tag: fc.constantFrom(...tags),
      attribute: fc.constantFrom(...attributes),
      children: fc.array(tie('node'), { maxLength: 5, depthIdentifier: 'html' }),
      closed: fc.boolean(),
    })
    .map(({ tag, attribute, children, closed }) => `<${tag}${attribute}>${children.join('')}${closed ? `</${tag}>` : ''}`),
}));

/** Markup nested far deeper than any page, to find recursion that overflows the stack. */
const deeplyNested = fc
  .tuple(fc.constantFrom('div', 'ul', 'li', 'table', 'main', 'span', 'h2'), fc.oneof(fc.integer({ min: 300, max: 2_000 }), fc.integer({ min: 2_000, max: 12_000 })))
  .map(([tag, depth]) => `<html><body><h1>Deep</h1>${`<${tag}>`.repeat(depth)}text${`</${tag}>`.repeat(depth)}</body></html>`);

/** Help pages: generated element trees, the fixtures mutated as text, deeply nested markup. */
export const htmlText: fc.Arbitrary<string> = fc.oneof(
  { weight: 20, arbitrary: fc.array(htmlNode, { maxLength: 6 }).map((nodes) => `<!DOCTYPE html><html>${nodes.join('')}</html>`) },
  { weight: 10, arbitrary: mutatedText(fc.constantFrom(...ingestFixtures('html').map((bytes) => bytes.toString('utf8'))), tags.map((tag) => `<${tag}>`)) },
  { weight: 1, arbitrary: deeplyNested },
);
