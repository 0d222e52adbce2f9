import { startBackgroundLoop } from '../db/background-loop.js';
import type { Logger } from 'pino';
import type { ServiceMetrics } from '../bot/observability/service-metrics.js';
import {
  PermanentDeliveryError,
  RetryableDeliveryError,
  type ChannelSender,
  type OutboundChannel,
  type OutboundDelivery,
} from './channel-sender.js';
import type { OutboxStore } from './outbox-store.js';

export interface OutboxWorkerOptions {
  outbox: OutboxStore;
  senders: readonly ChannelSender[];
  /** How often to look for due messages when idle. */
  pollIntervalMs?: number;
  /** Messages taken per claim. */
  batchSize?: number;
  /** How long a claimed message is ours; after it another worker may take it. */
  leaseMs?: number;
  /**
   * This app process (`registerAppProcess`): claims are taken in its name, so
   * when it dies its messages are taken over at once instead of after the lease.
   */
  claimant?: string;
  logger?: Pick<Logger, 'info' | 'warn' | 'error'>;
  metrics?: Pick<ServiceMetrics, 'recordDelivery'>;
}

export interface OutboxWorker {
  /** Sends everything due now, then returns how many attempts were made (tests and shutdown). */
  drain(): Promise<number>;
  /** Asks for a pass soon (after a message was enqueued), instead of waiting for the next poll. */
  wake(): void;
  stop(): Promise<void>;
}

/**
 * Delivers the outbox: claims due messages, hands each to its channel's
 * sender, and records the outcome. Errors never escape the loop; a message no
 * sender handles is dead-lettered with that reason.
 */
export function startOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { outbox, logger, metrics } = options;
  const senders = new Map<OutboundChannel, ChannelSender>(options.senders.map((sender) => [sender.channel, sender]));
  const batchSize = options.batchSize ?? 20;
  const leaseMs = options.leaseMs ?? 60_000;
  async function deliverOne(delivery: OutboundDelivery): Promise<void> {
    const sender = senders.get(delivery.channel);
    if (!sender) {
      await outbox.markFailed(delivery.outboxId, `no sender configured for channel ${delivery.channel}`, { permanent: true });
      metrics?.recordDelivery({ channel: delivery.channel, result: 'dead' });
      return;
    }
    try {
      if (await foundAtProvider(sender, delivery)) return;
      const result = await sender.send(delivery);
      await outbox.markSent(delivery.outboxId, result.providerMessageId);
      metrics?.recordDelivery({ channel: delivery.channel, result: 'sent' });
    } catch (error) {
      const permanent = error instanceof PermanentDeliveryError;
      const retryAfterMs = error instanceof RetryableDeliveryError ? error.retryAfterMs : undefined;
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      const status = await outbox.markFailed(delivery.outboxId, reason, { permanent, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });
      metrics?.recordDelivery({ channel: delivery.channel, result: status === 'dead' ? 'dead' : 'retry' });
      logger?.warn({ outboxId: delivery.outboxId, channel: delivery.channel, attempt: delivery.attempt, status, error: reason }, 'delivery failed');
    }
  }

  /** An attempt cut off by a crash may have reached the provider: adopt its message instead of sending a second one. */
  async function foundAtProvider(sender: ChannelSender, delivery: OutboundDelivery): Promise<boolean> {
    if (delivery.unconfirmedSince === undefined || !sender.findAccepted) return false;
    for (const providerMessageId of await sender.findAccepted(delivery, delivery.unconfirmedSince)) {
      if (await outbox.adoptAccepted(delivery.outboxId, providerMessageId)) {
        metrics?.recordDelivery({ channel: delivery.channel, result: 'sent' });
        logger?.info({ outboxId: delivery.outboxId, channel: delivery.channel }, 'interrupted send had reached the provider; not sent again');
        return true;
      }
    }
    return false;
  }

  const loop = startBackgroundLoop({
    async pass() {
      let attempts = 0;
      while (!loop.stopped) {
        const due = await outbox.claimDue(batchSize, leaseMs, options.claimant);
        await Promise.all(due.map(deliverOne));
        attempts += due.length;
        // A claim short of a full batch took everything due then; a message enqueued since wakes the loop for another pass.
        if (due.length < batchSize) return attempts;
      }
      return attempts;
    },
    intervalMs: options.pollIntervalMs ?? 1_000,
    failureMessage: 'outbox pass failed',
    ...(logger ? { logger } : {}),
  });

  return {
    async drain() {
      let total = 0;
      // A pass already running may have claimed before the latest enqueue: run until one finds nothing.
      for (;;) {
        if (loop.running) total += await loop.running;
        const attempts = await loop.run();
        total += attempts;
        if (attempts === 0) return total;
      }
    },
    wake: () => loop.wake(),
    stop: () => loop.stop(),
  };
}
