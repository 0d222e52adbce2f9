import twilio from 'twilio';
import { z } from 'zod';
import {
  type ChannelSender,
  type DeliveryResult,
  type OutboundDelivery,
  PermanentDeliveryError,
  RetryableDeliveryError,
} from '../../outbox/channel-sender.js';
import { TwilioApiError } from './twilio-api-error.js';
import type { TwilioChannel } from './twilio-channel.js';
import { TwilioHttpClient } from './twilio-http-client.js';
import { twilioOutboundPayloadSchema, type TwilioOutboundPayload } from './twilio-outbound-payload.js';

export interface TwilioSenderOptions {
  channel: TwilioChannel;
  accountSid: string;
  /** Secret. */
  authToken: string;
  /** Our sender: an E.164 number (SMS also: short code or alphanumeric id); for WhatsApp with or without `whatsapp:`. */
  from: string;
  /** Instead of `https://api.twilio.com`, e.g. the local fake's base URL. */
  apiBaseUrl?: string;
  /**
   * Public URL of our status callback route. Each message adds
   * `outboxId=<id>` to its query, so a callback can be matched to its outbox
   * row even when the send's answer was lost (a timeout after Twilio took it).
   */
  statusCallbackUrl?: string;
  /** Give up on Twilio's answer after this long (then retry later). 15 s unless given. */
  timeoutMs?: number;
  now?: () => Date;
}

const whatsAppPrefix = 'whatsapp:';
const e164 = /^\+[1-9]\d{1,14}$/;
const createdMessageSchema = z.object({ sid: z.string().regex(/^(SM|MM)[0-9a-f]{32}$/i) });
/** A listed message, as the Twilio client deserialises it: only the fields the match needs. */
const listedMessageSchema = z.object({ sid: z.string(), body: z.string().nullable(), dateCreated: z.date() });
/** Our clock and Twilio's may disagree by this much; a match must be at most this older than the cut-off attempt. */
const clockSkewMs = 60_000;
/** Messages to one number within minutes of a cut-off attempt: a handful; this many is plenty. */
const listLimit = 20;

/**
 * HTTP statuses that say nothing about the message itself (our credentials
 * or account are wrong, or Twilio is busy): once fixed, the same message
 * goes through, so these are worth retrying.
 */
const retryableStatuses = new Set([401, 403, 404, 408, 409, 425, 429]);
/** Twilio error codes that mean "not now" even on a 400: 20429 too many requests, 21611 the sender's queue is full. */
const retryableCodes = new Set([20429, 21611]);

/**
 * Sends SMS or WhatsApp messages through Twilio's Messages API
 * (`messages.create` of the official client). The payload is a rendered
 * `{ body }` or a template `{ contentSid, contentVariables }`.
 *
 * Twilio's Messages API has no idempotency key, so a send cannot be made
 * safe to repeat at Twilio's end. The outbox guarantees that a message is
 * handed over again only when no provider id was recorded for it. When an
 * attempt was cut off (our process died mid-send), `findAccepted` lists
 * Twilio's recent messages to the same number and the outbox adopts a match
 * instead of sending again; an answer lost to a timeout while the process
 * lives is matched later by the `outboxId` on the status callback URL.
 * `delivery.attempt` goes along as Twilio's informational `Attempt`.
 */
