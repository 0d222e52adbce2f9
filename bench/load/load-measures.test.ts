import { describe, expect, it } from 'vitest';
import { countLoggedProblems } from './log-lines.js';
import type { OpenLoopResult, RequestOutcome } from './open-loop-driver.js';
import { readQueryCensus } from './query-census.js';
import { measureReplyLatency, type InboundRecord } from './reply-latency.js';
import { isSustained, percentileOfSorted, summariseSeries } from './summarise-series.js';

function outcome(index: number, latencyMs: number, status = 200, measured = true): RequestOutcome {
  const scheduledAt = 1_000 + index * 10;
  return { index, measured, scheduledAt, sentAt: scheduledAt, latencyMs, status, ...(status === 0 ? { error: 'no answer within 15000 ms' } : {}) };
}

describe('summariseSeries', () => {
  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_value, index) => index + 1);
    expect(percentileOfSorted(values, 50)).toBe(50);
    expect(percentileOfSorted(values, 95)).toBe(95);
    expect(percentileOfSorted([], 95)).toBe(0);
  });

  it('leaves out the warm-up, counts failures by kind, and keeps timeouts in the latencies', () => {
    const outcomes = [outcome(0, 900, 200, false), ...Array.from({ length: 98 }, (_value, index) => outcome(index + 1, 5)), outcome(99, 15_000, 0), outcome(100, 8, 500)];
    const result: OpenLoopResult = { outcomes, measuredFrom: 1_010, lastAnswerAt: 2_000 };
    const series = summariseSeries(result, 100, 1);
    expect(series.requests).toBe(100);
    expect(series.ok).toBe(98);
    expect(series.errors).toEqual({ 'no answer within 15000 ms': 1 });
    expect(series.non2xx).toEqual({ '500': 1 });
    expect(series.latency.maxMs).toBe(15_000);
    expect(series.latency.p50Ms).toBe(5);
  });

  it('calls a series sustained only when it keeps pace, barely fails and meets the p95 budget', () => {
    const base = summariseSeries({ outcomes: Array.from({ length: 1000 }, (_value, index) => outcome(index, 10)), measuredFrom: 1_000, lastAnswerAt: 11_000 }, 100, 10);
    expect(isSustained(base, 50)).toBe(true);
    expect(isSustained(base, 5)).toBe(false);
    expect(isSustained({ ...base, achievedRate: 90 }, 50)).toBe(false);
    expect(isSustained({ ...base, ok: 998 }, 50)).toBe(false);
  });
});

describe('measureReplyLatency', () => {
  it('pairs each webhook with its own reply and tells silent hand-offs and opt-outs from unanswered messages', () => {
    const record = (storedAt: number, extra: Partial<InboundRecord> = {}): InboundRecord => ({ storedAt, inHandoff: false, optedOut: false, ...extra });
    const records = new Map<string, InboundRecord>([
      ['SM1', record(1_005, { enqueuedAt: 1_040, sentAt: 1_060 })],
      ['SM2', record(2_005, { inHandoff: true })],
      ['SM3', record(3_005, { optedOut: true })],
      ['SM4', record(4_005)],
      ['SM0', record(5, { enqueuedAt: 30 })],
    ]);
    const latency = measureReplyLatency(
      [
        { messageSid: 'SM0', sentAt: 0, measured: false },
        { messageSid: 'SM1', sentAt: 1_000, measured: true },
        { messageSid: 'SM2', sentAt: 2_000, measured: true },
        { messageSid: 'SM3', sentAt: 3_000, measured: true },
        { messageSid: 'SM4', sentAt: 4_000, measured: true },
        { messageSid: 'SM5', sentAt: 5_000, measured: true },
      ],
      records,
    );
    expect(latency).toMatchObject({ inbound: 5, stored: 4, replied: 1, silentInHandoff: 1, silentOptedOut: 1, unanswered: 1 });
    expect(latency.enqueued.p50Ms).toBe(40);
    expect(latency.sent.p50Ms).toBe(60);
  });
});

describe('readQueryCensus and countLoggedProblems', () => {
  it('reads the census line per inbound message', () => {
    const stdout = [
      '{"level":30,"msg":"listening"}',
      `query-census ${JSON.stringify({ 'SELECT 1': { count: 20, milliseconds: 10 }, 'INSERT INTO messages': { count: 10, milliseconds: 30 } })}`,
    ].join('\n');
    const census = readQueryCensus(stdout, 10, 5);
    expect(census).toMatchObject({ statementsPerMessage: 3, millisecondsPerMessage: 4 });
    expect(census?.byTime[0]).toMatchObject({ statement: 'INSERT INTO messages', perMessage: 1, meanMs: 3, percent: 75 });
    expect(readQueryCensus('no census here', 10, 5)).toBeUndefined();
  });

  it('counts warnings and errors by message and leaves other lines alone', () => {
    const stdout = [
      '{"level":50,"msg":"request failed","err":{"message":"boom"}}',
      '{"level":50,"msg":"request failed","err":{"message":"boom"}}',
      '{"level":40,"msg":"delivery failed"}',
      '{"level":30,"msg":"listening"}',
      'query-census {}',
      '{not json',
    ].join('\n');
    expect(countLoggedProblems(stdout)).toEqual({ 'error: request failed (boom)': 2, 'warn: delivery failed': 1 });
  });
});
