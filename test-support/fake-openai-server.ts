import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { createInterruptibleSleep } from '../fakes/interruptible-sleep.js';
import { readBody, parseJsonOrText, sendJson } from '../fakes/http-exchange.js';

/** One request as the fake server received it. */
export interface RecordedRequest {
  method: string;
  /** Path without the query string, e.g. `/v1/embeddings`. */
  path: string;
  /** The Authorization header, verbatim (`Bearer <key>`). */
  authorization: string | undefined;
  headers: IncomingHttpHeaders;
  /** The body parsed as JSON, or the raw text when it is not JSON. */
  body: unknown;
}

/** A route, written as method and path: `POST /v1/embeddings`. */
export type RouteKey = `${'GET' | 'POST' | 'PUT' | 'DELETE'} /v1/${string}`;

/** Answers one request with a JSON payload (status 200), or throws `FakeApiError`. */
export type FakeRoute = (request: RecordedRequest) => unknown;

/**
 * How to answer one request instead of the route's normal answer. Fields
 * combine: `{ delayMs: 500, status: 500 }` is a slow failure.
 */
export interface ScriptedResponse {
  /** Wait this long before answering; a client with a shorter timeout gives up first. */
  delayMs?: number;
  /** Answer with this HTTP status and an OpenAI-style error body. */
  status?: number;
  /** With `status`: the `retry-after-ms` header, which the OpenAI SDK obeys. 1 ms unless given, so retries stay fast. */
  retryAfterMs?: number;
  /** Answer 200 with a JSON content type but a body that is not JSON. */
  malformed?: boolean;
  /** Change the route's normal payload before it is sent (see `embeddingsInReverseOrder`). */
  rewrite?: (payload: Record<string, unknown>) => unknown;
}

/** A request a route refuses, answered as the OpenAI API would: `{ error: { message, type, code } }`. */
export class FakeApiError extends Error {
  override readonly name = 'FakeApiError';
  constructor(
    readonly status: number,
    message: string,
    readonly type = 'invalid_request_error',
  ) {
    super(message);
  }
}

export interface FakeOpenAiServerOptions {
  /** Vector size of `/v1/embeddings` answers when the request names no `dimensions`. 8 unless given. */
  embeddingDimensions?: number;
}

export interface FakeOpenAiServer {
  /** Base URL with `/v1`, as `OPENAI_BASE_URL` and the SDK's `baseURL` expect. */
  readonly baseUrl: string;
  /** Every request received, in order, scripted ones included. */
  readonly requests: readonly RecordedRequest[];
  /** The requests to one route. */
  requestsTo(route: RouteKey): RecordedRequest[];
  /** `/v1/embeddings` requests, with `input` always a list. */
  embeddingRequests(): EmbeddingsRequest[];
  /** Queues answers for the next requests to `route`, one per request; afterwards the route answers normally again. */
  script(route: RouteKey, ...responses: ScriptedResponse[]): void;
  /** Adds (or replaces) a route, e.g. `POST /v1/chat/completions`. */
  route(route: RouteKey, handler: FakeRoute): void;
  /** Stops listening and drops open connections, answering no pending request. */
  close(): Promise<void>;
}

const embeddingsRequestSchema = z.object({
  model: z.string().min(1),
  input: z.union([z.string(), z.array(z.string())]),
  dimensions: z.number().int().positive().optional(),
  encoding_format: z.enum(['float', 'base64']).optional(),
});

export interface EmbeddingsRequest {
  model: string;
  input: string[];
  dimensions: number | undefined;
  encodingFormat: 'float' | 'base64' | undefined;
  authorization: string | undefined;
}

/**
 * A scripted OpenAI-compatible HTTP server on 127.0.0.1 for tests and evals:
 * `POST /v1/embeddings` answers with deterministic vectors (`fakeEmbedding`),
 * every request is recorded, and `script` queues failures, malformed or
 * rewritten answers and delays. Further endpoints are added with `route`.
 */
