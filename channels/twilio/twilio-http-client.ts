import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient.js';
import { z } from 'zod';
import { TwilioApiError } from './twilio-api-error.js';

export interface TwilioHttpClientOptions {
  /**
   * Where to send API requests instead of `https://api.twilio.com` (a local
   * fake: `http://127.0.0.1:4010`). The Twilio client has no base-URL
   * setting; its HTTP client is the one place to change it.
   */
  apiBaseUrl?: string;
  /** Give up on a request after this long. */
  timeoutMs: number;
  now?: () => Date;
}

const errorBodySchema = z.object({ code: z.number().int() });

/**
 * The Twilio client's HTTP transport with two changes: requests go to
 * `apiBaseUrl` when one is set, and an HTTP error answer is thrown as a
 * `TwilioApiError` carrying the Retry-After header, which the library's own
 * `RestException` drops. Twilio's automatic 429 retries stay off: the
 * outbox owns retrying.
 */
export class TwilioHttpClient extends twilio.RequestClient {
  private readonly apiBaseUrl: string | undefined;
  private readonly now: () => Date;

  constructor(options: TwilioHttpClientOptions) {
    super({ timeout: options.timeoutMs, autoRetry: false });
    this.apiBaseUrl = options.apiBaseUrl?.replace(/\/+$/, '');
    this.now = options.now ?? (() => new Date());
  }

  override async request<TData>(options: RequestClient.RequestOptions<TData>) {
    const response = await super.request<TData>({ ...options, uri: this.rewrite(options.uri) });
    if (response.statusCode >= 200 && response.statusCode < 300) return response;
    const body = errorBodySchema.safeParse(typeof response.body === 'string' ? parseJson(response.body) : response.body);
    throw new TwilioApiError(response.statusCode, body.success ? body.data.code : undefined, retryAfterMs(headerOf(response.headers, 'retry-after'), this.now()));
  }

  private rewrite(uri: string): string {
    if (this.apiBaseUrl === undefined) return uri;
    const url = new URL(uri);
    return `${this.apiBaseUrl}${url.pathname}${url.search}`;
  }
}

/** Milliseconds to wait from a Retry-After value: delay-seconds or an HTTP date. */
export function retryAfterMs(value: string | undefined, now: Date): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now.getTime());
}

function headerOf(headers: unknown, name: string): string | undefined {
  if (headers === null || typeof headers !== 'object') return undefined;
  const value = (headers as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
