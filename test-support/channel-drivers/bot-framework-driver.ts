import { randomUUID } from 'node:crypto';
import type { ChannelDriver, Reply, SendOptions, SendResult } from './channel-driver.js';
import type { ChannelTestApp } from './start-channel-test-app.js';

const noSignature =
  'the test app runs without MICROSOFT_APP_ID, the anonymous mode of the Bot Framework Emulator, where botbuilder checks no token; ' +
  "with an app id it validates the connector's JWT against Microsoft's published signing keys, which a test on 127.0.0.1 cannot fetch";

/**
 * Teams (or Direct Line) through the Bot Framework endpoint `POST
 * /api/messages`, as the connector posts activities; the bot's replies are
 * read at the fake connector, with decision and citations in `channelData`.
 * No `sendWithBadSignature`: see `noSignature`.
 */
export function createBotFrameworkDriver(harness: ChannelTestApp): ChannelDriver {
  const { app, connector } = harness;
  const url = `${app.baseUrl}/api/messages`;
  let senders = 0;
  const newSender = () => `teams-user-${(senders += 1)}`;
  const conversationOf = (sender: string) => `teams-conversation-of-${sender}`;

  function activity(text: string, options: SendOptions) {
    const sender = options.sender ?? newSender();
    return {
      type: 'message',
      id: options.messageId ?? randomUUID(),
      channelId: 'msteams',
      serviceUrl: connector.url,
      timestamp: new Date().toISOString(),
      from: { id: sender, name: 'Customer' },
      recipient: { id: 'assistant-bot', name: 'assistant' },
      conversation: { id: conversationOf(sender) },
      text,
      locale: 'en-US',
    };
  }

  async function post(body: string): Promise<SendResult> {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    await response.arrayBuffer();
    return { status: response.status };
  }

  return {
    name: 'bot-framework',
    expects: {
      acceptedStatus: 200,
      // A message activity without text (an image, a sticker) is the customer writing: like SMS, say that only text is read.
      emptyText: 'polite-reply',
      longText: 'answered',
      isRejected: (status) => status === 400,
      badSignature: { notApplicable: noSignature },
    },
    newSender,
    identityOf: (sender) => ({ kind: 'bot-framework', address: sender }),
    send: (text, options = {}) => post(JSON.stringify(activity(text, options))),
    sendMalformed: () => post('{"type": "message", "text": '),
    async repliesTo(sender, options = {}) {
      if (options.settle !== false) await harness.settle();
      return connector.activities
        .filter((posted) => posted.conversationId === conversationOf(sender) && posted.body.type === 'message')
        .map(
          (posted): Reply => ({
            text: posted.body.text ?? '',
            citedArticleIds: posted.body.channelData?.citations?.map((citation) => citation.articleId) ?? [],
            ...(posted.body.channelData?.decision === undefined ? {} : { decision: posted.body.channelData.decision }),
            receivedAt: posted.receivedAt,
          }),
        );
    },
  };
}
