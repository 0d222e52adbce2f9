import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerAppProcess, type AppProcess } from '../db/app-process-registry.js';
import type { PgliteDb } from '../db/pglite-db.js';
import { createTestDb } from '../test-support/test-db.js';
import { RetryableDeliveryError, type ChannelSender, type OutboundDelivery } from './channel-sender.js';
import { createOutboxStore, type OutboxStore } from './outbox-store.js';
import { startOutboxWorker, type OutboxWorker } from './outbox-worker.js';

const message = (key: string) => ({ channel: 'sms' as const, recipient: '+31612345678', payload: { body: `hello ${key}` }, idempotencyKey: key });

/** A provider without idempotency keys: it lists what it accepted, as Twilio does. */
function listingSender(accepted: string[] | Error) {
  const sender = {
    channel: 'sms' as const,
    sent: [] as OutboundDelivery[],
    asked: [] as { key: string; since: Date }[],
    async send(delivery: OutboundDelivery) {
      sender.sent.push(delivery);
      return { providerMessageId: `SM-new-${delivery.idempotencyKey}` };
    },
    async findAccepted(delivery: OutboundDelivery, since: Date) {
      sender.asked.push({ key: delivery.idempotencyKey, since });
      if (accepted instanceof Error) throw accepted;
      return accepted;
    },
  } satisfies ChannelSender & Record<string, unknown>;
  return sender;
}

// A worker killed mid-send leaves rows "sending" under its name; the next
// process takes them at once and asks the provider before sending again.
describe('taking over the sends of a dead process', () => {
  let db: PgliteDb;
  let outbox: OutboxStore;
  let worker: OutboxWorker | undefined;
  const registered: AppProcess[] = [];
  beforeEach(async () => {
    db = await createTestDb();
    outbox = createOutboxStore(db, { maxAttempts: 5, baseDelayMs: 0, maxDelayMs: 0 });
  });
  afterEach(async () => {
    await worker?.stop();
    worker = undefined;
    for (const appProcess of registered.splice(0)) await appProcess.retire();
    await db.close();
  });

  const live = async () => {
    const appProcess = await registerAppProcess(db, { exclusive: false });
    registered.push(appProcess);
    return appProcess.id;
  };

  /** Enqueues `key` and claims it in the name of `claimant`, who then (for the test) does nothing more. */
  async function claimedBy(key: string, claimant: string): Promise<void> {
    await outbox.enqueue(db, message(key));
    await db.query("UPDATE outbox SET status = 'sending', attempts = 1, locked_by = $2, locked_until = now() + interval '1 minute' WHERE idempotency_key = $1", [key, claimant]);
  }

  it("takes a dead process's sends at once, marked unconfirmed, but not a live process's", async () => {
    const me = await live();
    await claimedBy('dead', 'killed-process');
    await claimedBy('alive', await live());
    await claimedBy('mine', me);
    const due = await outbox.claimDue(10, 60_000, me);
    expect(due.map((delivery) => [delivery.idempotencyKey, delivery.attempt])).toEqual([['dead', 2]]);
    expect(due[0]?.unconfirmedSince).toBeInstanceOf(Date);
  });

  it('adopts the message the provider already accepted instead of sending it again', async () => {
    const me = await live();
    await claimedBy('cut-off', 'killed-process');
    const sender = listingSender(['SM-accepted']);
    worker = startOutboxWorker({ outbox, senders: [sender], pollIntervalMs: 60_000, claimant: me });
    await worker.drain();
    expect(sender.sent).toEqual([]);
    expect(sender.asked.map((asked) => asked.key)).toEqual(['cut-off']);
    expect(await outbox.list()).toEqual([expect.objectContaining({ status: 'sent', providerMessageId: 'SM-accepted' })]);
  });

  it('sends when the provider has nothing, and never adopts a message another row already owns', async () => {
    const me = await live();
    await outbox.enqueue(db, message('earlier'));
    await db.query("UPDATE outbox SET status = 'sent', provider_message_id = 'SM-earlier' WHERE idempotency_key = 'earlier'");
    await claimedBy('cut-off', 'killed-process');
    const sender = listingSender(['SM-earlier']);
    worker = startOutboxWorker({ outbox, senders: [sender], pollIntervalMs: 60_000, claimant: me });
    await worker.drain();
    expect(sender.sent.map((delivery) => delivery.idempotencyKey)).toEqual(['cut-off']);
    const [row] = await db.query<{ provider_message_id: string; unconfirmed_since: Date | null }>(
      "SELECT provider_message_id, unconfirmed_since FROM outbox WHERE idempotency_key = 'cut-off'",
    );
    expect(row).toEqual({ provider_message_id: 'SM-new-cut-off', unconfirmed_since: null });
  });

  it('retries later, still asking first, when the provider cannot be asked', async () => {
    const me = await live();
    await claimedBy('cut-off', 'killed-process');
    const unreachable = listingSender(new RetryableDeliveryError('Twilio could not be reached: ECONNREFUSED'));
    const backingOff = createOutboxStore(db, { maxAttempts: 5, baseDelayMs: 60_000, maxDelayMs: 60_000 });
    worker = startOutboxWorker({ outbox: backingOff, senders: [unreachable], pollIntervalMs: 60_000, claimant: me });
    await worker.drain();
    expect(unreachable.sent).toEqual([]);
    await worker.stop();
    await db.query('UPDATE outbox SET next_attempt_at = now()');

    const reachable = listingSender([]);
    worker = startOutboxWorker({ outbox, senders: [reachable], pollIntervalMs: 60_000, claimant: me });
    await worker.drain();
    expect(reachable.asked.map((asked) => asked.key)).toEqual(['cut-off']);
    expect(reachable.sent.map((delivery) => delivery.idempotencyKey)).toEqual(['cut-off']);
  });
});
