/**
 * When the service team works, in the bank's time zone: Monday to Friday
 * 08:00–20:00, Saturday 09:00–17:00, closed on Sundays and on the fixed-date
 * Dutch public holidays (the same hours the help article "Opening hours"
 * publishes). Movable feasts (Easter Monday, Ascension Day, Whit Monday) are
 * not modelled: on those days a promised reply time can be early.
 */
export const serviceTimeZone = 'Europe/Amsterdam';

const openingMinutes: Record<number, [number, number] | undefined> = {
  1: [8 * 60, 20 * 60],
  2: [8 * 60, 20 * 60],
  3: [8 * 60, 20 * 60],
  4: [8 * 60, 20 * 60],
  5: [8 * 60, 20 * 60],
  6: [9 * 60, 17 * 60],
};
// Month-day of New Year's Day, King's Day, Christmas Day and Boxing Day.
const fixedHolidays = new Set(['01-01', '04-27', '12-25', '12-26']);

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: serviceTimeZone,
  weekday: 'short',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const weekdays: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

interface LocalTime {
  weekday: number;
  monthDay: string;
  minuteOfDay: number;
}

function localTime(date: Date): LocalTime {
  const parts = Object.fromEntries(partsFormat.formatToParts(date).map((part) => [part.type, part.value]));
  return {
    weekday: weekdays[parts.weekday ?? 'Sun'] ?? 0,
    monthDay: `${parts.month}-${parts.day}`,
    minuteOfDay: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/** Whether the service team works at this moment. */
export function isServiceOpen(date: Date): boolean {
  const local = localTime(date);
  if (fixedHolidays.has(local.monthDay)) return false;
  const hours = openingMinutes[local.weekday];
  return hours !== undefined && local.minuteOfDay >= hours[0] && local.minuteOfDay < hours[1];
}

/**
 * The moment `minutes` of opening time have passed after `start` (a closed
 * period does not count). Jumps from boundary to boundary rather than minute
 * by minute; closed spells in steps of at most an hour, so a clock change
 * (always at night, while closed) cannot make it skip an opening.
 */
export function addServiceMinutes(start: Date, minutes: number): Date {
  const minute = 60_000;
  let moment = Math.ceil(start.getTime() / minute) * minute;
  let remaining = Math.max(0, Math.round(minutes));
  const horizon = moment + 14 * 24 * 60 * minute;
  // At most a fortnight ahead: enough for any SLA; the loop always ends.
  while (remaining > 0 && moment < horizon) {
    const local = localTime(new Date(moment));
    const hours = fixedHolidays.has(local.monthDay) ? undefined : openingMinutes[local.weekday];
    if (hours && local.minuteOfDay >= hours[0] && local.minuteOfDay < hours[1]) {
      const worked = Math.min(remaining, hours[1] - local.minuteOfDay);
      remaining -= worked;
      moment += worked * minute;
    } else {
      const untilOpening = hours && local.minuteOfDay < hours[0] ? hours[0] - local.minuteOfDay : 24 * 60 - local.minuteOfDay;
      moment += Math.min(untilOpening, 60) * minute;
    }
  }
  return new Date(moment);
}

const timeFormats = {
  en: new Intl.DateTimeFormat('en-GB', { timeZone: serviceTimeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  nl: new Intl.DateTimeFormat('nl-NL', { timeZone: serviceTimeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
};
const dayFormats = {
  en: new Intl.DateTimeFormat('en-GB', { timeZone: serviceTimeZone, weekday: 'long' }),
  nl: new Intl.DateTimeFormat('nl-NL', { timeZone: serviceTimeZone, weekday: 'long' }),
};
const dayKey = new Intl.DateTimeFormat('en-CA', { timeZone: serviceTimeZone, year: 'numeric', month: '2-digit', day: '2-digit' });

/** "by 14:30" today, "tomorrow by 09:15", or "on Monday by 09:15", in the customer's language. */
export function describeReplyTime(due: Date, now: Date, locale: 'en' | 'nl'): string {
  const time = timeFormats[locale].format(due);
  const days = Math.round((Date.parse(dayKey.format(due)) - Date.parse(dayKey.format(now))) / 86_400_000);
  if (locale === 'nl') {
    if (days <= 0) return `vandaag vóór ${time}`;
    if (days === 1) return `morgen vóór ${time}`;
    return `op ${dayFormats.nl.format(due)} vóór ${time}`;
  }
  if (days <= 0) return `today by ${time}`;
  if (days === 1) return `tomorrow by ${time}`;
  return `on ${dayFormats.en.format(due)} by ${time}`;
}
