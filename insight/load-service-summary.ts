import type { Db, Row } from '../db/db.js';
import { breachesNowSql, caseFiguresSql, type BreachRow, type CaseFigureRow } from './case-figures.js';
import { conversationFiguresSql, type ConversationFigureRow } from './conversation-outcomes.js';
import { decisionFiguresSql, handoffCausesSql, type DecisionFigureRow, type HandoffCauseRow } from './decision-figures.js';
import { deliveryFiguresSql, type DeliveryFigureRow } from './delivery-figures.js';
import { filterValues } from './filter-sql.js';
import type { InsightFilter } from './insight-filter.js';
import { withNamedParameters } from './named-parameters.js';
import { satisfactionFiguresSql, type SatisfactionFigureRow } from './satisfaction-figures.js';
import type { HandoffCause, ServiceFigures, ServiceSummary } from './service-figures.js';

/** The dashboard's queries by name, for the benchmark and for anyone timing them. */
export const summaryQueries = {
  conversations: conversationFiguresSql,
  decisions: decisionFiguresSql,
  handoffCauses: handoffCausesSql,
  cases: caseFiguresSql,
  breachesNow: breachesNowSql,
  satisfaction: satisfactionFiguresSql,
  delivery: deliveryFiguresSql,
} as const;

export type SummaryQueryName = keyof typeof summaryQueries;

/** Runs one of the dashboard's queries for the filter. */
export async function runSummaryQuery<T extends Row>(db: Db, name: SummaryQueryName, filter: InsightFilter, now: Date): Promise<T[]> {
  const bound = withNamedParameters(summaryQueries[name], filterValues(filter, now));
  return db.query<T>(bound.sql, bound.params);
}

/** Every service figure for the period, overall, by channel, by locale and per day or week. */
export async function loadServiceSummary(db: Db, filter: InsightFilter, now: Date): Promise<ServiceSummary> {
  const slices = new Map<string, ServiceFigures>();
  const slice = (row: { dimension: string; key: string | null }): ServiceFigures => {
    const id = `${row.dimension}:${row.key ?? ''}`;
    let figures = slices.get(id);
    if (!figures) {
      figures = emptyFigures();
      slices.set(id, figures);
    }
    return figures;
  };

  // One query per figure, all at once: on Postgres each runs on its own pooled
  // connection, so the summary takes as long as the slowest; PGlite runs them in turn.
  const [conversationRows, decisionRows, causeRows, caseRows, satisfactionRows, deliveryRows, breaches] = await Promise.all([
    runSummaryQuery<ConversationFigureRow & Row>(db, 'conversations', filter, now),
    runSummaryQuery<DecisionFigureRow & Row>(db, 'decisions', filter, now),
    runSummaryQuery<HandoffCauseRow & Row>(db, 'handoffCauses', filter, now),
    runSummaryQuery<CaseFigureRow & Row>(db, 'cases', filter, now),
    runSummaryQuery<SatisfactionFigureRow & Row>(db, 'satisfaction', filter, now),
    runSummaryQuery<DeliveryFigureRow & Row>(db, 'delivery', filter, now),
    runSummaryQuery<BreachRow & Row>(db, 'breachesNow', filter, now),
  ]);

  for (const row of conversationRows) {
    const { conversations } = slice(row);
    Object.assign(conversations, {
      started: row.started,
      decided: row.decided,
      answered: row.answered,
      escalated: row.escalated,
      repeated: row.repeated,
      automated: row.automated,
      automatedRate: ratio(row.automated, row.decided),
    });
  }
  for (const row of decisionRows) {
    const figures = slice(row);
    Object.assign(figures.decisions, {
      total: row.decisions,
      answers: row.answers,
      clarifications: row.clarifications,
      handoffs: row.handoffs,
      handoffRate: ratio(row.handoffs, row.decisions),
    });
    figures.answerLatency = { decisions: row.decisions, p50Ms: rounded(row.latency_p50, 1), p95Ms: rounded(row.latency_p95, 1) };
  }
  for (const row of causeRows) {
    const { decisions } = slice(row);
    (row.kind === 'reason' ? decisions.byReason : decisions.byTopic).push({ cause: row.cause, handoffs: row.handoffs, rate: null });
  }
  for (const row of caseRows) {
    slice(row).cases = {
      opened: row.opened,
      firstResponses: row.responded,
      firstResponseSeconds: { p50: rounded(row.first_response_p50, 1), p95: rounded(row.first_response_p95, 1), average: rounded(row.first_response_average, 1) },
      resolved: row.resolved,
      resolutionSeconds: { p50: rounded(row.resolution_p50, 1), p95: rounded(row.resolution_p95, 1), average: rounded(row.resolution_average, 1) },
      sla: { met: row.sla_met, missed: row.sla_missed, attainment: ratio(row.sla_met, row.sla_met + row.sla_missed) },
    };
  }
  for (const row of satisfactionRows) {
    slice(row).satisfaction.person = {
      responses: row.responses,
      average: rounded(row.average, 2),
      satisfied: row.satisfied,
      satisfiedShare: ratio(row.satisfied, row.responses),
    };
  }
  for (const row of deliveryRows) {
    slice(row).delivery = { messages: row.messages, failed: row.failed, dead: row.dead, failureRate: ratio(row.failed + row.dead, row.messages) };
  }

  for (const figures of slices.values()) {
    const { decisions } = figures;
    for (const causes of [decisions.byReason, decisions.byTopic]) {
      for (const cause of causes) cause.rate = ratio(cause.handoffs, decisions.total);
      causes.sort(byFrequency);
    }
  }
  const keyed = (dimension: string) =>
    [...slices.entries()]
      .filter(([id]) => id.startsWith(`${dimension}:`))
      .map(([id, figures]) => ({ key: id.slice(dimension.length + 1), figures }))
      .sort((left, right) => left.key.localeCompare(right.key));

  return {
    filter: {
      since: filter.since.toISOString(),
      until: filter.until.toISOString(),
      channel: filter.channel ?? null,
      locale: filter.locale ?? null,
      period: filter.period,
      repeatWindowHours: filter.repeatWindowHours,
    },
    generatedAt: now.toISOString(),
    overall: slices.get('overall:') ?? emptyFigures(),
    byChannel: keyed('channel').map(({ key, figures }) => ({ channel: key, ...figures })),
    byLocale: keyed('locale').map(({ key, figures }) => ({ locale: key, ...figures })),
    trend: periodStarts(filter).map((start) => ({ periodStart: start, ...(slices.get(`period:${start}`) ?? emptyFigures()) })),
    breachesNow: {
      total: breaches.find((row) => row.dimension === 'overall')?.breaches ?? 0,
      byChannel: breaches.filter((row) => row.dimension === 'channel').map((row) => ({ channel: row.key ?? '', breaches: row.breaches })),
      byLocale: breaches.filter((row) => row.dimension === 'locale').map((row) => ({ locale: row.key ?? '', breaches: row.breaches })),
    },
  };
}

