import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../../fakes/smtp-sink/smtp-sink.js';
import { startTestApp, type TestApp } from '../../test-support/start-test-app.js';
import { createPendingTurnStore } from '../pending-turns/pending-turn-store.js';
import { receiveInboundMessage } from '../receive-inbound-message.js';

// An email stored and acknowledged (250 / 200) by a process that was killed
// before answering it: the next sweep answers it once, threaded under the
// customer's message, from the headers kept with its pending turn.
describe('recovering an email turn a crashed process left', () => {
  let sink: SmtpSink;
  let app: TestApp;
  beforeAll(async () => {
    sink = await startSmtpSink();
    app = await startTestApp({ EMAIL_FROM: 'Lumen Bank <help@lumenbank.example>', EMAIL_OUTBOUND_SMTP_URL: sink.url, OUTBOX_POLL_INTERVAL_MS: '50' });
  });
  afterAll(async () => {
    await app?.close();
    await sink?.close();
  });

  async function settle(): Promise<void> {
    await app.channels.recovery.sweep();
    await app.channels.turns.idle();
    await app.channels.worker.drain();
  }

  it('answers it once, in the same thread, and lets a reply to the answer continue the conversation', async () => {
    const customer = 'emma.jansen@gmail.example';
    const messageId = '<crash-1@mail.gmail.example>';
    const received = await receiveInboundMessage(
      { ...app.assistant, pendingTurns: createPendingTurnStore(app.db, { processId: 'killed-process' }), defaultLocale: 'en' },
      {
        channel: 'email',
        identity: { kind: 'email', address: customer },
        address: customer,
        providerMessageId: messageId,
        text: 'I lost my debit card, how do I block it?',
        turnInput: { thread: { subject: 'Lost card', messageId, references: [] }, questionFromSubject: false },
      },
    );
    await settle();
    await settle();

    expect(sink.messages).toHaveLength(1);
    const [reply] = sink.messages;
    expect(reply?.parsed.subject).toBe('Re: Lost card');
    expect(reply?.parsed.inReplyTo).toBe(messageId);
    expect(reply?.envelope.rcptTo).toEqual([customer]);
    const threads = await app.db.query<{ conversation_id: string }>('SELECT conversation_id FROM email_threads WHERE message_id = $1', [messageId]);
    expect(threads).toEqual([{ conversation_id: received.conversation.id }]);
    expect(await app.db.query('SELECT 1 FROM pending_turns')).toEqual([]);
  });
});
