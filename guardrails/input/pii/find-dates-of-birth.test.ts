import { describe, expect, it } from 'vitest';
import { findDatesOfBirth } from './find-dates-of-birth.js';

function found(text: string): string[] {
  return findDatesOfBirth(text).map((span) => text.slice(span.start, span.end));
}

describe('findDatesOfBirth', () => {
  it.each([
    ['born on 12-03-1987', '12-03-1987'],
    ['Date of birth: 4 March 1987', '4 March 1987'],
    ['DOB 1987-03-04', '1987-03-04'],
    ['d.o.b. 04/03/1987', '04/03/1987'],
    ['my birthday is March 4, 1987', 'March 4, 1987'],
    ['geboren op 4 maart 1987', '4 maart 1987'],
    ['geboortedatum 04-03-1987', '04-03-1987'],
    ['geb. 04.03.1987', '04.03.1987'],
    ['I was born in Amsterdam on the 4th of March 1987', '4th of March 1987'],
    ['12-03-1987 is my date of birth', '12-03-1987'],
    ['04-03-1987 (geboortedatum)', '04-03-1987'],
  ])('finds the date in "%s"', (text, date) => {
    expect(found(text)).toEqual([date]);
  });

  it.each([
    'on 12 March 2024 I paid €50',
    'the transfer of 01-02-2024 is missing',
    'I was born in 1987 and on 12 March 2024 I paid',
    'I was born in Utrecht. On 12 March 2024 I paid',
    'born in March 1987',
    'my birthday is 4 March',
    'what DOB do you need? I paid on 12-03-2024',
    'birthday present bought on 12-03-2024 with my card',
    'the card was born out of frustration, and after a long wait it arrived at our house on 12-03-2024',
  ])('ignores "%s"', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('does not find a new date of birth once a figure between cue and date is redacted', () => {
    expect(found('born, call [phone] on 12-03-1987')).toEqual([]);
    expect(found('born, call 0612345678 on 12-03-1987')).toEqual([]);
  });
});
