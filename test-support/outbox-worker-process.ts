import { createPgPoolDb } from '../db/pg-pool-db.js';
import { type ChannelSender, RetryableDeliveryError } from '../outbox/channel-sender.js';
import { createOutboxStore } from '../outbox/outbox-store.js';
import { startOutboxWorker } from '../outbox/outbox-worker.js';

// `outbox-worker-process.ts <postgres-url> <delivery-url> <name>`: one outbox
// worker in its own process, as one app instance runs it: claims from the
// database and sends every SMS to the delivery URL (a local recorder standing
// in for the provider). Stops on SIGTERM after its current pass.

const [databaseUrl, deliveryUrl, worker = String(process.pid)] = process.argv.slice(2);
if (!databaseUrl || !deliveryUrl) throw new Error('usage: outbox-worker-process.ts <postgres-url> <delivery-url> <name>');

const db = createPgPoolDb({ connectionString: databaseUrl, maxConnections: 4 });
const sender: ChannelSender = {
  channel: 'sms',
  async send(delivery) {
    const response = await fetch(deliveryUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ idempotencyKey: delivery.idempotencyKey, worker }),
    });
    if (!response.ok) throw new RetryableDeliveryError(`recorder answered ${response.status}`);
    return { providerMessageId: `${worker}:${delivery.idempotencyKey}` };
  },
};
const outboxWorker = startOutboxWorker({ outbox: createOutboxStore(db), senders: [sender], pollIntervalMs: 20, batchSize: 10 });
// The worker's timers do not hold a process open (an app's server does): this one does.
const keepAlive = setInterval(() => undefined, 60_000);
process.stdout.write('worker ready\n');
process.once('SIGTERM', () => {
  clearInterval(keepAlive);
  void outboxWorker
    .stop()
    .then(() => db.close())
    .then(() => process.exit(0));
});
