import { z } from 'zod';

/** What every service figure is computed over. */
export interface InsightFilter {
  /** Start of the period, inclusive. */
  since: Date;
  /** End of the period, exclusive. */
  until: Date;
  /** Only conversations on this channel (`whatsapp`, `sms`, `email`, `web-chat`, `bot-framework`). */
  channel?: string | undefined;
  /** Only conversations in this locale. */
  locale?: 'en' | 'nl' | undefined;
  /** Trend buckets: calendar days or ISO weeks (Monday), in UTC. */
  period: 'day' | 'week';
  /** How long after a bot answer the same question from the same customer still counts as a repeat. */
  repeatWindowHours: number;
}

export const insightChannels = ['whatsapp', 'sms', 'email', 'web-chat', 'bot-framework'] as const;
export const defaultRepeatWindowHours = 24;
const defaultSpan = '7d';
const maximumSpanDays = 400;

const relativeTime = /^(\d{1,4})([hdw])$/;
const unitMilliseconds = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 } as const;

/**
 * A point in time written as an ISO date or date-time (`2026-05-01`,
 * `2026-05-01T08:00:00Z`; a date alone is midnight UTC) or as a span back
 * from `reference` (`24h`, `7d`, `4w`). Returns undefined when it is neither.
 */
export function parsePointInTime(text: string, reference: Date): Date | undefined {
  const relative = relativeTime.exec(text);
  if (relative) return new Date(reference.getTime() - Number(relative[1]) * unitMilliseconds[relative[2] as keyof typeof unitMilliseconds]);
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) return undefined;
  const parsed = new Date(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}

const pointInTime = z.string().trim().min(1).max(40);

/** The query string (or CLI flags) that choose an `InsightFilter`, as strings. */
export const insightQuerySchema = z
  .object({
    since: pointInTime.optional(),
    until: pointInTime.optional(),
    channel: z.enum(insightChannels).optional(),
    locale: z.enum(['en', 'nl']).optional(),
    period: z.enum(['day', 'week']).optional(),
    repeatWindowHours: z.coerce.number().int('must be a whole number of hours').min(1).max(24 * 30).optional(),
  })
  .strict();

export type InsightQuery = z.output<typeof insightQuerySchema>;

/** A filter that cannot be applied: names the field and what it expects. */
export interface InsightFilterProblem {
  path: string;
  message: string;
}

/**
 * Turns validated query values into a filter: the period defaults to the last
 * 7 days up to now (a relative `since` counts back from `until` when given), `until` must come after `since`, and a period may span at
 * most 400 days (the dashboard draws one point per day or week).
 */
export function toInsightFilter(query: InsightQuery, now: Date): InsightFilter | InsightFilterProblem {
  const until = query.until === undefined ? now : parsePointInTime(query.until, now);
  if (!until) return { path: 'until', message: 'must be an ISO date or date-time, or a span back from now such as 24h, 7d or 4w' };
  const since = parsePointInTime(query.since ?? defaultSpan, query.until === undefined ? now : until);
  if (!since) return { path: 'since', message: 'must be an ISO date or date-time, or a span back from now such as 24h, 7d or 4w' };
  if (since.getTime() >= until.getTime()) return { path: 'since', message: 'must be before until' };
  if (until.getTime() - since.getTime() > maximumSpanDays * 86_400_000) return { path: 'since', message: `the period may span at most ${maximumSpanDays} days` };
  return {
    since,
    until,
    channel: query.channel,
    locale: query.locale,
    period: query.period ?? 'day',
    repeatWindowHours: query.repeatWindowHours ?? defaultRepeatWindowHours,
  };
}
