import { measureSms } from '../../channels/twilio/sms-encoding.js';
import type { FakeTwilioMessage } from './fake-twilio-api-contract.js';

// How Twilio's REST API reads and writes its fields, as the fake needs them.

/** A created message as Twilio's API writes it (snake_case, counts as strings, RFC 2822 dates). */
export function messageJson(message: FakeTwilioMessage): Record<string, unknown> {
  const date = message.createdAt.toUTCString().replace('GMT', '+0000');
  const uri = `/2010-04-01/Accounts/${message.accountSid}/Messages/${message.sid}`;
  const whatsApp = message.to.startsWith('whatsapp:');
  return {
    account_sid: message.accountSid,
    api_version: '2010-04-01',
    body: message.body ?? '',
    date_created: date,
    date_sent: null,
    date_updated: date,
    direction: 'outbound-api',
    error_code: null,
    error_message: null,
    from: message.from,
    messaging_service_sid: null,
    num_media: String(message.mediaUrls.length),
    num_segments: String(whatsApp ? 1 : Math.max(1, measureSms(message.body ?? '').segments)),
    price: null,
    price_unit: 'USD',
    sid: message.sid,
    status: 'queued',
    subresource_uris: { media: `${uri}/Media.json` },
    to: message.to,
    uri: `${uri}.json`,
  };
}

export function basicCredentials(header: string | undefined): { username: string; password: string } | undefined {
  const match = /^Basic (.+)$/i.exec(header ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export function formFields(text: string): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {};
  for (const [name, value] of new URLSearchParams(text)) {
    const existing = fields[name];
    fields[name] = existing === undefined ? value : [existing, value].flat();
  }
  return fields;
}

export function isJsonObject(text: string): boolean {
  const value = parseJson(text);
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
