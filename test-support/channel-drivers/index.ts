import { createBotFrameworkDriver } from './bot-framework-driver.js';
import type { ChannelDriver, ChannelDriverName } from './channel-driver.js';
import { createEmailSmtpDriver } from './email-smtp-driver.js';
import { createEmailWebhookDriver } from './email-webhook-driver.js';
import type { ChannelTestApp } from './start-channel-test-app.js';
import { createTwilioDriver } from './twilio-driver.js';
import { createWebChatDriver } from './web-chat-driver.js';

export type { ChannelDriver, ChannelDriverName, ChannelExpectations, RepliesToOptions, Reply, SendOptions, SendResult } from './channel-driver.js';
export { startChannelTestApp, type ChannelTestApp, type ChannelTestAppOptions } from './start-channel-test-app.js';
export { smtpDialogue } from './smtp-dialogue.js';
export { createTwilioDriver, twilioSid } from './twilio-driver.js';
export { createEmailSmtpDriver } from './email-smtp-driver.js';
export { createEmailWebhookDriver } from './email-webhook-driver.js';
export { createWebChatDriver } from './web-chat-driver.js';
export { createBotFrameworkDriver } from './bot-framework-driver.js';

/** Every driven channel, for `describe.each` (the drivers themselves need a running app). */
export const channelDriverNames: readonly ChannelDriverName[] = ['sms', 'whatsapp', 'email-smtp', 'email-webhook', 'web-chat', 'bot-framework'];

/** One driver per channel, all on the same app, in the order of `channelDriverNames`. */
export function createChannelDrivers(harness: ChannelTestApp): ChannelDriver[] {
  return [
    createTwilioDriver(harness, 'sms'),
    createTwilioDriver(harness, 'whatsapp'),
    createEmailSmtpDriver(harness),
    createEmailWebhookDriver(harness),
    createWebChatDriver(harness),
    createBotFrameworkDriver(harness),
  ];
}
