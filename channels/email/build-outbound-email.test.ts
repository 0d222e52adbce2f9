import { describe, expect, it } from 'vitest';
import { buildOutboundEmail, emailMessageId, outboundEmailMessageSchema, threadingHeaders } from './build-outbound-email.js';

const rendered = { subject: 'Re: Lost card', text: 'Answer.\n', html: '<p>Answer.</p>' };
const from = 'Lumen Bank <help@lumenbank.example>';

describe('buildOutboundEmail', () => {
  it('threads the reply under the customer message and marks it auto-replied', () => {
    const message = buildOutboundEmail({
      from,
      to: 'emma.jansen@gmail.example',
      rendered,
      inbound: {
        messageId: '<CAF7x9kq@mail.gmail.example>',
        inReplyTo: '<a1b2c3d4-0001@mail.lumenbank.example>',
        references: ['<root@mail.lumenbank.example>', '<a1b2c3d4-0001@mail.lumenbank.example>'],
      },
      messageIdLocalPart: 'outbox-42',
    });
    expect(message).toEqual({
      from,
      to: 'emma.jansen@gmail.example',
      subject: 'Re: Lost card',
      text: 'Answer.\n',
      html: '<p>Answer.</p>',
      messageId: '<outbox-42@lumenbank.example>',
      inReplyTo: '<CAF7x9kq@mail.gmail.example>',
      references: ['<root@mail.lumenbank.example>', '<a1b2c3d4-0001@mail.lumenbank.example>', '<CAF7x9kq@mail.gmail.example>'],
      headers: { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All' },
    });
    expect(outboundEmailMessageSchema.parse(message)).toEqual(message);
  });

  it('survives a JSON round trip (the outbox stores it as the payload)', () => {
    const message = buildOutboundEmail({ from, to: 'a@example.com', rendered, inbound: { messageId: '<1@x>', references: [] } });
    expect(outboundEmailMessageSchema.parse(JSON.parse(JSON.stringify(message)))).toEqual(message);
  });

  it('generates a random Message-ID on our domain when no local part is given', () => {
    const first = buildOutboundEmail({ from, to: 'a@example.com', rendered });
    const second = buildOutboundEmail({ from, to: 'a@example.com', rendered });
    expect(first.messageId).toMatch(/^<[0-9a-f-]{36}@lumenbank\.example>$/);
    expect(second.messageId).not.toBe(first.messageId);
  });

  it('starts a new thread when there is no inbound message', () => {
    const message = buildOutboundEmail({ from, to: 'a@example.com', rendered });
    expect(message.references).toEqual([]);
    expect(message).not.toHaveProperty('inReplyTo');
  });
});

describe('threadingHeaders', () => {
  it('starts References from In-Reply-To when the inbound message has no References', () => {
    expect(threadingHeaders({ messageId: '<2@x>', inReplyTo: '<1@x>', references: [] })).toEqual({ inReplyTo: '<2@x>', references: ['<1@x>', '<2@x>'] });
  });

  it('uses only the Message-ID for a first message', () => {
    expect(threadingHeaders({ messageId: '<1@x>', references: [] })).toEqual({ inReplyTo: '<1@x>', references: ['<1@x>'] });
  });

  it('does not repeat the Message-ID when References already ends with it', () => {
    expect(threadingHeaders({ messageId: '<2@x>', references: ['<1@x>', '<2@x>'] }).references).toEqual(['<1@x>', '<2@x>']);
  });

  it('keeps the root and the latest ids of a very long thread', () => {
    const references = Array.from({ length: 40 }, (_, index) => `<${index}@x>`);
    const result = threadingHeaders({ messageId: '<new@x>', references }).references;
    expect(result).toHaveLength(20);
    expect(result[0]).toBe('<0@x>');
    expect(result.at(-1)).toBe('<new@x>');
    expect(result.at(-2)).toBe('<39@x>');
  });
});

describe('emailMessageId', () => {
  it('uses a dot-atom key as it is', () => {
    expect(emailMessageId('outbox.7f3a-1', 'help@lumenbank.example')).toBe('<outbox.7f3a-1@lumenbank.example>');
  });

  it('hashes a key that may not appear in a Message-ID, stably', () => {
    const id = emailMessageId('email:<abc@x> reply', 'Help <help@LumenBank.example>');
    expect(id).toMatch(/^<k\.[0-9a-f]{64}@lumenbank\.example>$/);
    expect(emailMessageId('email:<abc@x> reply', 'help@lumenbank.example')).toBe(id);
  });

  it('refuses a sender without a domain', () => {
    expect(() => emailMessageId('x', 'Lumen Bank')).toThrow(/no email address/);
  });
});
