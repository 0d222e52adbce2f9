import { randomBytes } from 'node:crypto';
import { publicUrl } from '../../channels/twilio/verify-twilio-signature.js';
import { signTwilioWebhook } from '../../fakes/twilio-api/index.js';
import type { CustomerMessage } from './customer-messages.js';
import type { PreparedRequest } from './open-loop-driver.js';

export interface SmsWebhookSet {
  /** Series number: keeps each series' senders apart, so late replies cannot be paired with another series. */
  series: number;
  count: number;
  /** Distinct senders; each sends count / senders messages on average, so most write more than once (one conversation). */
  senders: number;
  messages: readonly CustomerMessage[];
  /** Share of messages that are the HELP keyword (answered with a fixed notice before the acknowledgement). */
  helpShare: number;
  /**
   * The first `senders` messages are STOP, one from each sender in turn: once
   * they are stored, every later message comes from an opted-out number, which
   * the app stores and acknowledges but does not answer. Isolates the
   * acknowledgement path from the bot's turns (a diagnostic, not a customer mix).
   */
  optOutFirst?: boolean;
  random: () => number;
  twilio: { accountSid: string; authToken: string; ourNumber: string; messagingServiceSid: string };
  /** The URL Twilio would call, as the app sees it (PUBLIC_BASE_URL): the signature covers it. */
  publicBaseUrl: string;
}

/** One pre-signed inbound SMS webhook and who sent it. */
export interface SmsWebhook {
  request: PreparedRequest;
  from: string;
  messageSid: string;
}

export const smsWebhookPath = '/api/twilio/messages';

/**
 * Builds `count` inbound SMS webhooks exactly as Twilio posts them (the field
 * order and the empty fields of `channels/twilio/fixtures/sms-inbound.form.txt`),
 * each with its own MessageSid and a valid `X-Twilio-Signature` over the
 * public URL and the fields. Signing happens here, before the run, so its
 * cost is not on the driver's clock.
 */
export function prepareSmsWebhooks(set: SmsWebhookSet): SmsWebhook[] {
  const url = publicUrl(set.publicBaseUrl, smsWebhookPath);
  const webhooks: SmsWebhook[] = [];
  for (let index = 0; index < set.count; index += 1) {
    const optingOut = set.optOutFirst === true && index < set.senders;
    const sender = optingOut ? index : Math.floor(set.random() * set.senders);
    // +31 6 1 <series, 2 digits> <sender, 6 digits>: a Dutch mobile number, unique per series and sender.
    const from = `+3161${String(set.series).padStart(2, '0')}${String(sender).padStart(6, '0')}`;
    const message = set.messages[Math.floor(set.random() * set.messages.length)];
    const body = optingOut ? 'STOP' : set.random() < set.helpShare ? 'HELP' : (message?.text ?? 'How do I block my card?');
    const messageSid = `SM${randomBytes(16).toString('hex')}`;
    const params: Record<string, string> = {
      ToCountry: 'NL',
      ToState: '',
      SmsMessageSid: messageSid,
      NumMedia: '0',
      ToCity: '',
      FromZip: '',
      SmsSid: messageSid,
      FromState: '',
      SmsStatus: 'received',
      FromCity: '',
      Body: body,
      FromCountry: 'NL',
      To: set.twilio.ourNumber,
      MessagingServiceSid: set.twilio.messagingServiceSid,
      ToZip: '',
      NumSegments: '1',
      MessageSid: messageSid,
      AccountSid: set.twilio.accountSid,
      From: from,
      ApiVersion: '2010-04-01',
    };
    webhooks.push({
      from,
      messageSid,
      request: {
        path: smsWebhookPath,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-twilio-signature': signTwilioWebhook({ authToken: set.twilio.authToken, url, params }),
          'user-agent': 'TwilioProxy/1.1',
          'i-twilio-idempotency-token': messageSid,
        },
        body: Buffer.from(new URLSearchParams(params).toString()),
      },
    });
  }
  return webhooks;
}
