import { describe, expect, it } from 'vitest';
import { addServiceMinutes, describeReplyTime, isServiceOpen } from './service-hours.js';

// 2026-11-23 is a Monday; Amsterdam is UTC+1 in November.
const at = (iso: string) => new Date(iso);

describe('service hours', () => {
  it('knows when the team works', () => {
    expect(isServiceOpen(at('2026-11-23T07:30:00Z'))).toBe(true); // Monday 08:30
    expect(isServiceOpen(at('2026-11-23T19:30:00Z'))).toBe(false); // Monday 20:30
    expect(isServiceOpen(at('2026-11-28T15:30:00Z'))).toBe(true); // Saturday 16:30
    expect(isServiceOpen(at('2026-11-29T11:00:00Z'))).toBe(false); // Sunday
    expect(isServiceOpen(at('2026-12-25T11:00:00Z'))).toBe(false); // Christmas Day
  });

  it('counts only opening time towards a reply time', () => {
    // Monday 10:00 + 60 minutes = Monday 11:00.
    expect(addServiceMinutes(at('2026-11-23T09:00:00Z'), 60).toISOString()).toBe('2026-11-23T10:00:00.000Z');
    // Monday 19:30 + 60 minutes: 30 today, 30 from Tuesday 08:00 = Tuesday 08:30.
    expect(addServiceMinutes(at('2026-11-23T18:30:00Z'), 60).toISOString()).toBe('2026-11-24T07:30:00.000Z');
    // Saturday 16:30 + 60 minutes: 30 today, Sunday closed, 30 from Monday 08:00 = Monday 08:30.
    expect(addServiceMinutes(at('2026-11-28T15:30:00Z'), 60).toISOString()).toBe('2026-11-30T07:30:00.000Z');
  });

  it('says the reply time in the customer’s language', () => {
    const now = at('2026-11-23T09:00:00Z');
    expect(describeReplyTime(at('2026-11-23T10:00:00Z'), now, 'en')).toBe('today by 11:00');
    expect(describeReplyTime(at('2026-11-24T07:30:00Z'), now, 'en')).toBe('tomorrow by 08:30');
    expect(describeReplyTime(at('2026-11-26T07:30:00Z'), now, 'en')).toBe('on Thursday by 08:30');
    expect(describeReplyTime(at('2026-11-26T07:30:00Z'), now, 'nl')).toBe('op donderdag vóór 08:30');
  });
});
