import { z } from 'zod';

// What the fake Twilio API takes and records (fake-twilio-api.ts serves it).

/** The account the fake accepts unless told otherwise (any `AC` + 32 hex digits works with the Twilio client). */
export const fakeAccountSid = 'ACfa4e0000000000000000000000000000';
export const fakeAuthToken = 'fake-twilio-auth-token';

export interface FakeTwilioApiOptions {
  accountSid?: string;
  authToken?: string;
  /** 0 (any free port) unless given. */
  port?: number;
  /** Loopback only: the fake must never be reachable from another machine. */
  host?: '127.0.0.1';
  /** Post a signed status callback (`delivered`, or as scripted) to each message's StatusCallback URL. Off unless set. */
  statusCallbacks?: boolean;
  /** Wait this long after answering before posting the status callback. 0 unless given. */
  statusCallbackDelayMs?: number;
  /** Delay of a `slow` answer when it names none. 2000 ms unless given. */
  slowDelayMs?: number;
  now?: () => Date;
}

/**
 * How to answer the next `Messages.json` request instead of creating the
 * message. One per request, in order; afterwards requests succeed again.
 */
export const fakeTwilioResponseSchema = z.discriminatedUnion('kind', [
  /** 429 with Twilio error 20429 and a Retry-After header (1 s unless given). */
  z.object({ kind: z.literal('rate_limited'), retryAfterSeconds: z.number().int().nonnegative().optional() }),
  /** 500 with Twilio error 20500. */
  z.object({ kind: z.literal('server_error') }),
  /** 400 with Twilio error 21211: the To number is not valid. */
  z.object({ kind: z.literal('invalid_number') }),
  /** 400 with Twilio error 21610: the recipient replied STOP. */
  z.object({ kind: z.literal('unsubscribed') }),
  /** Any Twilio error answer. */
  z.object({ kind: z.literal('error'), status: z.number().int().min(400).max(599), code: z.number().int(), message: z.string().optional() }),
  /** Create the message, but only after a delay: a client with a shorter timeout gives up first. */
  z.object({ kind: z.literal('slow'), delayMs: z.number().int().nonnegative().optional() }),
  /** Create the message, then report it `undelivered` with this error (30003 unreachable handset unless given). */
  z.object({ kind: z.literal('undelivered'), errorCode: z.number().int().optional() }),
  /** Close the connection without answering. */
  z.object({ kind: z.literal('drop_connection') }),
  /** Answer 201 with a body that is not JSON: Twilio took the message, the client cannot tell its sid. */
  z.object({ kind: z.literal('malformed') }),
]);

export type FakeTwilioResponse = z.infer<typeof fakeTwilioResponseSchema>;

/** A message the fake accepted. */
export interface FakeTwilioMessage {
  sid: string;
  accountSid: string;
  to: string;
  from: string;
  body?: string;
  contentSid?: string;
  contentVariables?: string;
  mediaUrls: string[];
  statusCallback?: string;
  attempt?: number;
  /** `queued` when created, then what the status callback reported. */
  status: string;
  createdAt: Date;
}

/** One request to the Twilio API routes, accepted or not. */
export interface FakeTwilioRequest {
  method: string;
  path: string;
  /** The decoded form fields; repeated fields (MediaUrl) as lists. */
  params: Record<string, string | string[]>;
  /** The HTTP status the fake answered, or 0 when it dropped the connection. */
  status: number;
}

/** A status callback the fake posted. */
export interface FakeStatusCallback {
  messageSid: string;
  url: string;
  params: Record<string, string>;
  /** Our server's answer, or the error when it could not be reached. */
  responseStatus?: number;
  error?: string;
}

export interface FakeTwilioApi {
  /** What `TWILIO_API_BASE_URL` should be: `http://127.0.0.1:<port>`, no path. */
  readonly baseUrl: string;
  readonly accountSid: string;
  readonly authToken: string;
  /** Messages created, in order. */
  readonly messages: readonly FakeTwilioMessage[];
  /** Every request to the API routes, in order, refused ones included. */
  readonly requests: readonly FakeTwilioRequest[];
  /** Status callbacks posted so far. */
  readonly callbacks: readonly FakeStatusCallback[];
  /** Queues answers for the next `Messages.json` requests, one per request. */
  script(...responses: FakeTwilioResponse[]): void;
  /** Resolves when every status callback started so far has been answered. */
  callbacksSettled(): Promise<void>;
  /** Empties the queue and the records. */
  reset(): void;
  /** Stops listening, drops open connections and abandons pending callbacks. */
  close(): Promise<void>;
}