export async function startFakeOpenAiServer(options: FakeOpenAiServerOptions = {}): Promise<FakeOpenAiServer> {
  const defaultDimensions = options.embeddingDimensions ?? 8;
  const requests: RecordedRequest[] = [];
  const routes = new Map<string, FakeRoute>();
  const scripts = new Map<string, ScriptedResponse[]>();
  const sleeper = createInterruptibleSleep();
  let closed = false;

  const sleep = (milliseconds: number) => sleeper.sleep(milliseconds);

  routes.set('POST /v1/embeddings', (request) => {
    const parsed = embeddingsRequestSchema.safeParse(request.body);
    if (!parsed.success) throw new FakeApiError(400, `Invalid embeddings request: ${parsed.error.issues[0]?.message ?? 'bad body'}`);
    const { model, input, dimensions = defaultDimensions, encoding_format: encodingFormat } = parsed.data;
    const texts = typeof input === 'string' ? [input] : input;
    return {
      object: 'list',
      model,
      data: texts.map((text, index) => {
        const vector = fakeEmbedding(text, dimensions);
        return {
          object: 'embedding',
          index,
          embedding: encodingFormat === 'base64' ? Buffer.from(new Float32Array(vector).buffer).toString('base64') : vector,
        };
      }),
      usage: { prompt_tokens: texts.length, total_tokens: texts.length },
    };
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const text = await readBody(request);
    const recorded: RecordedRequest = {
      method: request.method ?? 'GET',
      path,
      authorization: request.headers.authorization,
      headers: request.headers,
      body: parseJsonOrText(text),
    };
    requests.push(recorded);
    const key = `${recorded.method} ${path}`;
    const step = scripts.get(key)?.shift() ?? {};

    if (step.delayMs !== undefined) await sleep(step.delayMs);
    // The client may have given up (a timeout) or the server may be closing.
    if (closed || response.destroyed) return;
    if (step.status !== undefined) {
      sendJson(response, step.status, errorBody(step.status, `Scripted failure ${step.status}`, 'server_error'), {
        'retry-after-ms': String(step.retryAfterMs ?? 1),
      });
      return;
    }
    if (step.malformed) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"object": "list", "data": [{"index": 0, "embedding": [0.1, ');
      return;
    }
    const route = routes.get(key);
    if (route === undefined) {
      sendJson(response, 404, errorBody(404, `No fake route for ${key}`, 'invalid_request_error'));
      return;
    }
    try {
      const payload = route(recorded);
      sendJson(response, 200, step.rewrite ? step.rewrite(payload as Record<string, unknown>) : payload);
    } catch (error) {
      if (!(error instanceof FakeApiError)) throw error;
      sendJson(response, error.status, errorBody(error.status, error.message, error.type));
    }
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent && !response.destroyed) {
        sendJson(response, 500, errorBody(500, `Fake server error: ${(error as Error).message}`, 'server_error'));
      }
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    requestsTo: (route) => requests.filter((request) => `${request.method} ${request.path}` === route),
    embeddingRequests: () =>
      requests
        .filter((request) => request.method === 'POST' && request.path === '/v1/embeddings')
        .map((request) => {
          const parsed = embeddingsRequestSchema.safeParse(request.body);
          const body = parsed.success ? parsed.data : undefined;
          return {
            model: body?.model ?? '',
            input: body === undefined ? [] : typeof body.input === 'string' ? [body.input] : body.input,
            dimensions: body?.dimensions,
            encodingFormat: body?.encoding_format,
            authorization: request.authorization,
          };
        }),
    script(route, ...responses) {
      scripts.set(route, [...(scripts.get(route) ?? []), ...responses]);
    },
    route(route, handler) {
      routes.set(route, handler);
    },
    async close() {
      closed = true;
      sleeper.wakeAll();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * The vector the fake server returns for `text`: deterministic, L2-normalised,
 * different for different texts, so tests can check order and batching.
 */
export function fakeEmbedding(text: string, dimensions: number): number[] {
  const vector = Array.from({ length: dimensions }, (_, index) => (fnv1a(`${index}:${text}`) / 0xffffffff) * 2 - 1);
  const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0)) || 1;
  // Rounded through float32, so float and base64 answers decode to the same numbers.
  return vector.map((value) => Math.fround(value / norm));
}

/** A `rewrite` that sends `/v1/embeddings` data last-index first, as some servers do. */
export function embeddingsInReverseOrder(payload: Record<string, unknown>): unknown {
  return { ...payload, data: [...(payload.data as unknown[])].reverse() };
}

/** A `rewrite` that cuts every `/v1/embeddings` vector to `dimensions` numbers. */
export function embeddingsWithDimensions(dimensions: number): (payload: Record<string, unknown>) => unknown {
  return (payload) => ({
    ...payload,
    data: (payload.data as { embedding: number[] }[]).map((item) => ({ ...item, embedding: item.embedding.slice(0, dimensions) })),
  });
}

function errorBody(status: number, message: string, type: string) {
  return { error: { message, type, code: status >= 500 ? 'server_error' : null, param: null } };
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
