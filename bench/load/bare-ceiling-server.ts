import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import express from 'express';
import { verifyTwilioSignature } from '../../channels/twilio/verify-twilio-signature.js';

// The ceiling this machine puts on a signed webhook: Express 5, the form
// decoder, the project's Twilio signature check and one durable INSERT into
// an on-disk PGlite (the same package and version as the app), then 200 with
// empty TwiML. Nothing else: no dedupe, no conversation, no bot.
// `tsx bench/load/bare-ceiling-server.ts --data-dir <dir> --auth-token <t> --public-base-url <url>`
// prints `listening <port>` once it serves on 127.0.0.1.

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    'auth-token': { type: 'string' },
    'public-base-url': { type: 'string' },
  },
  strict: true,
});
const dataDir = values['data-dir'];
const authToken = values['auth-token'];
const publicBaseUrl = values['public-base-url'];
if (!dataDir || !authToken || !publicBaseUrl) {
  process.stderr.write('Usage: tsx bench/load/bare-ceiling-server.ts --data-dir <dir> --auth-token <token> --public-base-url <url>\n');
  process.exit(2);
}

const db = await PGlite.create({ dataDir });
await db.exec('CREATE TABLE IF NOT EXISTS inbound (message_sid text PRIMARY KEY, sender text NOT NULL, body text NOT NULL, received_at timestamptz NOT NULL DEFAULT now())');

const emptyTwiml = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';
const app = express();
app.disable('x-powered-by');
app.use(express.urlencoded({ extended: false, limit: 65_536 }));
app.get('/healthz', (_request, response) => {
  response.json({ status: 'ok' });
});
app.post('/api/twilio/messages', async (request, response) => {
  const fields: unknown = request.body;
  const signed = verifyTwilioSignature({
    authToken,
    publicBaseUrl,
    path: request.originalUrl,
    params: fields,
    signature: request.get('x-twilio-signature'),
  });
  if (!signed) {
    response.status(403).end();
    return;
  }
  const form = fields as Record<string, string>;
  await db.query('INSERT INTO inbound (message_sid, sender, body) VALUES ($1, $2, $3) ON CONFLICT (message_sid) DO NOTHING', [
    form.MessageSid ?? '',
    form.From ?? '',
    form.Body ?? '',
  ]);
  response.status(200).type('text/xml').send(emptyTwiml);
});

const server = createServer(app);
server.listen(0, '127.0.0.1');
await once(server, 'listening');
process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);

process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => {
    void db.close().then(() => process.exit(0));
  });
});
