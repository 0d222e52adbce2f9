import { z } from 'zod';
import { type FieldIssue, ValidationError } from '../../bot/errors/validation-error.js';
import type { TwilioChannel } from './twilio-channel.js';

/** One attachment of an inbound message; the URL needs the account's credentials to download. */
export interface TwilioInboundMedia {
  url: string;
  contentType: string;
}

/** An inbound SMS, MMS or WhatsApp message, in our terms. */
export interface TwilioInboundMessage {
  channel: TwilioChannel;
  /** Twilio's id for the message (`SM…`, or `MM…` with media): a redelivered webhook repeats it. */
  messageSid: string;
  accountSid: string;
  /** The customer's number in E.164 (`+31612345678`), without the `whatsapp:` prefix. */
  from: string;
  /** Our number the customer wrote to, in E.164 (or a short code), without the `whatsapp:` prefix. */
  to: string;
  /** The message text exactly as received; empty for a media-only message. */
  text: string;
  media: TwilioInboundMedia[];
  /** WhatsApp only: the name the customer set in WhatsApp (personal data: never log it). */
  profileName?: string;
}

const whatsAppPrefix = 'whatsapp:';
/** Twilio sends at most 10 media items per message. */
const maxMedia = 10;
const e164 = /^\+[1-9]\d{1,14}$/;
const shortCode = /^\d{3,8}$/;

function sid(prefixes: readonly string[]) {
  const pattern = new RegExp(`^(${prefixes.join('|')})[0-9a-f]{32}$`, 'i');
  return z.string({ error: 'is required' }).regex(pattern, `must be a Twilio id starting with ${prefixes.join(' or ')}`);
}

const countString = (max: number) =>
  z
    .string({ error: 'is required' })
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .refine((count) => count <= max, `must be at most ${max}`);

/**
 * Twilio's inbound messaging webhook (`application/x-www-form-urlencoded`),
 * naming only the fields we use; Twilio sends many more (FromCity, SmsStatus,
 * MessageType, …) and adds new ones, so unknown fields are allowed.
 * `MediaUrl{n}` / `MediaContentType{n}` are checked against `NumMedia` in
 * `parseTwilioInbound`.
 */
export const twilioInboundSchema = z.looseObject({
  MessageSid: sid(['SM', 'MM']),
  SmsSid: sid(['SM', 'MM']).optional(),
  AccountSid: sid(['AC']),
  MessagingServiceSid: sid(['MG']).optional(),
  From: z.string({ error: 'is required' }).min(1, 'must not be empty'),
  To: z.string({ error: 'is required' }).min(1, 'must not be empty'),
  Body: z.string({ error: 'is required (empty for a media-only message)' }),
  NumMedia: countString(maxMedia),
  NumSegments: z.string().regex(/^\d+$/, 'must be a whole number').optional(),
  ProfileName: z.string().optional(),
  WaId: z.string().regex(/^\d+$/, 'must be digits').optional(),
  ApiVersion: z.string({ error: 'is required' }).min(1, 'must not be empty'),
});

/**
 * Pure: a Twilio messaging webhook's form fields as an inbound message.
 * The channel follows from the `whatsapp:` prefix on From; both addresses
 * must agree on it. Throws `ValidationError` naming every bad field.
 */
export function parseTwilioInbound(form: unknown): TwilioInboundMessage {
  if (form === null || typeof form !== 'object' || Array.isArray(form)) {
    throw new ValidationError('The Twilio webhook body must be form fields (Content-Type: application/x-www-form-urlencoded)');
  }
  const parsed = twilioInboundSchema.safeParse(form);
  if (!parsed.success) {
    throw invalid(parsed.error.issues.map((issue) => ({ path: issue.path.join('.') || '(body)', message: issue.message })));
  }
  const fields = parsed.data;
  const issues: FieldIssue[] = [];

  const channel: TwilioChannel = fields.From.startsWith(whatsAppPrefix) ? 'whatsapp' : 'sms';
  const from = fields.From.slice(channel === 'whatsapp' ? whatsAppPrefix.length : 0);
  const to = fields.To.slice(fields.To.startsWith(whatsAppPrefix) ? whatsAppPrefix.length : 0);
  if (!e164.test(from)) issues.push({ path: 'From', message: 'must be a phone number in E.164 format, like +31612345678' });
  if (fields.To.startsWith(whatsAppPrefix) !== (channel === 'whatsapp')) {
    issues.push({ path: 'To', message: `must ${channel === 'whatsapp' ? '' : 'not '}carry the whatsapp: prefix, as From does` });
  } else if (!e164.test(to) && !(channel === 'sms' && shortCode.test(to))) {
    issues.push({ path: 'To', message: 'must be a phone number in E.164 format or a short code' });
  }

  const media: TwilioInboundMedia[] = [];
  for (let index = 0; index < fields.NumMedia; index += 1) {
    const url = fields[`MediaUrl${index}`];
    const contentType = fields[`MediaContentType${index}`];
    if (typeof url !== 'string' || !/^https?:\/\/\S+$/.test(url)) {
      issues.push({ path: `MediaUrl${index}`, message: `must be an http(s) URL, as NumMedia is ${fields.NumMedia}` });
    }
    if (typeof contentType !== 'string' || !/^[\w.+-]+\/[\w.+-]+/.test(contentType)) {
      issues.push({ path: `MediaContentType${index}`, message: `must be a media type like image/jpeg, as NumMedia is ${fields.NumMedia}` });
    }
    if (typeof url === 'string' && typeof contentType === 'string') media.push({ url, contentType });
  }
  if (issues.length > 0) throw invalid(issues);

  return {
    channel,
    messageSid: fields.MessageSid,
    accountSid: fields.AccountSid,
    from,
    to,
    text: fields.Body,
    media,
    ...(fields.ProfileName ? { profileName: fields.ProfileName } : {}),
  };
}

function invalid(issues: FieldIssue[]): ValidationError {
  return new ValidationError(`Invalid Twilio webhook: ${issues.map((issue) => `${issue.path} ${issue.message}`).join('; ')}`, issues);
}
