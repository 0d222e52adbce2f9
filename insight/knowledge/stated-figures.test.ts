import { describe, expect, it } from 'vitest';
import { differingFigures, statedFigures } from './stated-figures.js';

describe('statedFigures', () => {
  it('reads amounts, percentages, durations, phone numbers and links with their kind', () => {
    const figures = statedFigures(
      'A replacement card costs €7.50 and arrives within 5 working days. The rate is 2,5% a year. Call +31 20 555 0100 or visit https://help.example/cards.',
    );
    expect(figures).toEqual(
      expect.arrayContaining([
        { kind: 'amount', value: '7.50' },
        { kind: 'duration', value: '5' },
        { kind: 'percentage', value: '2.5' },
        { kind: 'phone', value: '31205550100' },
        { kind: 'link', value: 'help.example/cards' },
      ]),
    );
  });

  it('reads figures in table rows and Dutch units', () => {
    const figures = statedFigures('| Dienst | Kosten |\n| --- | --- |\n| Nieuwe pas | EUR 10 |\n\nDe pas komt binnen 3 werkdagen.');
    expect(figures).toEqual(expect.arrayContaining([{ kind: 'amount', value: '10' }, { kind: 'duration', value: '3' }]));
  });
});

describe('differingFigures', () => {
  it('reports figures of the same kind that the two texts state differently', () => {
    const left = statedFigures('A replacement card costs €7.50 and arrives within 5 working days.');
    const right = statedFigures('A new card costs €10 and arrives within 5 working days.');
    expect(differingFigures(left, right)).toEqual([{ kind: 'amount', left: ['7.50'], right: ['10'] }]);
  });

  it('does not call an extra figure of a kind the other text lacks a contradiction', () => {
    const left = statedFigures('A replacement card costs €7.50.');
    const right = statedFigures('A replacement card costs €7.50. It arrives within 5 working days.');
    expect(differingFigures(left, right)).toEqual([]);
  });
});
