import { randomBytes } from 'node:crypto';
import type { CustomerMessage } from './customer-messages.js';
import type { PreparedRequest } from './open-loop-driver.js';

/** Web-chat messages, each opening its own conversation (the synchronous path: the answer is in the response). */
export function prepareWebChatMessages(count: number, messages: readonly CustomerMessage[], random: () => number): PreparedRequest[] {
  const requests: PreparedRequest[] = [];
  for (let index = 0; index < count; index += 1) {
    const message = messages[Math.floor(random() * messages.length)] ?? { text: 'How do I block my card?', locale: 'en' };
    requests.push({
      path: '/api/web-chat/messages',
      headers: { 'content-type': 'application/json' },
      body: Buffer.from(JSON.stringify({ text: message.text, locale: message.locale, clientMessageId: `load-${index}-${randomBytes(6).toString('hex')}` })),
    });
  }
  return requests;
}
