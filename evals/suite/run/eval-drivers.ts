import { randomUUID } from 'node:crypto';
import {
  createBotFrameworkDriver,
  createEmailSmtpDriver,
  createTwilioDriver,
  createWebChatDriver,
  twilioSid,
  type ChannelDriver,
  type ChannelTestApp,
} from '../../../test-support/channel-drivers/index.js';
import type { EvalChannel } from '../eval-channel.js';

/** The driver that reaches the app over the channel's real protocol; email goes over SMTP. */
export function createEvalDriver(harness: ChannelTestApp, channel: EvalChannel): ChannelDriver {
  switch (channel) {
    case 'sms':
    case 'whatsapp':
      return createTwilioDriver(harness, channel);
    case 'email':
      return createEmailSmtpDriver(harness);
    case 'web-chat':
      return createWebChatDriver(harness);
    case 'bot-framework':
      return createBotFrameworkDriver(harness);
  }
}

/**
 * A provider message id for one customer message, in the channel's own form
 * (Twilio's `SM…` sid, an email Message-ID, a client or activity id), and the
 * unique token the stored message's provider id contains, to find the
 * decision recorded for it (web chat and Bot Framework prefix the id with
 * their conversation).
 */
export function newProviderMessageId(channel: EvalChannel): { messageId: string; token: string } {
  if (channel === 'sms' || channel === 'whatsapp') {
    const sid = twilioSid('SM');
    return { messageId: sid, token: sid };
  }
  const token = randomUUID();
  return { messageId: channel === 'email' ? `<${token}@mail.customer.example>` : token, token };
}
