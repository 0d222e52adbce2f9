import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { twilioMaxBodyLength } from '../../channels/twilio/twilio-outbound-payload.js';
import { signTwilioWebhook } from './sign-twilio-webhook.js';
import { createInterruptibleSleep } from '../interruptible-sleep.js';
import { readBody, sendJson } from '../http-exchange.js';
import {
  fakeAccountSid,
  fakeAuthToken,
  fakeTwilioResponseSchema,
  type FakeStatusCallback,
  type FakeTwilioApi,
  type FakeTwilioApiOptions,
  type FakeTwilioMessage,
  type FakeTwilioRequest,
  type FakeTwilioResponse,
} from './fake-twilio-api-contract.js';
import { basicCredentials, formFields, isJsonObject, messageJson, parseJson } from './twilio-wire-format.js';

const messagesPath = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/;
const e164 = /^\+[1-9]\d{1,14}$/;
const scriptBodySchema = z.object({ responses: z.array(fakeTwilioResponseSchema) });

class TwilioError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/**
 * A local stand-in for Twilio's REST API on 127.0.0.1, for tests and the eval
 * runner: `POST /2010-04-01/Accounts/{AccountSid}/Messages.json` checks Basic
 * auth and the fields Twilio requires, answers 201 with Twilio's JSON and an
 * `SM…` sid, records the message, and (when asked) posts a status callback
 * signed with the auth token as Twilio does. `script` queues failures.
 * Another process drives it over HTTP: `GET /__messages`, `GET /__requests`,
 * `GET /__callbacks`, `POST /__script {"responses": [...]}`, `POST /__reset`.
 */
