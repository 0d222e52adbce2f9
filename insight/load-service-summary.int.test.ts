import { describe, expect, it } from 'vitest';
import type { PgliteDb } from '../db/pglite-db.js';
import { loadDrillDown, type DrillDownFigure } from './drill-down.js';
import type { InsightFilter } from './insight-filter.js';
import { loadServiceSummary } from './load-service-summary.js';
import { fixtureWeek } from './service-figures-fixture.js';
import { summaryToCsv } from './summary-csv.js';
import { openFixtureWeekDb } from './fixture-week-db.js';

const week: InsightFilter = { since: fixtureWeek.since, until: fixtureWeek.until, period: 'day', repeatWindowHours: 24 };
const noDurations = { p50: null, p95: null, average: null };

describe('service figures on a week worked out by hand', () => {
  let db: PgliteDb;
  openFixtureWeekDb((opened) => {
    db = opened;
  });

  it('computes every overall figure exactly', async () => {
    const summary = await loadServiceSummary(db, week, fixtureWeek.now);
    expect(summary.filter).toEqual({
      since: '2026-03-02T00:00:00.000Z',
      until: '2026-03-09T00:00:00.000Z',
      channel: null,
      locale: null,
      period: 'day',
      repeatWindowHours: 24,
    });
    expect(summary.overall).toEqual({
      // c1 c2 c3 c4 c5 c6 c7 c9 started; c7 has no decision; c2 alone was answered with no case and no repeat.
      conversations: { started: 8, decided: 7, answered: 4, escalated: 4, repeated: 1, automated: 1, automatedRate: 0.1429 },
      decisions: {
        total: 8,
        answers: 4,
        clarifications: 1,
        handoffs: 3,
        handoffRate: 0.375,
        byReason: [
          { cause: 'human_requested', handoffs: 2, rate: 0.25 },
          { cause: 'not_covered', handoffs: 1, rate: 0.125 },
          { cause: 'restricted_topic', handoffs: 1, rate: 0.125 },
        ],
        byTopic: [
          { cause: 'none', handoffs: 2, rate: 0.25 },
          { cause: 'fraud', handoffs: 1, rate: 0.125 },
        ],
      },
      // 200 300 400 500 600 700 800 1000 ms
      answerLatency: { decisions: 8, p50Ms: 550, p95Ms: 930 },
      cases: {
        opened: 4,
        firstResponses: 2,
        firstResponseSeconds: { p50: 2700, p95: 3510, average: 2700 },
        resolved: 2,
        resolutionSeconds: { p50: 9000, p95: 10620, average: 9000 },
        // c3 met; c4 replied late; c6 never replied; c9 went back to the bot before it was due (not judged).
        sla: { met: 1, missed: 2, attainment: 0.3333 },
      },
      satisfaction: {
        person: { responses: 2, average: 3.5, satisfied: 1, satisfiedShare: 0.5 },
        bot: { responses: 0, average: null, satisfied: 0, satisfiedShare: null },
      },
      delivery: { messages: 5, failed: 1, dead: 1, failureRate: 0.4 },
    });
    // c6 from this week and c8 from the week before still wait past their due time.
    expect(summary.breachesNow).toEqual({ total: 2, byChannel: [{ channel: 'whatsapp', breaches: 2 }], byLocale: [{ locale: 'en', breaches: 2 }] });
  });

  it('breaks every figure down by channel, by locale and by day', async () => {
    const summary = await loadServiceSummary(db, week, fixtureWeek.now);
    expect(summary.byChannel.map((entry) => entry.channel)).toEqual(['email', 'sms', 'web-chat', 'whatsapp']);
    const whatsapp = summary.byChannel.find((entry) => entry.channel === 'whatsapp');
    expect(whatsapp?.conversations).toEqual({ started: 3, decided: 3, answered: 2, escalated: 2, repeated: 1, automated: 0, automatedRate: 0 });
    expect(whatsapp?.decisions).toMatchObject({ total: 4, answers: 2, handoffs: 2, handoffRate: 0.5 });
    expect(whatsapp?.decisions.byReason).toEqual([
      { cause: 'human_requested', handoffs: 1, rate: 0.25 },
      { cause: 'not_covered', handoffs: 1, rate: 0.25 },
    ]);
    expect(whatsapp?.answerLatency).toEqual({ decisions: 4, p50Ms: 350, p95Ms: 740 });
    expect(whatsapp?.cases).toEqual({
      opened: 2,
      firstResponses: 1,
      firstResponseSeconds: { p50: 3600, p95: 3600, average: 3600 },
      resolved: 1,
      resolutionSeconds: { p50: 7200, p95: 7200, average: 7200 },
      sla: { met: 1, missed: 1, attainment: 0.5 },
    });
    expect(whatsapp?.satisfaction.person).toEqual({ responses: 1, average: 5, satisfied: 1, satisfiedShare: 1 });
    expect(whatsapp?.delivery).toEqual({ messages: 3, failed: 0, dead: 1, failureRate: 0.3333 });

    const sms = summary.byChannel.find((entry) => entry.channel === 'sms');
    expect(sms?.conversations).toEqual({ started: 2, decided: 1, answered: 1, escalated: 0, repeated: 0, automated: 1, automatedRate: 1 });
    expect(sms?.delivery).toEqual({ messages: 1, failed: 1, dead: 0, failureRate: 1 });
    const email = summary.byChannel.find((entry) => entry.channel === 'email');
    expect(email?.cases).toMatchObject({ opened: 2, firstResponses: 1, resolved: 1, sla: { met: 0, missed: 1, attainment: 0 } });
    expect(email?.satisfaction.person).toEqual({ responses: 1, average: 2, satisfied: 0, satisfiedShare: 0 });
    const webChat = summary.byChannel.find((entry) => entry.channel === 'web-chat');
    expect(webChat?.conversations).toEqual({ started: 1, decided: 1, answered: 0, escalated: 0, repeated: 0, automated: 0, automatedRate: 0 });
    expect(webChat?.cases).toMatchObject({ opened: 0, firstResponseSeconds: noDurations, sla: { met: 0, missed: 0, attainment: null } });

    expect(summary.byLocale.map((entry) => [entry.locale, entry.conversations.started, entry.conversations.automated, entry.decisions.total])).toEqual([
      ['en', 6, 1, 6],
      ['nl', 2, 0, 2],
    ]);
    const nl = summary.byLocale.find((entry) => entry.locale === 'nl');
    expect(nl?.decisions.byTopic).toEqual([{ cause: 'none', handoffs: 1, rate: 0.5 }]);

    expect(summary.trend.map((entry) => entry.periodStart)).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08']);
    expect(summary.trend.map((entry) => entry.conversations.started)).toEqual([2, 1, 1, 1, 1, 1, 1]);
    expect(summary.trend.map((entry) => entry.decisions.handoffs)).toEqual([0, 1, 1, 0, 1, 0, 0]);
    expect(summary.trend.map((entry) => entry.cases.sla.missed)).toEqual([0, 0, 1, 0, 1, 0, 0]);
    const monday = summary.trend[0];
    expect(monday?.conversations).toEqual({ started: 2, decided: 2, answered: 2, escalated: 0, repeated: 1, automated: 1, automatedRate: 0.5 });
    expect(monday?.answerLatency).toEqual({ decisions: 2, p50Ms: 500, p95Ms: 590 });
    expect(monday?.delivery).toEqual({ messages: 2, failed: 1, dead: 0, failureRate: 0.5 });
  });

  it('applies the repeat window, the channel and locale filters and weekly buckets', async () => {
    // c1's repeat came 11 hours later: outside a 6-hour window, c1 counts as resolved by the bot.
    const shortWindow = await loadServiceSummary(db, { ...week, repeatWindowHours: 6 }, fixtureWeek.now);
    expect(shortWindow.overall.conversations).toMatchObject({ repeated: 0, automated: 2, automatedRate: 0.2857 });

    const whatsappNl = await loadServiceSummary(db, { ...week, channel: 'whatsapp', locale: 'nl' }, fixtureWeek.now);
    expect(whatsappNl.overall.conversations).toMatchObject({ started: 1, decided: 1, escalated: 1 });
    expect(whatsappNl.overall.decisions).toMatchObject({ total: 2, handoffs: 1 });
    expect(whatsappNl.byChannel.map((entry) => entry.channel)).toEqual(['whatsapp']);
    expect(whatsappNl.breachesNow.total).toBe(0);

    const weekly = await loadServiceSummary(db, { ...week, period: 'week' }, fixtureWeek.now);
    expect(weekly.trend.map((entry) => [entry.periodStart, entry.conversations.started])).toEqual([['2026-03-02', 8]]);
  });

  it('lists the conversations behind each number, newest first', async () => {
    const ids = async (figure: DrillDownFigure, extra: { reason?: string; topic?: string } = {}) =>
      (await loadDrillDown(db, week, { figure, limit: 25, offset: 0, ...extra }, fixtureWeek.now)).conversations.map((row) => row.conversationId);
    expect(await ids('conversations')).toEqual(['c9', 'c7', 'c6', 'c5', 'c4', 'c3', 'c2', 'c1']);
    expect(await ids('automated')).toEqual(['c2']);
    expect(await ids('repeated')).toEqual(['c1']);
    expect(await ids('escalated')).toEqual(['c9', 'c6', 'c4', 'c3']);
    expect(await ids('handoffs')).toEqual(['c6', 'c4', 'c3']);
    expect(await ids('handoffs', { reason: 'human_requested' })).toEqual(['c4', 'c3']);
    expect(await ids('handoffs', { topic: 'fraud' })).toEqual(['c4']);
    expect(await ids('sla_met')).toEqual(['c3']);
    expect(await ids('sla_missed')).toEqual(['c6', 'c4']);
    expect(await ids('breaches')).toEqual(['c6', 'c8']);
    expect(await ids('low_satisfaction')).toEqual(['c4']);
    expect(await ids('delivery_failures')).toEqual(['c3', 'c2']);

    const page = await loadDrillDown(db, week, { figure: 'conversations', limit: 3, offset: 0 }, fixtureWeek.now);
    expect(page.nextOffset).toBe(3);
    const last = await loadDrillDown(db, week, { figure: 'conversations', limit: 3, offset: 6 }, fixtureWeek.now);
    expect(last.conversations.map((row) => row.conversationId)).toEqual(['c2', 'c1']);
    expect(last.nextOffset).toBeNull();
    const [c4] = (await loadDrillDown(db, week, { figure: 'low_satisfaction', limit: 25, offset: 0 }, fixtureWeek.now)).conversations;
    expect(c4).toEqual({
      conversationId: 'c4',
      channel: 'email',
      locale: 'en',
      startedAt: '2026-03-04T08:00:00.000Z',
      firstQuestion: 'Is my account hacked? Call me on [phone]',
      decisions: { answers: 0, clarifications: 0, handoffs: 1 },
      case: { id: 'case-c4', status: 'resolved', openedAt: '2026-03-04T08:00:00.000Z' },
    });
  });

  it('writes the same figures as CSV, one row per figure and breakdown', async () => {
    const csv = summaryToCsv(await loadServiceSummary(db, week, fixtureWeek.now));
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('figure,breakdown,key,value,since,until,channel_filter,locale_filter');
    expect(lines.at(-1)).toBe('');
    const context = '2026-03-02T00:00:00.000Z,2026-03-09T00:00:00.000Z,,';
    expect(lines).toContain(`conversations.automatedRate,overall,,0.1429,${context}`);
    expect(lines).toContain(`decisions.byReason.human_requested.rate,overall,,0.25,${context}`);
    expect(lines).toContain(`answerLatency.p95Ms,overall,,930,${context}`);
    expect(lines).toContain(`cases.sla.attainment,channel,whatsapp,0.5,${context}`);
    expect(lines).toContain(`satisfaction.bot.average,overall,,,${context}`);
    expect(lines).toContain(`delivery.failureRate,locale,nl,1,${context}`);
    expect(lines).toContain(`conversations.started,day,2026-03-02,2,${context}`);
    expect(lines).toContain(`breachesNow,channel,whatsapp,2,${context}`);
  });
});
