import { z } from 'zod';
import type { Db } from '../db/db.js';
import { judgedCasesSql } from './case-figures.js';
import { conversationOutcomesSql } from './conversation-outcomes.js';
import { channelAndLocale, filterValues } from './filter-sql.js';
import type { InsightFilter } from './insight-filter.js';
import { withNamedParameters } from './named-parameters.js';

/**
 * The numbers a person can open, each the set of conversations the summary
 * counted for it (same SQL, same filter):
 * conversations started; automated (resolved by the bot alone); repeated
 * (answered, then asked again); escalated (a case opened); handoffs (a bot
 * handoff in the period, optionally with one reason or topic);
 * sla_met / sla_missed (cases opened in the period); breaches (waiting past
 * their reply-by time now); low_satisfaction (a score of 1 or 2 in the
 * period); delivery_failures (an outbound message failed or dead).
 */
export const drillDownFigures = [
  'conversations',
  'automated',
  'repeated',
  'escalated',
  'handoffs',
  'sla_met',
  'sla_missed',
  'breaches',
  'low_satisfaction',
  'delivery_failures',
] as const;

export type DrillDownFigure = (typeof drillDownFigures)[number];

export const drillDownQuerySchema = z
  .object({
    figure: z.enum(drillDownFigures),
    reason: z.string().regex(/^[a-z_]{1,60}$/, 'must be a reason code such as not_covered').optional(),
    topic: z.string().regex(/^[a-z0-9_-]{1,60}$/, 'must be a topic id such as fraud, or none').optional(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();

export type DrillDownQuery = z.output<typeof drillDownQuerySchema>;

/** One conversation behind a number; texts are the stored, PII-redacted ones. */
export interface DrillDownConversation {
  conversationId: string;
  channel: string;
  locale: string;
  startedAt: string;
  /** The customer's first question as the bot recorded it (personal data replaced by placeholders), if it decided on one. */
  firstQuestion: string | null;
  decisions: { answers: number; clarifications: number; handoffs: number };
  /** The conversation's latest case, to open in the console. */
  case: { id: string; status: string; openedAt: string } | null;
}

export interface DrillDownPage {
  figure: DrillDownFigure;
  conversations: DrillDownConversation[];
  /** Pass as `offset` for the next page; null on the last one. */
  nextOffset: number | null;
}

/** The figures whose SQL names each conversation once (one kept row per conversation), so no grouping is needed. */
const oncePerConversation: ReadonlySet<DrillDownFigure> = new Set(['conversations', 'automated', 'repeated', 'escalated']);

/** Each figure's conversation ids, as SQL selecting `conversation_id` (and `happened_at`, for ordering, newest first). */
function figureSql(figure: DrillDownFigure): string {
  const outcome = (condition: string) =>
    `WITH ${conversationOutcomesSql} SELECT id AS conversation_id, created_at AS happened_at FROM outcomes WHERE ${condition}`;
  const judged = (condition: string) => `WITH ${judgedCasesSql} SELECT conversation_id, opened_at AS happened_at FROM judged_cases WHERE ${condition}`;
  switch (figure) {
    case 'conversations':
      return outcome('true');
    case 'automated':
      return outcome('automated');
    case 'repeated':
      return outcome('answered AND repeated');
    case 'escalated':
      return outcome('escalated');
    case 'handoffs':
      return `SELECT a.conversation_id, a.created_at AS happened_at FROM answers a
        WHERE a.decision = 'handoff' AND a.created_at >= @since::timestamptz AND a.created_at < @until::timestamptz
          ${channelAndLocale('a.conversation_channel', 'a.conversation_locale')}
          AND (@reason::text IS NULL OR @reason::text = ANY (a.reasons))
          AND (@topic::text IS NULL OR coalesce(a.handoff->>'topic', 'none') = @topic::text)`;
    case 'sla_met':
      return judged('sla_met');
    case 'sla_missed':
      return judged('NOT sla_met');
    case 'breaches':
      return `SELECT k.conversation_id, k.sla_due_at AS happened_at FROM cases k JOIN conversations c ON c.id = k.conversation_id
        WHERE k.status IN ('open', 'claimed') AND k.sla_due_at < @now::timestamptz ${channelAndLocale('c.channel', 'c.locale')}`;
    case 'low_satisfaction':
      return `SELECT r.conversation_id, r.created_at AS happened_at FROM csat_responses r JOIN conversations c ON c.id = r.conversation_id
        WHERE r.score <= 2 AND r.created_at >= @since::timestamptz AND r.created_at < @until::timestamptz ${channelAndLocale('c.channel', 'c.locale')}`;
    case 'delivery_failures':
      return `SELECT o.conversation_id, o.created_at AS happened_at FROM outbox o LEFT JOIN conversations c ON c.id = o.conversation_id
        WHERE o.status IN ('failed', 'dead') AND o.conversation_id IS NOT NULL
          AND o.created_at >= @since::timestamptz AND o.created_at < @until::timestamptz ${channelAndLocale('o.channel', 'c.locale')}`;
  }
}

type DrillDownRow = {
  id: string;
  channel: string;
  locale: string;
  created_at: Date | string;
  first_question: string | null;
  answers: number;
  clarifications: number;
  handoffs: number;
  case_id: string | null;
  case_status: string | null;
  case_opened_at: Date | string | null;
};

/** The conversations behind one figure, most recent first, a page at a time. */
export async function loadDrillDown(db: Db, filter: InsightFilter, query: DrillDownQuery, now: Date): Promise<DrillDownPage> {
  // Ungrouped, the page is read newest first along an index and stops after it.
  const behind = oncePerConversation.has(query.figure)
    ? figureSql(query.figure)
    : `SELECT conversation_id, max(happened_at) AS happened_at FROM (${figureSql(query.figure)}) AS figure GROUP BY conversation_id`;
  const bound = withNamedParameters(
    `WITH behind AS (${behind}),
     -- The page first, so the details below are looked up for its rows only.
     page AS (
       SELECT conversation_id, happened_at FROM behind ORDER BY happened_at DESC, conversation_id LIMIT @limit::integer OFFSET @offset::integer
     )
     SELECT c.id, c.channel, c.locale, c.created_at,
       (SELECT a.question FROM answers a WHERE a.conversation_id = c.id ORDER BY a.created_at, a.id LIMIT 1) AS first_question,
       (SELECT count(*) FILTER (WHERE a.decision = 'answer') FROM answers a WHERE a.conversation_id = c.id)::int AS answers,
       (SELECT count(*) FILTER (WHERE a.decision = 'clarify') FROM answers a WHERE a.conversation_id = c.id)::int AS clarifications,
       (SELECT count(*) FILTER (WHERE a.decision = 'handoff') FROM answers a WHERE a.conversation_id = c.id)::int AS handoffs,
       k.id AS case_id, k.status AS case_status, k.opened_at AS case_opened_at
     FROM page b
     JOIN conversations c ON c.id = b.conversation_id
     LEFT JOIN LATERAL (SELECT id, status, opened_at FROM cases WHERE conversation_id = c.id ORDER BY opened_at DESC, id LIMIT 1) AS k ON true
     ORDER BY b.happened_at DESC, c.id`,
    {
      ...filterValues(filter, now),
      reason: query.figure === 'handoffs' ? (query.reason ?? null) : null,
      topic: query.figure === 'handoffs' ? (query.topic ?? null) : null,
      limit: query.limit + 1,
      offset: query.offset,
    },
  );
  const rows = await db.query<DrillDownRow>(bound.sql, bound.params);
  const page = rows.slice(0, query.limit);
  return {
    figure: query.figure,
    conversations: page.map((row) => ({
      conversationId: row.id,
      channel: row.channel,
      locale: row.locale,
      startedAt: new Date(row.created_at).toISOString(),
      firstQuestion: row.first_question,
      decisions: { answers: row.answers, clarifications: row.clarifications, handoffs: row.handoffs },
      case: row.case_id && row.case_status && row.case_opened_at ? { id: row.case_id, status: row.case_status, openedAt: new Date(row.case_opened_at).toISOString() } : null,
    })),
    nextOffset: rows.length > query.limit ? query.offset + query.limit : null,
  };
}
