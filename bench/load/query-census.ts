import { z } from 'zod';

const censusLineSchema = z.record(z.string(), z.object({ count: z.number(), milliseconds: z.number() }));

export interface StatementShare {
  /** The statement, whitespace collapsed, cut at 120 characters. */
  statement: string;
  perMessage: number;
  /** Mean call to result, queueing behind other statements included. */
  meanMs: number;
  /** Share of all statement time. */
  percent: number;
}

/** What the app asked of its database per inbound SMS, from `query-census-preload.ts`. */
export interface QueryCensus {
  rate: number;
  inboundMessages: number;
  statementsPerMessage: number;
  /** Sum of call-to-result times per message: at a low rate, close to the database time each message costs. */
  millisecondsPerMessage: number;
  byCount: StatementShare[];
  byTime: StatementShare[];
}

/** Reads the `query-census <json>` line the preload printed when the app exited; undefined if there is none. */
export function readQueryCensus(stdout: string, inboundMessages: number, rate: number, top = 12): QueryCensus | undefined {
  const line = stdout.split('\n').find((candidate) => candidate.startsWith('query-census '));
  if (!line) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(line.slice('query-census '.length));
  } catch {
    return undefined;
  }
  const census = censusLineSchema.safeParse(parsed);
  if (!census.success) return undefined;
  const statements = Object.entries(census.data);
  const totalCount = statements.reduce((sum, [, stats]) => sum + stats.count, 0);
  const totalMs = statements.reduce((sum, [, stats]) => sum + stats.milliseconds, 0);
  const messages = Math.max(1, inboundMessages);
  const share = ([statement, stats]: [string, { count: number; milliseconds: number }]): StatementShare => ({
    statement,
    perMessage: Math.round((100 * stats.count) / messages) / 100,
    meanMs: Math.round((100 * stats.milliseconds) / Math.max(1, stats.count)) / 100,
    percent: Math.round((1000 * stats.milliseconds) / Math.max(1, totalMs)) / 10,
  });
  return {
    rate,
    inboundMessages,
    statementsPerMessage: Math.round((10 * totalCount) / messages) / 10,
    millisecondsPerMessage: Math.round((10 * totalMs) / messages) / 10,
    byCount: [...statements].sort((left, right) => right[1].count - left[1].count).slice(0, top).map(share),
    byTime: [...statements].sort((left, right) => right[1].milliseconds - left[1].milliseconds).slice(0, top).map(share),
  };
}
