import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConversationStore } from '../../bot/conversations/conversation-store.js';
import { registerAppProcess, type AppProcess } from '../../db/app-process-registry.js';
import type { PgliteDb } from '../../db/pglite-db.js';
import { createTestDb } from '../../test-support/test-db.js';
import { createPendingTurnStore, type PendingTurnStore } from './pending-turn-store.js';

describe('pending turns', () => {
  let db: PgliteDb;
  let processes: AppProcess[];
  let conversationId: string;
  let sequence = 0;

  beforeEach(async () => {
    db = await createTestDb();
    processes = [];
    conversationId = (await createConversationStore(db).create({ channel: 'sms', locale: 'en', address: '+31612345678' })).id;
  });
  afterEach(async () => {
    for (const registered of processes) await registered.retire();
    await db.close();
  });

  /** A registered, live app process with its own store (not exclusive: several share the database, as on Postgres). */
  async function liveProcess(options: { leaseMs?: number; maxAttempts?: number; retryDelayMs?: number } = {}) {
    const registered = await registerAppProcess(db, { exclusive: false });
    processes.push(registered);
    return { id: registered.id, store: createPendingTurnStore(db, { processId: registered.id, ...options }), retire: () => registered.retire() };
  }

  /** Stores an inbound message with its pending turn, as the webhook does, claimed by `store`'s process. */
  async function receive(store: PendingTurnStore, input: Record<string, unknown> = {}): Promise<string> {
    sequence += 1;
    const recorded = await createConversationStore(db).recordInbound(
      { conversationId, channel: 'sms', providerMessageId: `SM${sequence}`, text: 'I forgot my PIN code' },
      (transaction, messageId) => store.add(transaction, { inboundMessageId: messageId, channel: 'sms', input }),
    );
    return recorded.messageId;
  }

  it('is stored with its message and claimed by the process that received it: nobody else takes it while that process lives', async () => {
    const receiver = await liveProcess();
    const other = await liveProcess();
    const messageId = await receive(receiver.store, { mediaOnly: false });
    expect(await receiver.store.claimAbandoned(10)).toEqual([]);
    expect(await other.store.claimAbandoned(10)).toEqual([]);
    const [row] = await db.query<{ claimed_by: string; input: unknown }>('SELECT claimed_by, input FROM pending_turns WHERE inbound_message_id = $1', [messageId]);
    expect(row).toEqual({ claimed_by: receiver.id, input: { mediaOnly: false } });
  });

  it('is not stored when the message is a duplicate, and rolls back with a message that fails to store', async () => {
    const receiver = await liveProcess();
    const conversations = createConversationStore(db);
    const message = { conversationId, channel: 'sms', providerMessageId: 'SM-once', text: 'hello' };
    const add = (transaction: Parameters<PendingTurnStore['add']>[0], messageId: string) => receiver.store.add(transaction, { inboundMessageId: messageId, channel: 'sms', input: {} });
    await conversations.recordInbound(message, add);
    expect((await conversations.recordInbound(message, add)).duplicate).toBe(true);
    await expect(
      conversations.recordInbound({ ...message, providerMessageId: 'SM-fails' }, async () => {
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(await db.query("SELECT id FROM messages WHERE provider_message_id = 'SM-fails'")).toEqual([]);
    expect(await db.query('SELECT inbound_message_id FROM pending_turns')).toHaveLength(1);
  });

  it('is taken over at once when its process is gone, by exactly one of two processes claiming together', async () => {
    const receiver = await liveProcess();
    const messageIds = [await receive(receiver.store), await receive(receiver.store), await receive(receiver.store)];
    await receiver.retire();
    const [first, second] = [await liveProcess(), await liveProcess()];
    const [a, b] = await Promise.all([first.store.claimAbandoned(2), second.store.claimAbandoned(2)]);
    const claimed = [...a, ...b].map((turn) => turn.inboundMessageId);
    expect(claimed.sort()).toEqual([...messageIds].sort());
    expect([...a, ...b].every((turn) => turn.attempts === 2 && turn.channel === 'sms')).toBe(true);
    expect(await first.store.claimAbandoned(10)).toEqual([]);
  });

  it('is taken over from a live process when its lease runs out', async () => {
    const receiver = await liveProcess({ leaseMs: 1 });
    const other = await liveProcess();
    const messageId = await receive(receiver.store);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await other.store.claimAbandoned(10)).map((turn) => turn.inboundMessageId)).toEqual([messageId]);
  });

  it('is deleted when completed, and after a failure waits its backoff, then is given up after the last attempt', async () => {
    const receiver = await liveProcess({ maxAttempts: 3, retryDelayMs: 0 });
    const done = await receive(receiver.store);
    await receiver.store.complete(done);
    expect(await db.query('SELECT 1 FROM pending_turns WHERE inbound_message_id = $1', [done])).toEqual([]);

    const failing = await receive(receiver.store);
    await receiver.store.release(failing, 'Error: the answer engine is down');
    expect((await receiver.store.claimAbandoned(10)).map((turn) => turn.attempts)).toEqual([2]);
    await receiver.store.release(failing, 'Error: still down');
    expect((await receiver.store.claimAbandoned(10)).map((turn) => turn.attempts)).toEqual([3]);
    await receiver.store.release(failing, 'Error: down for good');
    expect(await receiver.store.claimAbandoned(10)).toEqual([]);
    const [row] = await db.query<{ last_error: string }>('SELECT last_error FROM pending_turns WHERE inbound_message_id = $1', [failing]);
    expect(row?.last_error).toBe('Error: down for good');
  });

  it('waits out the backoff after a failure', async () => {
    const receiver = await liveProcess({ retryDelayMs: 60_000 });
    const failing = await receive(receiver.store);
    await receiver.store.release(failing, 'Error: timeout');
    expect(await receiver.store.claimAbandoned(10)).toEqual([]);
  });

  it('records webhooks arriving together as intake turns with one statement: each claimed or not as asked, a redelivery in the same batch added once', async () => {
    const receiver = await liveProcess();
    const other = await liveProcess();
    const intake = (sid: string) => ({ inboundMessageId: `intake:sms:${sid}`, channel: 'sms' as const, input: { intake: { messageSid: sid, text: 'PIN \u0000 lost' } } });
    const added = await Promise.all([
      receiver.store.addIntake(intake('SM1')),
      receiver.store.addIntake(intake('SM2'), { unclaimed: true }),
      receiver.store.addIntake(intake('SM1')),
    ]);
    expect(added).toEqual([true, true, false]);
    expect(await receiver.store.addIntake(intake('SM2'))).toBe(false);
    const rows = await db.query<{ inbound_message_id: string; claimed_by: string | null; attempts: number; input: unknown }>(
      'SELECT inbound_message_id, claimed_by, attempts, input FROM pending_turns ORDER BY inbound_message_id',
    );
    expect(rows).toEqual([
      { inbound_message_id: 'intake:sms:SM1', claimed_by: receiver.id, attempts: 1, input: { intake: { messageSid: 'SM1', text: 'PIN \ufffd lost' } } },
      { inbound_message_id: 'intake:sms:SM2', claimed_by: null, attempts: 0, input: { intake: { messageSid: 'SM2', text: 'PIN \ufffd lost' } } },
    ]);
    expect((await other.store.claimAbandoned(10)).map((turn) => turn.inboundMessageId)).toEqual(['intake:sms:SM2']);
  });
});
