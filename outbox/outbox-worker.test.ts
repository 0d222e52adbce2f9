import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChannelSender, OutboundDelivery } from './channel-sender.js';
import type { OutboxStore } from './outbox-store.js';
import { startOutboxWorker, type OutboxWorker } from './outbox-worker.js';

/** An outbox in memory: `claimDue` hands out what was queued, and counts its calls. */
function memoryOutbox() {
  const queued: OutboundDelivery[] = [];
  const sent: string[] = [];
  let claims = 0;
  const store = {
    async claimDue(limit: number) {
      claims += 1;
      return queued.splice(0, limit);
    },
    async markSent(outboxId: string) {
      sent.push(outboxId);
    },
    async markFailed() {
      return 'retry' as const;
    },
    async adoptAccepted() {
      return false;
    },
  };
  return {
    store: store as unknown as OutboxStore,
    enqueue(outboxId: string) {
      queued.push({ outboxId, channel: 'sms', recipient: '+31612345678', payload: { body: 'hi' }, idempotencyKey: outboxId, attempt: 1 });
    },
    sent,
    get claims() {
      return claims;
    },
  };
}

describe('outbox worker passes', () => {
  let worker: OutboxWorker | undefined;
  afterEach(async () => {
    await worker?.stop();
    worker = undefined;
  });

  it('ends a pass after a claim short of a full batch: no second, empty claim', async () => {
    const outbox = memoryOutbox();
    const sender: ChannelSender = { channel: 'sms', send: async (delivery) => ({ providerMessageId: `SM-${delivery.outboxId}` }) };
    worker = startOutboxWorker({ outbox: outbox.store, senders: [sender], pollIntervalMs: 60_000, batchSize: 5 });
    await worker.drain();
    outbox.enqueue('a');
    outbox.enqueue('b');
    const claimsBefore = outbox.claims;
    await worker.drain();
    expect(outbox.sent).toEqual(['a', 'b']);
    // drain: one pass that sends both and stops, then one that finds nothing.
    expect(outbox.claims - claimsBefore).toBe(2);
  });

  it('sends a message enqueued (and the worker woken) while a pass was running right after that pass, not at the next poll', async () => {
    const outbox = memoryOutbox();
    let enqueueDuringSend = true;
    const sender: ChannelSender = {
      channel: 'sms',
      send: async (delivery) => {
        if (enqueueDuringSend) {
          enqueueDuringSend = false;
          outbox.enqueue('late');
          worker?.wake();
        }
        return { providerMessageId: `SM-${delivery.outboxId}` };
      },
    };
    worker = startOutboxWorker({ outbox: outbox.store, senders: [sender], pollIntervalMs: 60_000, batchSize: 5 });
    await worker.drain();
    outbox.enqueue('first');
    worker.wake();
    // The wake comes during the pass that sends 'first'; the next poll is a minute away.
    await vi.waitFor(() => expect(outbox.sent).toEqual(['first', 'late']), { timeout: 5_000 });
  });
});
