import { describe, expect, it } from 'vitest';
import { formatMessageEvent } from './web-chat-event-stream.js';

describe('formatMessageEvent', () => {
  it('writes the message id as the event id and the message as one line of JSON', () => {
    const message = {
      id: 'message-7',
      author: 'bot' as const,
      text: 'Line one.\nLine two.',
      decision: 'answer' as const,
      citations: [{ articleId: 'sepa-transfers', title: 'SEPA transfers', url: 'https://help.lumenbank.example/en/payments/sepa-transfers' }],
    };
    const event = formatMessageEvent(message);
    expect(event).toBe(`id: message-7\nevent: message\ndata: ${JSON.stringify(message)}\n\n`);
    expect(event.split('\n')).toHaveLength(5);
  });
});
