import { describe, expect, it } from 'vitest';
import { isSpaceCut, isSpaceCutBetweenLongTokens, listCandidateRanges, scanNumberRuns } from './scan-number-runs.js';

function describeRuns(text: string) {
  return scanNumberRuns(text).map((run) => ({
    tokens: run.tokens.map((token) => `${token.separatorBefore}${text.slice(token.start, token.end)}`),
    cleanStart: run.cleanStart,
    cleanEnd: run.cleanEnd,
  }));
}

describe('scanNumberRuns', () => {
  it('joins digit groups separated by one space, dot or hyphen', () => {
    expect(describeRuns('bel 06 1234-5678.9 nu')).toEqual([{ tokens: ['06', ' 1234', '-5678', '.9'], cleanStart: true, cleanEnd: true }]);
  });

  it('reads a leading plus and parentheses as parts of the run', () => {
    expect(describeRuns('+31 (0)20-555 0100')).toEqual([{ tokens: ['+31', ' (0)', '20', '-555', ' 0100'], cleanStart: true, cleanEnd: true }]);
    expect(describeRuns('(020)5550100')[0]!.tokens).toEqual(['(020)', '5550100']);
  });

  it('ends a run at two spaces, a letter or another plus', () => {
    expect(describeRuns('12  34 a56 +31').map((run) => run.tokens)).toEqual([['12'], ['34'], ['56'], ['+31']]);
  });

  it('marks runs that are part of a word, an amount, a percentage or a longer figure', () => {
    expect(describeRuns('ABNA0417')[0]!.cleanStart).toBe(false);
    expect(describeRuns('€ 1234')[0]!.cleanStart).toBe(false);
    expect(describeRuns('EUR 2500')[0]!.cleanStart).toBe(false);
    expect(describeRuns('1500 euro')[0]!.cleanEnd).toBe(false);
    expect(describeRuns('12%')[0]!.cleanEnd).toBe(false);
    expect(describeRuns('14:30')[0]!.cleanEnd).toBe(false);
    expect(describeRuns('3,50')[0]!.cleanEnd).toBe(false);
    expect(describeRuns('1012AB')[0]!.cleanEnd).toBe(false);
    expect(describeRuns('tel:0612345678.')[0]).toMatchObject({ cleanStart: true, cleanEnd: true });
  });

  it('handles empty text and text without digits', () => {
    expect(scanNumberRuns('')).toEqual([]);
    expect(scanNumberRuns('geen cijfers 😀')).toEqual([]);
  });
});

describe('listCandidateRanges', () => {
  const [run] = scanNumberRuns('123456782 06 1234 5678');

  it('cuts at any space when asked to', () => {
    expect(listCandidateRanges(run!, { isCut: isSpaceCut, minDigits: 9, maxDigits: 10 })).toEqual([
      [0, 0],
      [1, 3],
    ]);
  });

  it('cuts only between long tokens when asked to', () => {
    expect(listCandidateRanges(run!, { isCut: isSpaceCutBetweenLongTokens, minDigits: 1, maxDigits: 30 })).toEqual([[0, 3]]);
  });
});
