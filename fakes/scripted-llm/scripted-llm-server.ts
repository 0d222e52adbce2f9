import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { parseGenerationPrompt, type ParsedGenerationPrompt } from '../../bot/answer-engine/generation-prompt.js';
import { scriptedBehaviourSchema, scriptedReply, toBehaviourSpec, type BehaviourSpec, type ScriptedBehaviour } from './scripted-behaviour.js';
import { createInterruptibleSleep } from '../interruptible-sleep.js';
import { readBody, parseJsonOrText, sendJson } from '../http-exchange.js';

export interface ScriptedLlmServerOptions {
  /** 0 (any free port) unless given. */
  port?: number;
  /** Loopback only: the fake must never be reachable from another machine. */
  host?: '127.0.0.1';
  /** Delay of `slow` when the behaviour names none. 2000 ms unless given. */
  slowDelayMs?: number;
  /** The model `GET /v1/models` lists. `scripted-llm` unless given. */
  model?: string;
}

/** One request to `/v1/...` as the server received it. */
export interface ScriptedLlmRequest {
  method: string;
  /** Path without the query string, e.g. `/v1/chat/completions`. */
  path: string;
  /** The Authorization header, verbatim (`Bearer <key>`). */
  authorization: string | undefined;
  /** The body parsed as JSON, or the raw text when it is not JSON. */
  body: unknown;
  /** For chat completions: the behaviour that answered it. */
  behaviour?: BehaviourSpec;
  /** For chat completions in the generation-prompt format: passages, question and system prompt read back. */
  prompt?: ParsedGenerationPrompt;
}

export interface ScriptedLlmServer {
  /** Base URL with `/v1`, as the SDK's `baseURL` expects. */
  readonly baseUrl: string;
  /** Every `/v1` request received, in order (control requests are not recorded). */
  readonly requests: readonly ScriptedLlmRequest[];
  /** Queues behaviours for the next chat completions, one per request; then the default applies again. */
  script(...behaviours: ScriptedBehaviour[]): void;
  /** The behaviour when nothing is queued (`correct` at start). */
  setDefault(behaviour: ScriptedBehaviour): void;
  /** Empties the queue and the recorded requests and sets the default back to `correct`. */
  reset(): void;
  /** Stops listening and drops open connections, answering no pending request. */
  close(): Promise<void>;
}

const chatRequestSchema = z.object({
  model: z.string().min(1),
  messages: z
    .array(
      z.object({
        role: z.string(),
        content: z.union([z.string(), z.array(z.object({ type: z.string(), text: z.string().optional() })), z.null()]).optional(),
      }),
    )
    .min(1),
});

const scriptBodySchema = z.object({ behaviours: z.array(scriptedBehaviourSchema) });
const defaultBodySchema = z.object({ behaviour: scriptedBehaviourSchema });

/**
 * An OpenAI-compatible chat server whose answers are scripted, for tests and
 * the eval runner: `POST /v1/chat/completions` answers per behaviour (see
 * `scripted-behaviour.ts`) from the passages it reads out of the prompt, and
 * `GET /v1/models` lists one model. Another process scripts it over HTTP:
 * `POST /__script {"behaviours": [...]}`, `POST /__default {"behaviour": ...}`,
 * `GET /__requests`, `POST /__reset`.
 */