export async function startFakeTwilioApi(options: FakeTwilioApiOptions = {}): Promise<FakeTwilioApi> {
  const accountSid = options.accountSid ?? fakeAccountSid;
  const authToken = options.authToken ?? fakeAuthToken;
  const now = options.now ?? (() => new Date());
  const messages: FakeTwilioMessage[] = [];
  const requests: FakeTwilioRequest[] = [];
  const callbacks: FakeStatusCallback[] = [];
  let queue: FakeTwilioResponse[] = [];
  const pendingCallbacks = new Set<Promise<void>>();
  const callbackAborts = new AbortController();
  const sleeper = createInterruptibleSleep();
  let closed = false;

  const sleep = (milliseconds: number) => sleeper.sleep(milliseconds);

  const control = {
    script(...responses: FakeTwilioResponse[]) {
      queue.push(...responses.map((response) => fakeTwilioResponseSchema.parse(response)));
    },
    reset() {
      queue = [];
      messages.length = 0;
      requests.length = 0;
      callbacks.length = 0;
    },
  };

  function createMessage(params: Record<string, string | string[]>, pathAccountSid: string): FakeTwilioMessage {
    const field = (name: string) => {
      const value = params[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const to = field('To');
    const from = field('From');
    const body = field('Body');
    const contentSid = field('ContentSid');
    const mediaUrls = [params.MediaUrl ?? []].flat();
    if (!to) throw new TwilioError(400, 21604, "A 'To' phone number is required.");
    if (!from && !field('MessagingServiceSid')) throw new TwilioError(400, 21603, "A 'From' phone number is required.");
    if (!body && !contentSid && mediaUrls.length === 0) throw new TwilioError(400, 21602, 'Message body is required.');
    const whatsApp = to.startsWith('whatsapp:');
    if (from && from.startsWith('whatsapp:') !== whatsApp) {
      throw new TwilioError(400, 21910, 'Invalid From and To pair. From and To should be of the same channel');
    }
    if (!e164.test(to.replace(/^whatsapp:/, ''))) throw new TwilioError(400, 21211, `Invalid 'To' Phone Number: ${to}`);
    if (body && body.length > twilioMaxBodyLength) throw new TwilioError(400, 21617, 'The concatenated message body exceeds the 1600 character limit.');
    if (contentSid && !/^HX[0-9a-f]{32}$/i.test(contentSid)) throw new TwilioError(400, 21655, 'The ContentSid is Invalid.');
    const contentVariables = field('ContentVariables');
    if (contentVariables !== undefined && !isJsonObject(contentVariables)) {
      throw new TwilioError(400, 21656, 'The ContentVariables Parameter is invalid.');
    }
    const attempt = field('Attempt');
    return {
      sid: `SM${randomBytes(16).toString('hex')}`,
      accountSid: pathAccountSid,
      to,
      from: from ?? '',
      ...(body === undefined ? {} : { body }),
      ...(contentSid === undefined ? {} : { contentSid }),
      ...(contentVariables === undefined ? {} : { contentVariables }),
      mediaUrls,
      ...(field('StatusCallback') ? { statusCallback: field('StatusCallback') } : {}),
      ...(attempt === undefined ? {} : { attempt: Number(attempt) }),
      status: 'queued',
      createdAt: now(),
    };
  }

  function postStatusCallback(message: FakeTwilioMessage, status: 'delivered' | 'undelivered', errorCode?: number): void {
    const url = message.statusCallback;
    if (!options.statusCallbacks || url === undefined) return;
    const params: Record<string, string> = {
      ...(errorCode === undefined ? {} : { ErrorCode: String(errorCode) }),
      SmsSid: message.sid,
      SmsStatus: status,
      MessageStatus: status,
      To: message.to,
      MessageSid: message.sid,
      AccountSid: message.accountSid,
      From: message.from,
      ApiVersion: '2010-04-01',
    };
    const record: FakeStatusCallback = { messageSid: message.sid, url, params };
    const pending = (async () => {
      await sleep(options.statusCallbackDelayMs ?? 0);
      if (closed) return;
      callbacks.push(record);
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            'x-twilio-signature': signTwilioWebhook({ authToken, url, params }),
            'user-agent': 'TwilioProxy/1.1',
          },
          body: new URLSearchParams(params).toString(),
          signal: callbackAborts.signal,
        });
        record.responseStatus = response.status;
        await response.arrayBuffer();
        message.status = status;
      } catch (error) {
        record.error = error instanceof Error ? error.message : String(error);
      }
    })();
    pendingCallbacks.add(pending);
    void pending.finally(() => pendingCallbacks.delete(pending));
  }

  async function handleMessages(request: IncomingMessage, response: ServerResponse, recorded: FakeTwilioRequest, pathAccountSid: string): Promise<void> {
    const credentials = basicCredentials(request.headers.authorization);
    if (credentials?.username !== accountSid || credentials.password !== authToken) {
      throw new TwilioError(401, 20003, 'Authenticate', { 'www-authenticate': 'Basic realm="Twilio API"' });
    }
    if (pathAccountSid !== accountSid) {
      throw new TwilioError(404, 20404, `The requested resource /2010-04-01/Accounts/${pathAccountSid}/Messages.json was not found`);
    }
    const step = queue.shift();
    switch (step?.kind) {
      case 'rate_limited':
        throw new TwilioError(429, 20429, 'Too Many Requests', { 'retry-after': String(step.retryAfterSeconds ?? 1) });
      case 'server_error':
        throw new TwilioError(500, 20500, 'Internal Server Error');
      case 'invalid_number':
        throw new TwilioError(400, 21211, `Invalid 'To' Phone Number: ${String(recorded.params.To ?? '')}`);
      case 'unsubscribed':
        throw new TwilioError(400, 21610, 'Attempt to send to unsubscribed recipient');
      case 'error':
        throw new TwilioError(step.status, step.code, step.message ?? `Scripted error ${step.code}`);
      case 'drop_connection':
        recorded.status = 0;
        response.destroy();
        return;
      case 'slow':
        await sleep(step.delayMs ?? options.slowDelayMs ?? 2000);
        // The client may have given up (a timeout) or the server may be closing.
        if (closed || response.destroyed) return;
        break;
      default:
        break;
    }
    const message = createMessage(recorded.params, pathAccountSid);
    messages.push(message);
    recorded.status = 201;
    if (step?.kind === 'malformed') {
      response.writeHead(201, { 'content-type': 'application/json' });
      response.end('{"sid": "SM');
    } else {
      sendJson(response, 201, messageJson(message));
    }
    if (step?.kind === 'undelivered') postStatusCallback(message, 'undelivered', step.errorCode ?? 30003);
    else postStatusCallback(message, 'delivered');
  }

  /**
   * `GET Messages.json`: the account's messages, newest first, filtered by
   * `To` and `From` and cut to `PageSize` (50 unless given), as one page in
   * Twilio's list shape. Scripted answers are for creating messages only.
   */
  function listMessages(request: IncomingMessage, response: ServerResponse, query: URLSearchParams, pathAccountSid: string): void {
    const credentials = basicCredentials(request.headers.authorization);
    if (credentials?.username !== accountSid || credentials.password !== authToken) {
      throw new TwilioError(401, 20003, 'Authenticate', { 'www-authenticate': 'Basic realm="Twilio API"' });
    }
    const uri = `/2010-04-01/Accounts/${pathAccountSid}/Messages.json`;
    if (pathAccountSid !== accountSid) throw new TwilioError(404, 20404, `The requested resource ${uri} was not found`);
    const to = query.get('To');
    const from = query.get('From');
    const pageSize = Math.min(1000, Math.max(1, Number(query.get('PageSize') ?? '50') || 50));
    const page = messages
      .filter((message) => (to === null || message.to === to) && (from === null || message.from === from))
      .reverse()
      .slice(0, pageSize)
      .map(messageJson);
    sendJson(response, 200, {
      first_page_uri: `${uri}?PageSize=${pageSize}&Page=0`,
      end: Math.max(0, page.length - 1),
      previous_page_uri: null,
      messages: page,
      uri: `${uri}?PageSize=${pageSize}&Page=0`,
      page_size: pageSize,
      start: 0,
      next_page_uri: null,
      page: 0,
    });
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = request.method ?? 'GET';
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    const text = await readBody(request);
    const route = `${method} ${path}`;

    if (path.startsWith('/__')) {
      if (route === 'GET /__messages') return sendJson(response, 200, messages);
      if (route === 'GET /__requests') return sendJson(response, 200, requests);
      if (route === 'GET /__callbacks') return sendJson(response, 200, callbacks);
      if (route === 'POST /__reset') {
        control.reset();
        return sendJson(response, 200, { ok: true });
      }
      if (route === 'POST /__script') {
        const parsed = scriptBodySchema.safeParse(parseJson(text));
        if (!parsed.success) return sendJson(response, 400, { message: `Expected {"responses": [...]}: ${z.prettifyError(parsed.error)}` });
        control.script(...parsed.data.responses);
        return sendJson(response, 200, { queued: queue.length });
      }
      return sendJson(response, 404, { message: `No control route ${route}` });
    }

    const recorded: FakeTwilioRequest = { method, path, params: formFields(text), status: 0 };
    requests.push(recorded);
    const match = messagesPath.exec(path);
    try {
      if (match && method === 'GET') {
        listMessages(request, response, url.searchParams, decodeURIComponent(match[1] ?? ''));
        recorded.status = 200;
        return;
      }
      if (!match || method !== 'POST') throw new TwilioError(404, 20404, `The requested resource ${path} was not found`);
      await handleMessages(request, response, recorded, decodeURIComponent(match[1] ?? ''));
    } catch (error) {
      if (!(error instanceof TwilioError)) throw error;
      recorded.status = error.status;
      sendJson(
        response,
        error.status,
        { code: error.code, message: error.message, more_info: `https://www.twilio.com/docs/errors/${error.code}`, status: error.status },
        error.headers,
      );
    }
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent && !response.destroyed) {
        sendJson(response, 500, { code: 20500, message: `Fake Twilio error: ${(error as Error).message}`, status: 500 });
      }
    });
  });
  server.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    accountSid,
    authToken,
    messages,
    requests,
    callbacks,
    ...control,
    async callbacksSettled() {
      while (pendingCallbacks.size > 0) await Promise.all([...pendingCallbacks]);
    },
    async close() {
      closed = true;
      callbackAborts.abort();
      sleeper.wakeAll();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all([...pendingCallbacks]);
    },
  };
}
