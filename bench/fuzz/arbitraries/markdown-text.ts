import fc from 'fast-check';
import { hostileText, mutatedText, prototypeKeys } from './hostile-text.js';

const frontMatterLines = [
  'id: savings-interest',
  'title: Interest on your Lumen Savings account',
  'locale: en',
  'status: approved',
  'owner: savings-team',
  'version: 3',
  'reviewed_at: 2026-04-02',
  'review_due: 2027-04-02',
  'valid_until: 2026-02-30',
  'tags: [savings, interest]',
  'url: https://help.lumenbank.example/en/savings/savings-interest',
  'translations: { nl: spaarrente }',
];

/** YAML that has hurt parsers: aliases (billion laughs), merge keys, tags, prototype keys, huge numbers, odd indentation and quoting. */
const hostileYaml = [
  'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
  '<<: {id: merged}',
  '__proto__: {polluted: true}',
  'constructor: {prototype: {polluted: true}}',
  'version: 1e999',
  'version: 0x10',
  'version: .inf',
  'tags: !!js/function "function () {}"',
  'title: !!binary aGVsbG8=',
  'id: !custom-tag value',
  'title: "unterminated',
  "title: 'it''s'",
  '\tid: tab-indented',
  'reviewed_at: 2026-04-02T25:61:00Z',
  '? complex key\n: value',
  '- a list\n- at the top',
  'id: [nested, [deeply, [nested]]]',
  'title: |\n  literal\n  block',
  '%YAML 1.1\n---',
  '...',
  'id: *undefined_alias',
  ...prototypeKeys.map((key) => `${key}: x`),
];

const frontMatterBlock = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...frontMatterLines) }, { weight: 1, arbitrary: fc.constantFrom(...hostileYaml) }, { weight: 1, arbitrary: hostileText({ tokens: [': ', '- ', '[', ']', '{', '}', '&', '*', '!', '#', '"', "'"], maxPieces: 6 }) }), {
    maxLength: 14,
  })
  .map((lines) => lines.join('\n'));

const markdownLines = [
  '# Interest on your Lumen Savings account',
  '## When interest is paid',
  '# Title with closing hashes ##',
  '1. Open the app.',
  '- a list item',
  '```',
  '~~~',
  '# a shell comment inside a fence',
  '| a | b |',
  '> a quote',
  '---',
  '',
  'You earn interest on the full balance of your Lumen Savings account every day of the month.',
];

const markdownBody = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...markdownLines) }, { weight: 2, arbitrary: hostileText({ maxPieces: 8 }) }), { maxLength: 20 })
  .map((lines) => lines.join('\n'));

/** A markdown article: front matter (valid lines, hostile YAML, broken fences) and a body. */
export const markdownArticleText: fc.Arbitrary<string> = fc
  .record({
    bom: fc.boolean(),
    open: fc.constantFrom('---\n', '---\r\n', '--- \n', '---'),
    frontMatter: frontMatterBlock,
    close: fc.constantFrom('\n---\n', '\r\n---\r\n', '\n---', '\n--\n', '\n'),
    body: markdownBody,
  })
  .map(({ bom, open, frontMatter, close, body }) => `${bom ? '\ufeff' : ''}${open}${frontMatter}${close}${body}`);

/** Markdown files, with or without front matter, mutated. */
export const markdownText: fc.Arbitrary<string> = fc.oneof(markdownArticleText, markdownBody, mutatedText(markdownArticleText, ['---\n', '\n', ': ', '#']));
