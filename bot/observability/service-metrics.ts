import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { pendingTurnMaxAttempts } from '../../channels/pending-turns/pending-turn-store.js';
import type { Db } from '../../db/db.js';

/**
 * The service's Prometheus metrics, one registry per app (tests start many):
 * customer messages by channel and decision, handoffs by reason, answer
 * latency, outbox deliveries, depth and age, and generator (LLM) failures
 * and fallbacks. Process metrics (memory, event-loop lag) come with them.
 */
export interface ServiceMetrics {
  readonly registry: Registry;
  /** One answered turn: the decision the customer got, its reasons, and how long it took. */
  recordTurn(turn: { channel: string; decision: string; reasons: readonly string[]; latencyMs: number }): void;
  /** A configured generator (LLM) failed; `fellBack` when the embedded generator answered instead. */
  recordGeneratorFailure(failure: { generator: string; error: string; fellBack: boolean }): void;
  /** One outbox delivery attempt and its result. */
  recordDelivery(delivery: { channel: string; result: 'sent' | 'retry' | 'dead' }): void;
}

type OutboxWaiting = { channel: string; waiting: number; oldest_seconds: number | null };

const latencyBucketsSeconds = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export function createServiceMetrics(options: { db?: Db; processMetrics?: boolean } = {}): ServiceMetrics {
  const registry = new Registry();
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });

  const messages = new Counter({
    name: 'assistant_messages_total',
    help: 'Customer messages answered by the bot, by channel and decision (answer, clarify, handoff).',
    labelNames: ['channel', 'decision'] as const,
    registers: [registry],
  });
  const handoffs = new Counter({
    name: 'assistant_handoff_reasons_total',
    help: 'Reason codes of handoffs to a person (a handoff may carry several).',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'assistant_turn_duration_seconds',
    help: 'Time from a customer message to the recorded reply, by channel and decision.',
    labelNames: ['channel', 'decision'] as const,
    buckets: latencyBucketsSeconds,
    registers: [registry],
  });
  const generatorFailures = new Counter({
    name: 'assistant_generator_failures_total',
    help: 'Failures of the configured generator (LLM endpoint) by error, and whether the embedded generator answered instead.',
    labelNames: ['generator', 'error', 'fallback'] as const,
    registers: [registry],
  });
  const deliveries = new Counter({
    name: 'assistant_outbox_deliveries_total',
    help: 'Outbox delivery attempts by channel and result (sent, retry, dead).',
    labelNames: ['channel', 'result'] as const,
    registers: [registry],
  });

  const { db } = options;
  if (db) {
    // Read from the database at scrape time (the outbox is shared by every app
    // process), once per scrape for both gauges: the registry collects them together.
    let reading: Promise<OutboxWaiting[]> | undefined;
    const readWaiting = () =>
      (reading ??= db
        .query<OutboxWaiting>(
          `SELECT channel, count(*)::int AS waiting, extract(epoch FROM now() - min(created_at))::float8 AS oldest_seconds
           FROM outbox WHERE status IN ('pending', 'sending') GROUP BY channel`,
        )
        .finally(() => {
          reading = undefined;
        }));
    new Gauge({
      name: 'assistant_outbox_depth',
      help: 'Outbound messages not yet handed to their provider (pending or being sent), by channel.',
      labelNames: ['channel'] as const,
      registers: [registry],
      async collect() {
        const rows = await readWaiting();
        this.reset();
        for (const row of rows) this.set({ channel: row.channel }, row.waiting);
      },
    });
    new Gauge({
      name: 'assistant_pending_turns',
      help: 'Messages on SMS, WhatsApp and email still owed their turn (state "waiting"; a crashed process leaves some for recovery), or given up after repeated failures ("given_up").',
      labelNames: ['state'] as const,
      registers: [registry],
      async collect() {
        const [row] = await db.query<{ waiting: number; given_up: number }>(
          `SELECT count(*) FILTER (WHERE attempts < $1)::int AS waiting, count(*) FILTER (WHERE attempts >= $1)::int AS given_up FROM pending_turns`,
          [pendingTurnMaxAttempts],
        );
        this.set({ state: 'waiting' }, row?.waiting ?? 0);
        this.set({ state: 'given_up' }, row?.given_up ?? 0);
      },
    });
    new Gauge({
      name: 'assistant_outbox_oldest_age_seconds',
      help: 'Age of the oldest outbound message not yet handed to its provider (0 when none waits).',
      registers: [registry],
      async collect() {
        const rows = await readWaiting();
        this.set(Math.max(0, ...rows.map((row) => row.oldest_seconds ?? 0)));
      },
    });
  }

  return {
    registry,
    recordTurn(turn) {
      messages.inc({ channel: turn.channel, decision: turn.decision });
      latency.observe({ channel: turn.channel, decision: turn.decision }, turn.latencyMs / 1000);
      if (turn.decision === 'handoff') for (const reason of new Set(turn.reasons)) handoffs.inc({ reason });
    },
    recordGeneratorFailure(failure) {
      generatorFailures.inc({ generator: failure.generator, error: failure.error, fallback: String(failure.fellBack) });
    },
    recordDelivery(delivery) {
      deliveries.inc({ channel: delivery.channel, result: delivery.result });
    },
  };
}