export async function startScriptedLlmServer(options: ScriptedLlmServerOptions = {}): Promise<ScriptedLlmServer> {
  const slowDelayMs = options.slowDelayMs ?? 2000;
  const model = options.model ?? 'scripted-llm';
  const requests: ScriptedLlmRequest[] = [];
  let queue: BehaviourSpec[] = [];
  let defaultBehaviour: BehaviourSpec = { kind: 'correct' };
  let completions = 0;
  let closed = false;
  const sleeper = createInterruptibleSleep();

  const sleep = (milliseconds: number) => sleeper.sleep(milliseconds);

  const control = {
    script(...behaviours: ScriptedBehaviour[]) {
      queue.push(...behaviours.map(toBehaviourSpec));
    },
    setDefault(behaviour: ScriptedBehaviour) {
      defaultBehaviour = toBehaviourSpec(behaviour);
    },
    reset() {
      queue = [];
      requests.length = 0;
      defaultBehaviour = { kind: 'correct' };
    },
  };

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = request.method ?? 'GET';
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const body = parseJsonOrText(await readBody(request));
    const route = `${method} ${path}`;

    if (path.startsWith('/__')) {
      if (route === 'GET /__requests') return sendJson(response, 200, requests);
      if (route === 'POST /__reset') {
        control.reset();
        return sendJson(response, 200, { ok: true });
      }
      if (route === 'POST /__script') {
        const parsed = scriptBodySchema.safeParse(body);
        if (!parsed.success) return sendError(response, 400, `Expected {"behaviours": [...]}: ${z.prettifyError(parsed.error)}`);
        control.script(...parsed.data.behaviours);
        return sendJson(response, 200, { queued: queue.length });
      }
      if (route === 'POST /__default') {
        const parsed = defaultBodySchema.safeParse(body);
        if (!parsed.success) return sendError(response, 400, `Expected {"behaviour": ...}: ${z.prettifyError(parsed.error)}`);
        control.setDefault(parsed.data.behaviour);
        return sendJson(response, 200, { default: defaultBehaviour });
      }
      return sendError(response, 404, `No control route ${route}`);
    }

    const recorded: ScriptedLlmRequest = { method, path, authorization: request.headers.authorization, body };
    requests.push(recorded);
    if (route === 'GET /v1/models') {
      return sendJson(response, 200, { object: 'list', data: [{ id: model, object: 'model', created: 0, owned_by: 'groundline-fakes' }] });
    }
    if (route !== 'POST /v1/chat/completions') return sendError(response, 404, `No route ${route}`);

    const chat = chatRequestSchema.safeParse(body);
    if (!chat.success) return sendError(response, 400, `Invalid chat completion request: ${z.prettifyError(chat.error)}`);
    const messages = chat.data.messages.map((message) => ({ role: message.role, content: textOf(message.content) }));
    const prompt = parseGenerationPrompt(messages);
    const behaviour = queue.shift() ?? defaultBehaviour;
    recorded.behaviour = behaviour;
    if (prompt !== undefined) recorded.prompt = prompt;

    const reply = scriptedReply(behaviour, prompt, slowDelayMs);
    if (reply.type === 'error') {
      const message = reply.status === 429 ? 'Rate limit reached (scripted)' : 'The server had an error (scripted)';
      return sendError(response, reply.status, message, { 'retry-after-ms': '1' });
    }
    if (reply.delayMs > 0) await sleep(reply.delayMs);
    // The client may have given up (a timeout) or the server may be closing.
    if (closed || response.destroyed) return;
    completions += 1;
    const promptTokens = countWords(messages.map((message) => message.content).join(' '));
    const completionTokens = countWords(reply.content);
    sendJson(response, 200, {
      id: `chatcmpl-scripted-${completions}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: chat.data.model,
      choices: [{ index: 0, message: { role: 'assistant', content: reply.content, refusal: null }, logprobs: null, finish_reason: 'stop' }],
      usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
    });
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent && !response.destroyed) sendError(response, 500, `Scripted server error: ${(error as Error).message}`);
    });
  });
  server.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    ...control,
    async close() {
      closed = true;
      sleeper.wakeAll();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

type MessageContent = z.infer<typeof chatRequestSchema>['messages'][number]['content'];

function textOf(content: MessageContent): string {
  if (typeof content === 'string') return content;
  return (content ?? []).map((part) => part.text ?? '').join('');
}

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** An error as the OpenAI API writes it: `{ error: { message, type, param, code } }`. */
function sendError(response: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  const type = status === 429 ? 'rate_limit_exceeded' : status >= 500 ? 'server_error' : 'invalid_request_error';
  sendJson(response, status, { error: { message, type, param: null, code: status === 429 ? 'rate_limit_exceeded' : null } }, headers);
}

