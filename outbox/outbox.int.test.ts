import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PgliteDb } from '../db/pglite-db.js';
import { createTestDb } from '../test-support/test-db.js';
import { PermanentDeliveryError, RetryableDeliveryError, type ChannelSender, type OutboundDelivery } from './channel-sender.js';
import { createOutboxStore, type OutboxStore } from './outbox-store.js';
import { startOutboxWorker, type OutboxWorker } from './outbox-worker.js';

/** A sender that answers from a script, one entry per attempt, then succeeds. */
function scriptedSender(script: (Error | undefined)[] = []): ChannelSender & { sent: OutboundDelivery[]; attempts: number } {
  const sender = {
    channel: 'sms' as const,
    sent: [] as OutboundDelivery[],
    attempts: 0,
    async send(delivery: OutboundDelivery) {
      sender.attempts += 1;
      const failure = script.shift();
      if (failure) throw failure;
      sender.sent.push(delivery);
      return { providerMessageId: `SM${sender.sent.length}` };
    },
  };
  return sender;
}

const message = (key: string) => ({ channel: 'sms' as const, recipient: '+31612345678', payload: { body: `hello ${key}` }, idempotencyKey: key });

describe('the outbox', () => {
  let db: PgliteDb;
  let outbox: OutboxStore;
  let worker: OutboxWorker | undefined;
  beforeEach(async () => {
    db = await createTestDb();
    outbox = createOutboxStore(db, { maxAttempts: 3, baseDelayMs: 0, maxDelayMs: 0 });
  });
  afterEach(async () => {
    await worker?.stop();
    worker = undefined;
    await db.close();
  });

  it('keeps one message per idempotency key', async () => {
    const first = await outbox.enqueue(db, message('reply:1'));
    const again = await outbox.enqueue(db, message('reply:1'));
    expect(again).toBe(first);
    expect(await outbox.list()).toHaveLength(1);
  });

  it('sends each message once and records the provider id', async () => {
    const sender = scriptedSender();
    await outbox.enqueue(db, message('a'));
    await outbox.enqueue(db, message('b'));
    worker = startOutboxWorker({ outbox, senders: [sender], pollIntervalMs: 60_000 });
    await worker.drain();
    await worker.drain();
    expect(sender.sent.map((delivery) => delivery.idempotencyKey).sort()).toEqual(['a', 'b']);
    expect((await outbox.list()).map((entry) => entry.status)).toEqual(['sent', 'sent']);
    expect((await outbox.list()).every((entry) => entry.providerMessageId?.startsWith('SM'))).toBe(true);
  });

  it('retries a retryable failure with backoff, then succeeds', async () => {
    const sender = scriptedSender([new RetryableDeliveryError('429 too many requests'), new RetryableDeliveryError('503')]);
    await outbox.enqueue(db, message('a'));
    worker = startOutboxWorker({ outbox, senders: [sender], pollIntervalMs: 60_000 });
    await worker.drain();
    const [entry] = await outbox.list();
    expect(entry).toMatchObject({ status: 'sent', attempts: 3 });
    expect(sender.sent).toHaveLength(1);
  });

  it('dead-letters with the reason after the last attempt, and at once on a permanent refusal', async () => {
    const sender = scriptedSender([
      new RetryableDeliveryError('timeout'),
      new RetryableDeliveryError('timeout'),
      new RetryableDeliveryError('timeout'),
      new PermanentDeliveryError('21211 invalid To number'),
    ]);
    await outbox.enqueue(db, message('retried'));
    worker = startOutboxWorker({ outbox, senders: [sender], pollIntervalMs: 60_000 });
    await worker.drain();
    await outbox.enqueue(db, message('refused'));
    await worker.drain();
    const byKey = new Map((await db.query<{ idempotency_key: string; status: string; attempts: number; last_error: string }>(
      'SELECT idempotency_key, status, attempts, last_error FROM outbox',
    )).map((row) => [row.idempotency_key, row]));
    expect(byKey.get('retried')).toMatchObject({ status: 'dead', attempts: 3, last_error: 'RetryableDeliveryError: timeout' });
    expect(byKey.get('refused')).toMatchObject({ status: 'dead', attempts: 1, last_error: 'PermanentDeliveryError: 21211 invalid To number' });
    expect(sender.sent).toEqual([]);
    expect(await outbox.depth()).toMatchObject({ waiting: 0, dead: 2 });
  });

  it('never hands one message to two claims at once, and takes it back when a lease runs out', async () => {
    for (const key of ['a', 'b', 'c', 'd']) await outbox.enqueue(db, message(key));
    const [first, second] = await Promise.all([outbox.claimDue(2, 60_000), outbox.claimDue(10, 60_000)]);
    const claimed = [...(first ?? []), ...(second ?? [])].map((delivery) => delivery.idempotencyKey);
    expect(claimed.sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(await outbox.claimDue(10, 60_000)).toEqual([]);

    await db.query("UPDATE outbox SET locked_until = now() - interval '1 second' WHERE idempotency_key = 'a'");
    expect((await outbox.claimDue(10, 60_000)).map((delivery) => [delivery.idempotencyKey, delivery.attempt])).toEqual([['a', 2]]);
  });

  it('dead-letters a message for a channel with no sender', async () => {
    await outbox.enqueue(db, { ...message('x'), channel: 'email', recipient: 'jan@example.nl' });
    worker = startOutboxWorker({ outbox, senders: [scriptedSender()], pollIntervalMs: 60_000 });
    await worker.drain();
    expect((await outbox.list())[0]).toMatchObject({ status: 'dead', lastError: 'no sender configured for channel email' });
  });

  it('records delivery reports for sent messages', async () => {
    await outbox.enqueue(db, message('a'));
    worker = startOutboxWorker({ outbox, senders: [scriptedSender()], pollIntervalMs: 60_000 });
    await worker.drain();
    expect(await outbox.recordDeliveryStatus('SM1', 'delivered')).toBe(true);
    expect(await outbox.recordDeliveryStatus('SM-unknown', 'delivered')).toBe(false);
    expect((await outbox.list())[0]?.status).toBe('delivered');
  });

  it('keeps a delivery report that overtook the answer to the send', async () => {
    const id = await outbox.enqueue(db, message('early'));
    await outbox.claimDue(1, 60_000);
    expect(await outbox.recordDeliveryStatus('SM-early', 'delivered', undefined, id)).toBe(true);
    await outbox.markSent(id, 'SM-early');
    expect((await outbox.list())[0]).toMatchObject({ status: 'delivered', providerMessageId: 'SM-early' });
  });
});
