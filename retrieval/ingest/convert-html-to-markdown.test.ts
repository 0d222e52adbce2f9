import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { convertHtmlToMarkdown } from './convert-html-to-markdown.js';

const convert = (html: string) => convertHtmlToMarkdown(parseDocument(html).children);

describe('convertHtmlToMarkdown', () => {
  it('turns h1–h3 into ## sections and h4–h6 into paragraphs', () => {
    expect(convert('<h1>A</h1><h2>B</h2><h3>C <small>(new)</small></h3><h4>D</h4><p>Text</p>')).toBe(
      '## A\n\n## B\n\n## C (new)\n\nD\n\nText',
    );
  });

  it('collapses source whitespace and keeps <br> as a line break', () => {
    expect(convert('<p>  Call us\n   on working   days.<br>\n  Chat\tany time.<br><br></p>')).toBe('Call us on working days.\nChat any time.');
  });

  it('separates block elements even without whitespace between them', () => {
    expect(convert('<div>One</div><div>Two <span>and</span> <b>three</b></div>text after')).toBe('One\n\nTwo and three\n\ntext after');
  });

  it('renders nested lists with indentation, ordered lists with numbers from their start', () => {
    const html = `
      <ul>
        <li>Cards
          <ol start="3"><li>Debit</li><li>Credit<ul><li>Classic</li><li>Gold</li></ul></li></ol>
        </li>
        <li><p>Savings</p><p>accounts</p></li>
        <ul><li>Misplaced nested list</li></ul>
      </ul>`;
    expect(convert(html)).toBe(
      ['- Cards', '  3. Debit', '  4. Credit', '     - Classic', '     - Gold', '- Savings accounts', '  - Misplaced nested list'].join('\n'),
    );
  });

  it('writes one line per table row with cells joined by " | "', () => {
    const html = `<table>
      <tr><th>Card</th><th>Daily limit</th></tr>
      <tr><td>Debit</td><td>€500<br>cash</td></tr>
      <tr><td></td><td></td></tr>
      <tr><td>Credit</td><td>n/a</td></tr>
    </table>`;
    expect(convert(html)).toBe('Card | Daily limit\nDebit | €500 cash\nCredit | n/a');
  });

  it('drops hidden elements and furniture but keeps an article header', () => {
    const html = `
      <header>Site header</header>
      <article><header><p>Article lead</p></header><p hidden>Hidden</p><p>Body</p><footer>Share</footer></article>`;
    expect(convert(html)).toBe('Article lead\n\nBody');
  });

  it('removes soft hyphens and zero-width spaces', () => {
    expect(convert('<p>with\u00addrawal\u200b fee</p>')).toBe('withdrawal fee');
  });
});