/** Every UTC day or ISO week (Monday) the period touches, as `YYYY-MM-DD`. */
export function periodStarts(filter: Pick<InsightFilter, 'since' | 'until' | 'period'>): string[] {
  const day = 86_400_000;
  const first = new Date(Date.UTC(filter.since.getUTCFullYear(), filter.since.getUTCMonth(), filter.since.getUTCDate()));
  if (filter.period === 'week') first.setUTCDate(first.getUTCDate() - ((first.getUTCDay() + 6) % 7));
  const step = filter.period === 'week' ? 7 * day : day;
  const starts: string[] = [];
  for (let time = first.getTime(); time < filter.until.getTime(); time += step) starts.push(new Date(time).toISOString().slice(0, 10));
  return starts;
}

function emptyFigures(): ServiceFigures {
  const noDurations = { p50: null, p95: null, average: null };
  const noScores = { responses: 0, average: null, satisfied: 0, satisfiedShare: null };
  return {
    conversations: { started: 0, decided: 0, answered: 0, escalated: 0, repeated: 0, automated: 0, automatedRate: null },
    decisions: { total: 0, answers: 0, clarifications: 0, handoffs: 0, handoffRate: null, byReason: [], byTopic: [] },
    answerLatency: { decisions: 0, p50Ms: null, p95Ms: null },
    cases: { opened: 0, firstResponses: 0, firstResponseSeconds: noDurations, resolved: 0, resolutionSeconds: noDurations, sla: { met: 0, missed: 0, attainment: null } },
    satisfaction: { person: noScores, bot: { ...noScores } },
    delivery: { messages: 0, failed: 0, dead: 0, failureRate: null },
  };
}

/** A share to four decimals; null when there is nothing to share. */
function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}

function rounded(value: number | string | null, decimals: number): number | null {
  if (value === null) return null;
  const factor = 10 ** decimals;
  return Math.round(Number(value) * factor) / factor;
}

function byFrequency(left: HandoffCause, right: HandoffCause): number {
  return right.handoffs - left.handoffs || left.cause.localeCompare(right.cause);
}
