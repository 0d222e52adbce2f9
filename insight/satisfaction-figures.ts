import { bucketOf, breakdownColumns, breakdownGroups, channelAndLocale } from './filter-sql.js';

/**
 * Satisfaction scores (1–5) received in the period, under the conversation's
 * channel and locale. The service asks for a score only when a person
 * resolves a case (handoff/expert-replies.ts), so every recorded score rates a
 * person. Nothing asks after a conversation the bot handled alone, so bot
 * satisfaction is reported as zero responses rather than inferred.
 * "Satisfied" is a score of 4 or 5. The conversation's channel and locale
 * are read from the case scored, which carries them (migration 0012).
 */
export interface SatisfactionFigureRow {
  dimension: 'overall' | 'channel' | 'locale' | 'period';
  key: string | null;
  responses: number;
  average: number | null;
  satisfied: number;
}

const bucket = bucketOf('r.created_at');

export const satisfactionFiguresSql = `
  SELECT ${breakdownColumns('k.conversation_channel', 'k.conversation_locale', bucket)},
    count(*)::int AS responses,
    avg(r.score)::float8 AS average,
    count(*) FILTER (WHERE r.score >= 4)::int AS satisfied
  FROM csat_responses r
  JOIN cases k ON k.id = r.case_id
  WHERE r.created_at >= @since::timestamptz AND r.created_at < @until::timestamptz ${channelAndLocale('k.conversation_channel', 'k.conversation_locale')}
  ${breakdownGroups('k.conversation_channel', 'k.conversation_locale', bucket)}`;
