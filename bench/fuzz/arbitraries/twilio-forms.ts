import fc from 'fast-check';
import { twilioMessageStatuses } from '../../../channels/twilio/parse-status-callback.js';
import { hostileText } from './hostile-text.js';
import { hexDigits, mutatedFields, parsedJson, randomFields } from './untrusted-values.js';

const e164 = fc.tuple(fc.integer({ min: 1, max: 9 }), fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 14 })).map(([first, rest]) => `+${first}${rest}`);
const sid = (prefix: string) => hexDigits(32).map((hex) => `${prefix}${hex}`);
const mediaType = fc.constantFrom('image/jpeg', 'image/png', 'audio/ogg', 'video/mp4', 'application/pdf', 'text/vcard', 'image/svg+xml');

/** A messaging webhook as Twilio posts it, SMS, MMS or WhatsApp, with up to ten media items. */
const validInboundForm: fc.Arbitrary<Record<string, unknown>> = fc
  .record({
    whatsapp: fc.boolean(),
    shortCode: fc.boolean(),
    messageSid: sid('SM'),
    mediaSid: sid('MM'),
    accountSid: sid('AC'),
    from: e164,
    to: e164,
    body: hostileText({ tokens: ['STOP', 'help', 'Hoi,', 'my card', '€', '+31612345678', 'NL91ABNA0417164300'] }),
    media: fc.array(fc.tuple(fc.webUrl(), mediaType), { maxLength: 10 }),
    profileName: fc.option(hostileText({ maxPieces: 4 }), { nil: undefined }),
    extra: fc.dictionary(fc.constantFrom('FromCity', 'SmsStatus', 'MessageType', 'ReferralNumMedia', 'ChannelMetadata'), fc.string()),
  })
  .map((form) => {
    const prefix = form.whatsapp ? 'whatsapp:' : '';
    const messageSid = form.media.length > 0 ? form.mediaSid : form.messageSid;
    const fields: Record<string, unknown> = {
      ...form.extra,
      MessageSid: messageSid,
      SmsSid: messageSid,
      SmsMessageSid: messageSid,
      AccountSid: form.accountSid,
      From: `${prefix}${form.from}`,
      To: form.shortCode && !form.whatsapp ? '4242' : `${prefix}${form.to}`,
      Body: form.body,
      NumMedia: String(form.media.length),
      NumSegments: '1',
      ApiVersion: '2010-04-01',
    };
    form.media.forEach(([url, contentType], index) => {
      fields[`MediaUrl${index}`] = url;
      fields[`MediaContentType${index}`] = contentType;
    });
    if (form.whatsapp) {
      fields['WaId'] = form.from.slice(1);
      if (form.profileName !== undefined) fields['ProfileName'] = form.profileName;
    }
    return fields;
  });

const inboundKeys = [
  'MessageSid',
  'SmsSid',
  'AccountSid',
  'MessagingServiceSid',
  'From',
  'To',
  'Body',
  'NumMedia',
  'NumSegments',
  'ProfileName',
  'WaId',
  'ApiVersion',
  'MediaUrl0',
  'MediaContentType0',
  'MediaUrl9',
  'MediaContentType9',
] as const;

/** Counts Twilio never sends but a forger might: negative, huge, padded, exponent, hexadecimal. */
const oddCounts = fc.constantFrom('-1', '11', '010', ' 1', '1 ', '1e1', '0x1', '99999999999999999999', '١', '', '10');

/** Inbound webhook bodies: mutated valid forms, odd media counts, random fields and arbitrary JSON. */
export const twilioInboundBody: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: mutatedFields(validInboundForm, inboundKeys) },
  { weight: 1, arbitrary: fc.tuple(validInboundForm, oddCounts).map(([form, count]) => ({ ...form, NumMedia: count })) },
  { weight: 2, arbitrary: randomFields(inboundKeys) },
  { weight: 1, arbitrary: parsedJson },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }).map((body) => Object.fromEntries(new URLSearchParams(body))) },
);

const validStatusForm: fc.Arbitrary<Record<string, unknown>> = fc
  .record({
    messageSid: fc.oneof(sid('SM'), sid('MM')),
    accountSid: sid('AC'),
    status: fc.constantFrom(...twilioMessageStatuses),
    errorCode: fc.option(fc.constantFrom('30003', '30007', '63016', '21610', ''), { nil: undefined }),
    errorMessage: fc.option(hostileText({ maxPieces: 4 }), { nil: undefined }),
    to: e164,
    from: e164,
  })
  .map((form) => ({
    MessageSid: form.messageSid,
    SmsSid: form.messageSid,
    AccountSid: form.accountSid,
    MessageStatus: form.status,
    SmsStatus: form.status,
    To: form.to,
    From: form.from,
    ApiVersion: '2010-04-01',
    ...(form.errorCode === undefined ? {} : { ErrorCode: form.errorCode }),
    ...(form.errorMessage === undefined ? {} : { ErrorMessage: form.errorMessage }),
  }));

const statusKeys = ['MessageSid', 'MessageStatus', 'ErrorCode', 'ErrorMessage', 'To', 'From'] as const;

/** Status callback bodies: mutated valid callbacks, odd error codes, random fields and arbitrary JSON. */
export const twilioStatusBody: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: mutatedFields(validStatusForm, statusKeys) },
  { weight: 1, arbitrary: fc.tuple(validStatusForm, oddCounts).map(([form, code]) => ({ ...form, ErrorCode: code })) },
  { weight: 2, arbitrary: randomFields(statusKeys) },
  { weight: 1, arbitrary: parsedJson },
);
