import { randomBytes } from 'node:crypto';
import { signedTwilioRequest } from '../../fakes/twilio-api/index.js';
import type { TwilioChannel } from '../../channels/twilio/twilio-channel.js';
import { twilioMaxBodyLength } from '../../channels/twilio/twilio-outbound-payload.js';
import type { ChannelDriver, Reply, SendOptions, SendResult } from './channel-driver.js';
import { articleIdsForUrls, recordedAnswerFor } from './recorded-answers.js';
import type { ChannelTestApp } from './start-channel-test-app.js';

const whatsAppPrefix = 'whatsapp:';
/** A WhatsApp source line as `renderWhatsApp` writes it: `1. *Title*: https://…`. */
const whatsAppSourceLine = /^\d+\. \*[^\n]*\*: (\S+)$/gm;

/** A Twilio id: the prefix and 32 hex digits. */
export function twilioSid(prefix: 'SM' | 'AC'): string {
  return `${prefix}${randomBytes(16).toString('hex')}`;
}

/**
 * SMS or WhatsApp as Twilio delivers them: form posts to
 * `/api/twilio/messages` signed with the account's auth token over the public
 * URL (the twilio library's own signing function). Replies are read at the
 * fake Twilio API. The decision is not in an SMS or WhatsApp body, so it comes
 * from the `answers` row behind the outbox delivery; cited articles come from
 * WhatsApp's numbered source list, and for SMS (which shows only the first
 * source's link) from that `answers` row as well.
 */
export function createTwilioDriver(harness: ChannelTestApp, channel: TwilioChannel): ChannelDriver {
  const { app, twilio, settings } = harness;
  const webhookUrl = `${app.baseUrl}/api/twilio/messages`;
  const prefix = channel === 'whatsapp' ? whatsAppPrefix : '';
  // Distinct number ranges, so a WhatsApp sender is never an SMS sender's known phone identity.
  const numberRange = channel === 'sms' ? '+3161' : '+3162';
  let senders = 0;

  const newSender = () => `${numberRange}${String((senders += 1)).padStart(7, '0')}`;

  function inboundForm(text: string, options: SendOptions, accountSid = settings.accountSid): Record<string, string> {
    const sender = options.sender ?? newSender();
    const messageSid = options.messageId ?? twilioSid('SM');
    return {
      ToCountry: 'NL',
      SmsMessageSid: messageSid,
      NumMedia: '0',
      SmsSid: messageSid,
      SmsStatus: 'received',
      Body: text,
      To: `${prefix}${channel === 'sms' ? settings.smsFrom : settings.whatsAppFrom}`,
      NumSegments: '1',
      MessageSid: messageSid,
      AccountSid: accountSid,
      From: `${prefix}${sender}`,
      ApiVersion: '2010-04-01',
      ...(channel === 'whatsapp' ? { ProfileName: 'Customer', WaId: sender.slice(1), MessageType: 'text' } : {}),
    };
  }

  async function post(params: Record<string, string>, authToken = settings.twilioAuthToken): Promise<SendResult> {
    const response = await fetch(webhookUrl, signedTwilioRequest({ authToken, url: webhookUrl, params }));
    await response.arrayBuffer();
    return { status: response.status };
  }

  return {
    name: channel,
    expects: {
      acceptedStatus: 200,
      // Twilio posts media-only or empty messages with Body=""; the route answers that it only reads text.
      emptyText: 'polite-reply',
      longText: 'answered',
      isRejected: (status) => status === 400,
      badSignature: { status: 403 },
      maxReplyChars: twilioMaxBodyLength,
      ...(channel === 'sms' ? { maxSmsSegments: settings.smsMaxSegments } : {}),
    },
    newSender,
    identityOf: (sender) => ({ kind: 'phone', address: sender }),
    send: (text, options = {}) => post(inboundForm(text, options)),
    sendMalformed: () => post({ From: `${prefix}${newSender()}`, Body: 'How do I block my card?', NumMedia: 'two', ApiVersion: '2010-04-01' }),
    sendWithBadSignature: (text, options = {}) => post(inboundForm(text, options), 'not-the-auth-token-of-this-account'),
    sendForAnotherAccount: (text, options = {}) => post(inboundForm(text, options, twilioSid('AC'))),
    async repliesTo(sender, options = {}) {
      if (options.settle !== false) await harness.settle();
      const replies: Reply[] = [];
      for (const message of twilio.messages.filter((candidate) => candidate.to === `${prefix}${sender}`)) {
        const text = message.body ?? '';
        const recorded = await recordedAnswerFor(app.db, message.sid);
        const citedArticleIds =
          channel === 'whatsapp'
            ? await articleIdsForUrls(app.db, [...text.matchAll(whatsAppSourceLine)].map((match) => match[1] ?? ''))
            : (recorded?.citedArticleIds ?? []);
        replies.push({ text, citedArticleIds, ...(recorded ? { decision: recorded.decision } : {}), receivedAt: message.createdAt });
      }
      return replies;
    },
  };
}
