import { z } from 'zod';
import { type FieldIssue, ValidationError } from '../../bot/errors/validation-error.js';

export const twilioMessageStatuses = [
  'accepted',
  'scheduled',
  'canceled',
  'queued',
  'sending',
  'sent',
  'delivered',
  'undelivered',
  'failed',
  'read',
] as const;

export type TwilioMessageStatus = (typeof twilioMessageStatuses)[number];

/** One delivery status report for a message we sent. */
export interface TwilioStatusUpdate {
  messageSid: string;
  status: TwilioMessageStatus;
  /** Twilio's error code for `undelivered` / `failed` (30003 unreachable handset, 30007 carrier filtering, 63016 outside the WhatsApp window, …). */
  errorCode?: number;
}

/**
 * Twilio's message status callback (`application/x-www-form-urlencoded`),
 * naming only the fields we use; Twilio sends more (SmsStatus, ApiVersion,
 * ChannelPrefix, EventType, …), so unknown fields are allowed.
 */
export const twilioStatusCallbackSchema = z.looseObject({
  MessageSid: z.string({ error: 'is required' }).regex(/^(SM|MM)[0-9a-f]{32}$/i, 'must be a Twilio message id starting with SM or MM'),
  MessageStatus: z.enum(twilioMessageStatuses, { error: `must be one of ${twilioMessageStatuses.join(', ')}` }),
  ErrorCode: z
    .string()
    .regex(/^\d*$/, 'must be a number')
    .optional()
    .transform((code) => (code ? Number(code) : undefined)),
  ErrorMessage: z.string().optional(),
  To: z.string({ error: 'is required' }).min(1, 'must not be empty'),
  From: z.string({ error: 'is required' }).min(1, 'must not be empty'),
});

/** Pure: a status callback's form fields as a status update. Throws `ValidationError` naming every bad field. */
export function parseStatusCallback(form: unknown): TwilioStatusUpdate {
  if (form === null || typeof form !== 'object' || Array.isArray(form)) {
    throw new ValidationError('The Twilio status callback body must be form fields (Content-Type: application/x-www-form-urlencoded)');
  }
  const parsed = twilioStatusCallbackSchema.safeParse(form);
  if (!parsed.success) {
    const issues: FieldIssue[] = parsed.error.issues.map((issue) => ({ path: issue.path.join('.') || '(body)', message: issue.message }));
    throw new ValidationError(`Invalid Twilio status callback: ${issues.map((issue) => `${issue.path} ${issue.message}`).join('; ')}`, issues);
  }
  const { MessageSid: messageSid, MessageStatus: status, ErrorCode: errorCode } = parsed.data;
  return { messageSid, status, ...(errorCode === undefined ? {} : { errorCode }) };
}

/**
 * How far along each status is. Twilio sends callbacks asynchronously and
 * they can arrive out of order (`sent` after `delivered`); the final ones
 * share the top rank except `read`, which WhatsApp reports after `delivered`.
 */
const statusRank: Readonly<Record<TwilioMessageStatus, number>> = {
  accepted: 0,
  scheduled: 0,
  queued: 1,
  sending: 2,
  sent: 3,
  delivered: 4,
  undelivered: 4,
  failed: 4,
  canceled: 4,
  read: 5,
};

/** True when `status` ends the message's delivery: nothing but `read` follows it. */
export function isFinalMessageStatus(status: TwilioMessageStatus): boolean {
  return statusRank[status] >= statusRank.delivered;
}

/** Pure: whether a callback with `incoming` should replace the `current` stored status (no going back). */
export function isLaterMessageStatus(current: TwilioMessageStatus | undefined, incoming: TwilioMessageStatus): boolean {
  if (current === undefined) return true;
  if (current === 'read') return false;
  // A delivered message can still be read; a failed one cannot turn delivered.
  if (isFinalMessageStatus(current)) return current === 'delivered' && incoming === 'read';
  return statusRank[incoming] > statusRank[current];
}