export function createTwilioSender(options: TwilioSenderOptions): ChannelSender {
  const { channel } = options;
  const client = twilio(options.accountSid, options.authToken, {
    httpClient: new TwilioHttpClient({
      timeoutMs: options.timeoutMs ?? 15_000,
      ...(options.apiBaseUrl === undefined ? {} : { apiBaseUrl: options.apiBaseUrl }),
      ...(options.now === undefined ? {} : { now: options.now }),
    }),
    autoRetry: false,
  });
  const address = (number: string) => (channel === 'whatsapp' ? `${whatsAppPrefix}${number.replace(/^whatsapp:/, '')}` : number);
  const from = address(options.from);

  /** The payload and E.164 recipient of a delivery, or the permanent error that makes it unsendable. */
  function readDelivery(delivery: OutboundDelivery): { payload: TwilioOutboundPayload; recipient: string } {
    if (delivery.channel !== channel) throw new PermanentDeliveryError(`The ${channel} sender was handed a ${delivery.channel} message`);
    const payload = twilioOutboundPayloadSchema.safeParse(delivery.payload);
    if (!payload.success) throw new PermanentDeliveryError(`The ${channel} payload is malformed: ${z.prettifyError(payload.error)}`);
    const recipient = delivery.recipient.replace(/^whatsapp:/, '');
    // Not the number itself: error messages reach logs and the outbox's last_error.
    if (!e164.test(recipient)) throw new PermanentDeliveryError(`The ${channel} recipient is not an E.164 phone number`);
    return { payload: payload.data, recipient };
  }

  return {
    channel,
    async send(delivery: OutboundDelivery): Promise<DeliveryResult> {
      const { payload, recipient } = readDelivery(delivery);
      if ('contentSid' in payload && channel !== 'whatsapp') {
        throw new PermanentDeliveryError('Content templates are only sent on WhatsApp here');
      }

      let created: unknown;
      try {
        created = await client.messages.create({
          to: address(recipient),
          from,
          ...('body' in payload ? { body: payload.body } : { contentSid: payload.contentSid, contentVariables: payload.contentVariables }),
          ...(options.statusCallbackUrl === undefined ? {} : { statusCallback: withOutboxId(options.statusCallbackUrl, delivery.outboxId) }),
          attempt: delivery.attempt,
        });
      } catch (error) {
        throw deliveryError(error);
      }
      const message = createdMessageSchema.safeParse(created);
      if (!message.success) throw unreadableAnswer();
      return { providerMessageId: message.data.sid };
    },

    /** Twilio's messages from us to the same number created since the cut-off attempt, with the same body (any, for a template). */
    async findAccepted(delivery: OutboundDelivery, since: Date): Promise<string[]> {
      const { payload, recipient } = readDelivery(delivery);
      let listed: unknown[];
      try {
        listed = await client.messages.list({ to: address(recipient), from, limit: listLimit });
      } catch (error) {
        throw deliveryError(error);
      }
      const earliest = since.getTime() - clockSkewMs;
      return listed
        .map((item) => listedMessageSchema.safeParse(item))
        .flatMap((parsed) => (parsed.success ? [parsed.data] : []))
        .filter((message) => message.dateCreated.getTime() >= earliest && (!('body' in payload) || message.body === payload.body))
        .sort((a, b) => b.dateCreated.getTime() - a.dateCreated.getTime())
        .map((message) => message.sid);
    },
  };
}

function withOutboxId(statusCallbackUrl: string, outboxId: string): string {
  const url = new URL(statusCallbackUrl);
  url.searchParams.set('outboxId', outboxId);
  return url.toString();
}

/** Twilio's refusal or a transport failure, as the outbox's retry decision. */
function deliveryError(error: unknown): Error {
  if (error instanceof TwilioApiError) {
    if (error.status >= 500 || retryableStatuses.has(error.status) || (error.code !== undefined && retryableCodes.has(error.code))) {
      return new RetryableDeliveryError(error.message, error.retryAfterMs, { cause: error });
    }
    return new PermanentDeliveryError(`Twilio refused the message: ${error.message}`, { cause: error });
  }
  // Only a 2xx answer reaches the library's JSON parsing: Twilio took the message.
  if (error instanceof SyntaxError) return unreadableAnswer(error);
  // Connection refused or reset, DNS, timeout: Twilio may be back soon.
  const code = (error as { code?: unknown } | null)?.code;
  const reason = typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
  return new RetryableDeliveryError(`Twilio could not be reached: ${reason}`, undefined, { cause: error });
}

/**
 * Twilio said it created the message but its answer has no message id. A
 * retry would send the message twice, so this is not retried.
 */
function unreadableAnswer(cause?: unknown): PermanentDeliveryError {
  return new PermanentDeliveryError('Twilio accepted the message but its answer has no readable message id; not retried, as that would send it twice', {
    cause,
  });
}
