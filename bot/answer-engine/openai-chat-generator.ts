import OpenAI from 'openai';
import { z } from 'zod';
import { AppError } from '../errors/app-error.js';
import { buildGenerationPrompt, generationOutputSchema, resolveCitations, type PromptMessage } from './generation-prompt.js';
import type { DraftAnswer, GenerationRequest, Generator } from './generator.js';

/** The model answered, but not with JSON in the agreed shape. The same request would likely fail again. */
export class GeneratorOutputError extends AppError {
  override readonly name = 'GeneratorOutputError';
  readonly isRetryable = false;

  constructor(
    message: string,
    /** What the model wrote (may repeat customer text: log with care), undefined when it wrote nothing. */
    readonly content: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The model endpoint failed (timeout, connection, HTTP error) after the client's own retries. */
export class GeneratorUnavailableError extends AppError {
  override readonly name = 'GeneratorUnavailableError';

  constructor(
    message: string,
    /** The HTTP status, undefined for timeouts and connection failures. */
    readonly status: number | undefined,
    /** True for timeouts, connection failures, 408, 409, 429 and 5xx: worth trying again later. */
    readonly isRetryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface OpenAiChatGeneratorOptions {
  /** A ready client (tests, shared connection pools); otherwise one is made from baseUrl and apiKey. */
  client?: OpenAI;
  /** Any OpenAI-compatible server: OpenAI, Azure OpenAI, Ollama, vLLM, the scripted fake in tests. */
  baseUrl: string;
  apiKey: string;
  model: string;
  /** Timeout of one attempt; the SDK retries timeouts too. */
  timeoutMs: number;
  /** Retries of a timed-out or failed attempt (429, 5xx, connection errors), with the SDK's backoff. */
  maxRetries: number;
  /** 0 unless given: the same question and passages should get the same answer. */
  temperature?: number;
  /** `json_object` for servers that reject `json_schema`; the reply is parsed and validated the same way. */
  responseFormat?: 'json_schema' | 'json_object';
}

// Fixed so that servers which honour it answer repeatably (evals compare runs).
const generationSeed = 7;

/**
 * A generator backed by an OpenAI-compatible chat model. The model sees the
 * passages under aliases and returns JSON sentences with citations, which are
 * validated and mapped back to chunk ids. Throws `GeneratorOutputError` or
 * `GeneratorUnavailableError`; the answer engine then falls back to the
 * extractive generator.
 */
export function createOpenAiChatGenerator(options: OpenAiChatGeneratorOptions): Generator {
  const client =
    options.client ??
    new OpenAI({
      baseURL: options.baseUrl,
      apiKey: options.apiKey,
      // Explicit nulls: otherwise the SDK picks these up from the environment, past bot/config.ts.
      organization: null,
      project: null,
      timeout: options.timeoutMs,
      maxRetries: options.maxRetries,
    });
  const id = `openai:${options.model}`;
  return {
    id,
    async generate(request: GenerationRequest): Promise<DraftAnswer> {
      // Nothing to quote from: no call, no cost, and nothing the model could invent.
      if (request.passages.length === 0) return { sentences: [], confidence: 0, generator: id };
      const prompt = buildGenerationPrompt(request);
      const output = await completeJson(client, {
        model: options.model,
        messages: prompt.messages,
        schema: generationOutputSchema,
        schemaName: 'draft_answer',
        responseFormat: options.responseFormat ?? 'json_schema',
        temperature: options.temperature ?? 0,
        seed: generationSeed,
        timeoutMs: options.timeoutMs,
        maxRetries: options.maxRetries,
      });
      return {
        sentences: output.sentences.map((sentence) => ({
          text: sentence.text.trim(),
          citations: resolveCitations(sentence.citations, prompt.chunkIdByAlias),
        })),
        confidence: output.confidence,
        generator: id,
      };
    },
  };
}

export interface JsonCompletionRequest<Output> {
  model: string;
  messages: readonly PromptMessage[];
  /**
   * Validates the reply. Also sent to the server as a strict JSON schema
   * (`z.toJSONSchema`), so every field must be required: strict mode allows no optional ones.
   */
  schema: z.ZodType<Output>;
  /** Name of the schema for `response_format` (letters, digits, `_` and `-`). */
  schemaName: string;
  responseFormat?: 'json_schema' | 'json_object';
  temperature?: number;
  seed?: number;
  /** Per request; override the client's own settings when given. */
  timeoutMs?: number;
  maxRetries?: number;
}

// Only the fields used: the server is a trust boundary.
const chatCompletionSchema = z.object({
  choices: z
    .array(z.object({ message: z.object({ content: z.string().nullish() }), finish_reason: z.string().nullish() }))
    .min(1),
});

/**
 * One chat completion whose reply must be JSON matching `schema`. Servers that
 * only know `json_object`, or wrap the JSON in a code fence, are accepted.
 * Throws `GeneratorUnavailableError` when the call fails after the client's
 * retries and `GeneratorOutputError` when the reply is not valid.
 */
export async function completeJson<Output>(client: OpenAI, request: JsonCompletionRequest<Output>): Promise<Output> {
  const responseFormat =
    request.responseFormat === 'json_object'
      ? { type: 'json_object' as const }
      : { type: 'json_schema' as const, json_schema: { name: request.schemaName, strict: true, schema: strictJsonSchema(request.schema) } };
  let raw: unknown;
  try {
    raw = await client.chat.completions.create(
      {
        model: request.model,
        messages: [...request.messages],
        response_format: responseFormat,
        ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
        ...(request.seed === undefined ? {} : { seed: request.seed }),
      },
      {
        ...(request.timeoutMs === undefined ? {} : { timeout: request.timeoutMs }),
        ...(request.maxRetries === undefined ? {} : { maxRetries: request.maxRetries }),
      },
    );
  } catch (error) {
    throw unavailable(request.model, error);
  }
  const completion = chatCompletionSchema.safeParse(raw);
  if (!completion.success) {
    throw new GeneratorOutputError(`The chat endpoint (model ${request.model}) returned no message`, undefined, {
      cause: completion.error,
    });
  }
  const choice = completion.data.choices[0];
  const content = choice?.message.content ?? undefined;
  if (content === undefined || content.trim() === '') {
    throw new GeneratorOutputError(
      `The model ${request.model} wrote nothing (finish reason ${choice?.finish_reason ?? 'unknown'})`,
      content,
    );
  }
  const json = parseJsonLeniently(content);
  if (json === undefined) {
    throw new GeneratorOutputError(
      `The model ${request.model} did not write JSON (finish reason ${choice?.finish_reason ?? 'unknown'})`,
      content,
    );
  }
  const output = request.schema.safeParse(json);
  if (!output.success) {
    const problem = output.error.issues[0];
    throw new GeneratorOutputError(
      `The model ${request.model} wrote JSON in the wrong shape: ${problem?.path.join('.') || 'reply'} ${problem?.message ?? 'is invalid'}`,
      content,
      { cause: output.error },
    );
  }
  return output.data;
}

function strictJsonSchema(schema: z.ZodType): Record<string, unknown> {
  // OpenAI's strict mode reads the schema itself; the meta-schema URL is noise to it.
  const { $schema: _metaSchema, ...jsonSchema } = z.toJSONSchema(schema);
  return jsonSchema;
}

/** The JSON in a reply: bare, in a code fence, or between the first "{" and the last "}"; undefined if none parses. */
function parseJsonLeniently(content: string): unknown {
  const trimmed = content.trim();
  const fenced = /^```(?:json)?\s*\n([\s\S]*?)\n?```$/i.exec(trimmed)?.[1];
  const candidates = [trimmed, fenced, trimmed.slice(trimmed.indexOf('{'), trimmed.lastIndexOf('}') + 1)];
  for (const candidate of candidates) {
    if (candidate === undefined || candidate === '') continue;
    try {
      // Parsed only to be validated by the caller's zod schema next.
      return JSON.parse(candidate) as unknown;
    } catch {
      // Try the next reading.
    }
  }
  return undefined;
}

function unavailable(model: string, error: unknown): GeneratorUnavailableError {
  // The SDK has already retried what is worth retrying.
  const status = error instanceof OpenAI.APIError && typeof error.status === 'number' ? error.status : undefined;
  const retryable = status === undefined || status === 408 || status === 409 || status === 429 || status >= 500;
  const reason =
    error instanceof OpenAI.APIConnectionTimeoutError
      ? 'timed out'
      : error instanceof SyntaxError
        ? 'answered with a body that is not JSON'
        : `failed: ${(error as Error).message}`;
  return new GeneratorUnavailableError(`The chat endpoint (model ${model}) ${reason}`, status, retryable, { cause: error });
}
