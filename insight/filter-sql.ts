import type { InsightFilter } from './insight-filter.js';

/** The named SQL parameters (`@since`, `@until`, …) every insight query may use. */
export function filterValues(filter: InsightFilter, now: Date): Record<string, unknown> {
  const whole = wholeDays(filter);
  return {
    since: filter.since.toISOString(),
    until: filter.until.toISOString(),
    wholeDaysFrom: whole.from.toISOString(),
    wholeDaysUntil: whole.until.toISOString(),
    channel: filter.channel ?? null,
    locale: filter.locale ?? null,
    period: filter.period,
    repeatHours: filter.repeatWindowHours,
    now: now.toISOString(),
  };
}

/**
 * The whole UTC days inside the period, `[from, until)`, which per-day
 * rollups answer for; the period's rest, `[since, from)` and `[until, …)`, is
 * read from the rows themselves. Without a whole day inside, both are the
 * period's end, so the rows answer for all of it.
 */
export function wholeDays(filter: Pick<InsightFilter, 'since' | 'until'>): { from: Date; until: Date } {
  const day = 86_400_000;
  const from = Math.ceil(filter.since.getTime() / day) * day;
  const until = Math.floor(filter.until.getTime() / day) * day;
  return from < until ? { from: new Date(from), until: new Date(until) } : { from: filter.until, until: filter.until };
}

/** `AND` conditions keeping the rows of the chosen channel and locale; the columns name where those live. */
export function channelAndLocale(channelColumn: string, localeColumn: string): string {
  return `AND (@channel::text IS NULL OR ${channelColumn} = @channel::text) AND (@locale::text IS NULL OR ${localeColumn} = @locale::text)`;
}

/** The trend bucket of a moment: the start of its UTC day or ISO week, as a date. */
export function bucketOf(timeColumn: string): string {
  return `(date_trunc(@period::text, ${timeColumn} AT TIME ZONE 'UTC'))::date`;
}

/**
 * Every figure is computed four ways at once, with GROUPING SETS: overall,
 * per channel, per locale and per trend bucket. `dimension` and `key` name
 * which of the four a row is (key: the channel, the locale, the bucket's
 * first day; null overall). `extra` adds a column to every set (a reason).
 */
export function breakdownColumns(channel: string, locale: string, bucket: string): string {
  const grouping = `GROUPING(${channel}, ${locale}, ${bucket})`;
  return `CASE ${grouping} WHEN 7 THEN 'overall' WHEN 3 THEN 'channel' WHEN 5 THEN 'locale' ELSE 'period' END AS dimension,
    CASE ${grouping} WHEN 3 THEN ${channel} WHEN 5 THEN coalesce(${locale}, 'unknown') WHEN 6 THEN to_char(${bucket}, 'YYYY-MM-DD') END AS key`;
}

export function breakdownGroups(channel: string, locale: string, bucket: string, extra?: string): string {
  const sets = [[], [channel], [locale], [bucket]].map((set) => `(${[...set, ...(extra ? [extra] : [])].join(', ')})`);
  return `GROUP BY GROUPING SETS (${sets.join(', ')})`;
}
