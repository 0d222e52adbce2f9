import { describe, expect, it } from 'vitest';
import { diffLines, formatUnifiedDiff, type DiffLine } from './diff-lines.js';

const same = (text: string): DiffLine => ({ kind: 'same', text });
const added = (text: string): DiffLine => ({ kind: 'added', text });
const removed = (text: string): DiffLine => ({ kind: 'removed', text });

describe('diffLines', () => {
  it('marks every line of identical texts as the same', () => {
    expect(diffLines('a\nb\nc', 'a\nb\nc')).toEqual([same('a'), same('b'), same('c')]);
  });

  it('shows a changed line as removed, then added, in place', () => {
    expect(diffLines('a\nb\nc', 'a\nB\nc')).toEqual([same('a'), removed('b'), added('B'), same('c')]);
  });

  it('finds lines inserted and deleted anywhere', () => {
    expect(diffLines('b\nc', 'a\nb\nc\nd')).toEqual([added('a'), same('b'), same('c'), added('d')]);
    expect(diffLines('a\nb\nc\nd', 'b\nd')).toEqual([removed('a'), same('b'), removed('c'), same('d')]);
  });

  it('keeps the longest common run of lines: a moved line is one removal and one addition', () => {
    const lines = diffLines('one\ntwo\nthree\nfour', 'two\nthree\nfour\none');
    expect(lines).toEqual([removed('one'), same('two'), same('three'), same('four'), added('one')]);
  });

  it('reads back into both texts', () => {
    const before = 'intro\nfee €4.95\nshared\nold tail\nend';
    const after = 'new intro\nintro\nfee €5.95\nshared\nend\nnew tail';
    const lines = diffLines(before, after);
    expect(lines.filter((line) => line.kind !== 'added').map((line) => line.text).join('\n')).toBe(before);
    expect(lines.filter((line) => line.kind !== 'removed').map((line) => line.text).join('\n')).toBe(after);
    expect(lines.filter((line) => line.kind === 'same').map((line) => line.text)).toEqual(['intro', 'shared', 'end']);
  });

  it('treats a trailing newline as an empty last line', () => {
    expect(diffLines('a', 'a\n')).toEqual([same('a'), added('')]);
  });

  it('compares whole lines exactly: whitespace and case count', () => {
    expect(diffLines('Fee: €5', 'fee: €5 ')).toEqual([removed('Fee: €5'), added('fee: €5 ')]);
  });
});

describe('formatUnifiedDiff', () => {
  const numbered = (count: number) => Array.from({ length: count }, (_, index) => `line ${index + 1}`);

  it('is empty when nothing changed', () => {
    expect(formatUnifiedDiff(diffLines('a\nb', 'a\nb'))).toBe('');
    expect(formatUnifiedDiff([])).toBe('');
  });

  it('prefixes removed, added and context lines with "-", "+" and a space', () => {
    expect(formatUnifiedDiff([same('a'), removed('b'), added('B'), same('c')])).toBe(['  a', '- b', '+ B', '  c'].join('\n'));
  });

  it('keeps two unchanged lines around each change by default', () => {
    const before = numbered(9);
    const after = before.map((line) => (line === 'line 5' ? 'line five' : line));
    expect(formatUnifiedDiff(diffLines(before.join('\n'), after.join('\n'))).split('\n')).toEqual([
      '  line 3',
      '  line 4',
      '- line 5',
      '+ line five',
      '  line 6',
      '  line 7',
    ]);
  });

  it('separates changes whose context does not touch with "@@", and merges those that do', () => {
    const before = numbered(12);
    const apart = before.map((line) => (line === 'line 2' || line === 'line 11' ? `${line} changed` : line));
    expect(formatUnifiedDiff(diffLines(before.join('\n'), apart.join('\n'))).split('\n')).toEqual([
      '  line 1',
      '- line 2',
      '+ line 2 changed',
      '  line 3',
      '  line 4',
      '@@',
      '  line 9',
      '  line 10',
      '- line 11',
      '+ line 11 changed',
      '  line 12',
    ]);
    const near = before.map((line) => (line === 'line 4' || line === 'line 8' ? `${line} changed` : line));
    expect(formatUnifiedDiff(diffLines(before.join('\n'), near.join('\n')))).not.toContain('@@');
  });

  it('takes the amount of context as an argument', () => {
    const lines = [same('a'), same('b'), removed('c'), same('d'), same('e'), same('f'), added('g')];
    expect(formatUnifiedDiff(lines, 0).split('\n')).toEqual(['- c', '@@', '+ g']);
    expect(formatUnifiedDiff(lines, 1).split('\n')).toEqual(['  b', '- c', '  d', '@@', '  f', '+ g']);
  });
});
