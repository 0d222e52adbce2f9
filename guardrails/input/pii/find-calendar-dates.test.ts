import { describe, expect, it } from 'vitest';
import { findCalendarDates } from './find-calendar-dates.js';

function found(text: string): string[] {
  return findCalendarDates(text).map((span) => text.slice(span.start, span.end));
}

describe('findCalendarDates', () => {
  it.each(['04-03-1987', '4/3/1987', '04.03.1987', '4-3-87', '1987-03-04', '4 maart 1987', '4 March 1987', '4th of March 1987', 'March 4, 1987', '1e januari 1990', '4 mrt. 1987', '12/31/1987'])(
    'finds %s',
    (date) => {
      expect(found(`op ${date} dus`)).toEqual([date]);
    },
  );

  it('ignores impossible dates', () => {
    expect(found('31-02-1987 and 2023-13-01 and 30 februari 1990 and 12-03-1850')).toEqual([]);
  });

  it('knows leap years', () => {
    expect(found('29-02-1988')).toEqual(['29-02-1988']);
    expect(found('29-02-1987')).toEqual([]);
  });

  it('ignores dates without a year, times, versions and dates inside longer figures', () => {
    expect(found('4 maart, 14:30, 12/27, v1.2.3, 1.12.03.1987, 12-03-19877')).toEqual([]);
  });
});
