import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import twilio from 'twilio';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readJsonFixture } from '../../channels/twilio/fixtures/read-form-fixture.js';
import { parseStatusCallback } from '../../channels/twilio/parse-status-callback.js';
import { TwilioHttpClient } from '../../channels/twilio/twilio-http-client.js';
import { verifyTwilioSignature } from '../../channels/twilio/verify-twilio-signature.js';
import { fakeAccountSid, fakeAuthToken, startFakeTwilioApi, type FakeTwilioApi } from './index.js';
import { signedTwilioRequest } from './sign-twilio-webhook.js';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const basic = (username: string, password: string) => `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;

interface ReceivedCallback {
  path: string;
  signature: string | undefined;
  params: Record<string, string>;
}

/** Our side of the status callbacks: records what arrives, as the app's route would receive it. */
async function startCallbackReceiver(): Promise<{ baseUrl: string; received: ReceivedCallback[]; server: Server }> {
  const received: ReceivedCallback[] = [];
  const server = createServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const header = request.headers['x-twilio-signature'];
      received.push({
        path: request.url ?? '/',
        signature: Array.isArray(header) ? header[0] : header,
        params: Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))),
      });
      response.writeHead(204).end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, server };
}

describe('startFakeTwilioApi', () => {
  let api: FakeTwilioApi;
  const messagesUrl = () => `${api.baseUrl}/2010-04-01/Accounts/${fakeAccountSid}/Messages.json`;
  const post = (fields: Record<string, string>, authorization = basic(fakeAccountSid, fakeAuthToken), url = messagesUrl()) =>
    fetch(url, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  const sms = { To: '+31612345678', From: '+3197010250123', Body: 'Block your card in the app.' };

  beforeAll(async () => {
    api = await startFakeTwilioApi({ slowDelayMs: 30_000 });
  });
  afterAll(async () => {
    await api.close();
  });
  beforeEach(() => {
    api.reset();
  });

  it('listens on loopback only', () => {
    expect(api.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("creates a message and answers 201 with Twilio's JSON shape", async () => {
    const response = await post(sms);
    expect(response.status).toBe(201);
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(Object.keys(readJsonFixture('message-create-response.json')).sort());
    expect(body).toMatchObject({ status: 'queued', to: sms.To, from: sms.From, body: sms.Body, num_segments: '1', direction: 'outbound-api' });
    expect(body.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(body.date_created).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
    expect(api.messages).toEqual([expect.objectContaining({ sid: body.sid, to: sms.To, body: sms.Body, status: 'queued' })]);
  });

  it('is reached by the official Twilio client through a rewriting http client', async () => {
    const client = twilio(fakeAccountSid, fakeAuthToken, { httpClient: new TwilioHttpClient({ apiBaseUrl: api.baseUrl, timeoutMs: 2_000 }) });
    const message = await client.messages.create({ to: sms.To, from: sms.From, body: sms.Body, mediaUrl: ['https://a.example/1.png', 'https://a.example/2.png'] });
    expect(message.sid).toBe(api.messages[0]?.sid);
    expect(message.numMedia).toBe('2');
    expect(api.messages[0]?.mediaUrls).toEqual(['https://a.example/1.png', 'https://a.example/2.png']);
  });

  it('refuses missing or wrong credentials with 401 / 20003, consuming no scripted answer', async () => {
    api.script({ kind: 'server_error' });
    for (const authorization of ['', basic(fakeAccountSid, 'wrong'), basic('ACffffffffffffffffffffffffffffffff', fakeAuthToken)]) {
      const response = await post(sms, authorization);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ code: 20003, status: 401 });
    }
    expect((await post(sms)).status).toBe(500);
    expect(api.messages).toEqual([]);
  });

  it("answers errors in Twilio's shape", async () => {
    api.script({ kind: 'invalid_number' });
    const response = await post(sms);
    expect(response.status).toBe(400);
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(Object.keys(readJsonFixture('error-21211-invalid-to.json')).sort());
    expect(body).toMatchObject({ code: 21211, status: 400, more_info: 'https://www.twilio.com/docs/errors/21211' });
  });

  it('plays scripted answers in order, then succeeds again', async () => {
    api.script({ kind: 'rate_limited', retryAfterSeconds: 3 }, { kind: 'unsubscribed' }, { kind: 'error', status: 503, code: 20503 });
    const first = await post(sms);
    expect([first.status, first.headers.get('retry-after')]).toEqual([429, '3']);
    expect(await first.json()).toMatchObject({ code: 20429 });
    expect(await (await post(sms)).json()).toMatchObject({ code: 21610, status: 400 });
    expect((await post(sms)).status).toBe(503);
    expect((await post(sms)).status).toBe(201);
    expect(api.requests.map((request) => request.status)).toEqual([429, 400, 503, 201]);
  });

  it.each([
    [{ From: sms.From, Body: 'x' }, 21604],
    [{ To: sms.To, Body: 'x' }, 21603],
    [{ To: sms.To, From: sms.From }, 21602],
    [{ ...sms, To: '0612345678' }, 21211],
    [{ ...sms, To: `whatsapp:${sms.To}` }, 21910],
    [{ ...sms, Body: 'x'.repeat(1601) }, 21617],
    [{ To: sms.To, From: sms.From, ContentSid: 'HX1' }, 21655],
  ])('checks the fields Twilio requires: %j is %i', async (fields, code) => {
    const response = await post(fields);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code });
  });

  it("lists the account's messages newest first, filtered by To and From, in Twilio's page shape", async () => {
    await post(sms);
    await post({ ...sms, Body: 'Second.' });
    await post({ ...sms, To: '+31687654321' });
    const query = new URLSearchParams({ To: sms.To, From: sms.From, PageSize: '20' });
    const response = await fetch(`${messagesUrl()}?${query}`, { headers: { authorization: basic(fakeAccountSid, fakeAuthToken) } });
    expect(response.status).toBe(200);
    const page = (await response.json()) as { messages: { body: string; to: string }[]; next_page_uri: string | null; page_size: number };
    expect(page.messages.map((message) => message.body)).toEqual(['Second.', sms.Body]);
    expect(page).toMatchObject({ next_page_uri: null, page_size: 20 });
    expect((await fetch(messagesUrl(), { headers: { authorization: basic(fakeAccountSid, 'wrong') } })).status).toBe(401);
  });

  it('answers 404 for another account or another route', async () => {
    const other = `${api.baseUrl}/2010-04-01/Accounts/ACffffffffffffffffffffffffffffffff/Messages.json`;
    expect((await post(sms, undefined, other)).status).toBe(404);
    expect((await fetch(`${api.baseUrl}/2010-04-01/Accounts/${fakeAccountSid}/Calls.json`, { method: 'POST' })).status).toBe(404);
  });

  it('is scripted and read over HTTP by another process', async () => {
    const script = await fetch(`${api.baseUrl}/__script`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ responses: [{ kind: 'server_error' }] }),
    });
    expect(await script.json()).toEqual({ queued: 1 });
    expect((await post(sms)).status).toBe(500);
    expect((await post(sms)).status).toBe(201);
    const messages = (await (await fetch(`${api.baseUrl}/__messages`)).json()) as { to: string }[];
    expect(messages.map((message) => message.to)).toEqual([sms.To]);
    expect(((await (await fetch(`${api.baseUrl}/__requests`)).json()) as unknown[]).length).toBe(2);

    expect((await fetch(`${api.baseUrl}/__reset`, { method: 'POST' })).status).toBe(200);
    expect(api.messages).toEqual([]);
    const refused = await fetch(`${api.baseUrl}/__script`, { method: 'POST', body: JSON.stringify({ responses: [{ kind: 'be_nice' }] }) });
    expect(refused.status).toBe(400);
  });

  it('close() ends a pending slow request instead of waiting for it', async () => {
    api.script({ kind: 'slow' });
    const pending = post(sms).then(
      () => 'answered',
      () => 'dropped',
    );
    await expect.poll(() => api.requests.length).toBe(1);
    const started = Date.now();
    await api.close();
    expect(await pending).toBe('dropped');
    expect(Date.now() - started).toBeLessThan(2_000);
    api = await startFakeTwilioApi();
  });
});

describe('status callbacks', () => {
  let api: FakeTwilioApi;
  let receiver: Awaited<ReturnType<typeof startCallbackReceiver>>;
  const send = (fields: Record<string, string>) =>
    fetch(`${api.baseUrl}/2010-04-01/Accounts/${fakeAccountSid}/Messages.json`, {
      method: 'POST',
      headers: { authorization: basic(fakeAccountSid, fakeAuthToken), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });

  beforeEach(async () => {
    api = await startFakeTwilioApi({ statusCallbacks: true });
    receiver = await startCallbackReceiver();
  });
  afterEach(async () => {
    await api.close();
    receiver.server.closeAllConnections();
    await new Promise<void>((resolve) => receiver.server.close(() => resolve()));
  });

  it('posts a signed delivered callback that our parser and signature check accept', async () => {
    const statusCallback = `${receiver.baseUrl}/api/twilio/status?outboxId=outbox-17`;
    await send({ To: '+31612345678', From: '+3197010250123', Body: 'Hi', StatusCallback: statusCallback });
    await api.callbacksSettled();

    const [callback] = receiver.received;
    expect(callback?.path).toBe('/api/twilio/status?outboxId=outbox-17');
    expect(
      verifyTwilioSignature({ authToken: fakeAuthToken, publicBaseUrl: receiver.baseUrl, path: callback?.path ?? '', params: callback?.params, signature: callback?.signature }),
    ).toBe(true);
    expect(parseStatusCallback(callback?.params)).toEqual({ messageSid: api.messages[0]?.sid, status: 'delivered' });
    expect(api.callbacks).toEqual([expect.objectContaining({ url: statusCallback, responseStatus: 204 })]);
    expect(api.messages[0]?.status).toBe('delivered');
  });

  it('reports a scripted undelivered message with its error code', async () => {
    api.script({ kind: 'undelivered', errorCode: 30007 });
    await send({ To: 'whatsapp:+31612345678', From: 'whatsapp:+3197010250456', Body: 'Hi', StatusCallback: `${receiver.baseUrl}/status` });
    await api.callbacksSettled();
    expect(parseStatusCallback(receiver.received[0]?.params)).toEqual({ messageSid: api.messages[0]?.sid, status: 'undelivered', errorCode: 30007 });
  });

  it('posts nothing for a message without a StatusCallback', async () => {
    await send({ To: '+31612345678', From: '+3197010250123', Body: 'Hi' });
    await api.callbacksSettled();
    expect(receiver.received).toEqual([]);
  });

  it('records a callback our server could not take', async () => {
    await send({ To: '+31612345678', From: '+3197010250123', Body: 'Hi', StatusCallback: 'http://127.0.0.1:1/status' });
    await api.callbacksSettled();
    expect(api.callbacks[0]).toMatchObject({ error: expect.any(String) });
    expect(api.messages[0]?.status).toBe('queued');
  });
});

describe('signedTwilioRequest', () => {
  it('builds a webhook request our signature check accepts', () => {
    const url = 'https://assistant.lumenbank.example/api/twilio/messages';
    const params = { From: '+31612345678', To: '+3197010250123', Body: 'STOP' };
    const request = signedTwilioRequest({ authToken: fakeAuthToken, url, params });
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const decoded = Object.fromEntries(new URLSearchParams(request.body));
    expect(decoded).toEqual(params);
    expect(
      verifyTwilioSignature({
        authToken: fakeAuthToken,
        publicBaseUrl: 'https://assistant.lumenbank.example',
        path: '/api/twilio/messages',
        params: decoded,
        signature: request.headers['x-twilio-signature'],
      }),
    ).toBe(true);
  });
});

describe('main.ts', () => {
  it('runs standalone: --port 0 prints the base URL and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'fakes/twilio-api/main.ts', '--port', '0', '--status-callbacks'], {
      cwd: projectRoot,
      env: {},
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = once(child, 'exit');
    const [line] = (await once(child.stdout, 'data')) as [Buffer];
    const baseUrl = line.toString('utf8').trim();

    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${baseUrl}/__messages`)).status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited).toEqual([0, null]);
  });

  it('refuses a bad port with a usage line and exit code 2', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'fakes/twilio-api/main.ts', '--port', 'many'], {
      cwd: projectRoot,
      env: {},
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stderr: Buffer[] = [];
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    expect(await once(child, 'exit')).toEqual([2, null]);
    expect(Buffer.concat(stderr).toString('utf8')).toMatch(/^Usage:/);
  });
});
