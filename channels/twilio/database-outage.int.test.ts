import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createPgliteDb } from '../../db/pglite-db.js';
import { fakeAccountSid, fakeAuthToken, startFakeTwilioApi, type FakeTwilioApi } from '../../fakes/twilio-api/index.js';
import { sendInboundSms } from '../../test-support/inbound-sms-burst.js';
import { startTestApp, type TestApp } from '../../test-support/start-test-app.js';

const smsNumber = '+3197010000000';
const customer = '+31612347001';

const sms = (messageSid: string) => ({ messageSid, from: customer, body: 'How long does a SEPA transfer take?' });

describe('a webhook while the database is unavailable', () => {
  let twilioApi: FakeTwilioApi;
  let dataDir: string;
  const apps: TestApp[] = [];
  const environment = () => ({
    TWILIO_ACCOUNT_SID: fakeAccountSid,
    TWILIO_AUTH_TOKEN: fakeAuthToken,
    TWILIO_API_BASE_URL: twilioApi.baseUrl,
    TWILIO_SMS_FROM: smsNumber,
    OUTBOX_POLL_INTERVAL_MS: '50',
  });
  async function startOnDataDir(): Promise<TestApp> {
    const app = await startTestApp(environment(), { db: await createPgliteDb({ dataDir }) });
    apps.push(app);
    return app;
  }
  function post(app: TestApp, messageSid: string): Promise<Response> {
    const url = `${app.baseUrl}/api/twilio/messages`;
    return sendInboundSms(url, { accountSid: fakeAccountSid, authToken: fakeAuthToken, to: smsNumber, signedUrl: url }, sms(messageSid));
  }
  beforeAll(async () => {
    twilioApi = await startFakeTwilioApi();
    dataDir = await mkdtemp(join(tmpdir(), 'database-outage-'));
    const template = new Blob([await readFile(inject('sampleKnowledgeTemplatePath'))]);
    const seeded = await createPgliteDb({ dataDir, loadDataDir: template });
    await seeded.close();
  });
  afterAll(async () => {
    for (const app of apps) await app.close().catch(() => undefined);
    await twilioApi?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers 503 with Retry-After and stores nothing; the redelivery after recovery is answered once', async () => {
    const first = await startOnDataDir();
    const sid = `SM${'7'.repeat(32)}`;
    await first.db.close();

    const refused = await post(first, sid);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('unavailable');
    await first.close().catch(() => undefined);
    apps.length = 0;

    const second = await startOnDataDir();
    const partial = await second.db.query(
      `SELECT 'message' AS kind FROM messages WHERE provider_message_id = $1
       UNION ALL SELECT 'turn' FROM pending_turns WHERE inbound_message_id LIKE '%' || $1`,
      [sid],
    );
    expect(partial).toEqual([]);

    // Twilio delivers the webhook again once the service answers.
    expect((await post(second, sid)).status).toBe(200);
    expect((await post(second, sid)).status).toBe(200);
    await second.channels.turns.idle();
    await second.channels.worker.drain();
    const replies = twilioApi.messages.filter((message) => message.to === customer);
    expect(replies).toHaveLength(1);
    expect(replies[0]?.body).toContain('https://help.lumenbank.example/');
  });
});
