import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFormFixture } from './twilio/fixtures/read-form-fixture.js';
import { measureSms } from './twilio/sms-encoding.js';
import { twilioMaxBodyLength } from './twilio/twilio-outbound-payload.js';
import { startChannelTestApp, twilioSid, type ChannelTestApp } from '../test-support/channel-drivers/index.js';

/**
 * Real clients against the real app: swaks (a stock SMTP client) mails our
 * SMTP listener and the threaded reply reaches the SMTP sink; webhooks signed
 * by the twilio library's own signing function get their reply at the fake
 * Twilio API, and Twilio's delivery report marks the outbox row delivered.
 */
const runFile = promisify(execFile);
let harness: ChannelTestApp;

beforeAll(async () => {
  harness = await startChannelTestApp();
});
afterAll(async () => {
  await harness?.close();
});

/** Runs swaks against our SMTP listener; it exits non-zero unless the server took the message (250). */
async function swaks(args: readonly string[]): Promise<void> {
  await runFile('swaks', ['--server', '127.0.0.1', '--port', String(harness.settings.smtpPort), '--helo', 'mail.gmail.example', ...args], {
    timeout: 15_000,
  });
}

async function conversationOfInbound(messageId: string): Promise<string | undefined> {
  const [row] = await harness.app.db.query<{ conversation_id: string }>(
    "SELECT conversation_id FROM messages WHERE channel = 'email' AND direction = 'inbound' AND provider_message_id = $1",
    [messageId],
  );
  return row?.conversation_id;
}

function referencesOf(references: string | string[] | undefined): string[] {
  return references === undefined ? [] : [references].flat();
}

const sourceLink = /^\[1\] .+: https:\/\/help\.lumenbank\.example\/\S+$/m;

describe('an email client (swaks) writing to the SMTP listener', () => {
  const customer = 'emma.jansen@gmail.example';
  const fixture = fileURLToPath(new URL('./email/fixtures/gmail-reply-en.eml', import.meta.url));
  const fixtureMessageId = /^Message-ID: (<[^>]+>)/im.exec(readFileSync(fixture, 'utf8'))?.[1] ?? '';

  it('gets a threaded, auto-submitted reply with numbered sources, and a reply to it continues the conversation', async () => {
    expect(fixtureMessageId).not.toBe('');
    await swaks(['--from', customer, '--to', harness.settings.emailAddress, '--data', fixture]);
    await harness.settle();

    const reply = await harness.sink.waitFor((message) => message.parsed.inReplyTo === fixtureMessageId);
    expect(reply.envelope.rcptTo).toEqual([customer]);
    expect(reply.parsed.from?.value[0]?.address).toBe(harness.settings.emailAddress);
    expect(referencesOf(reply.parsed.references)).toContain(fixtureMessageId);
    expect(reply.parsed.headers.get('auto-submitted')).toBe('auto-replied');
    expect(reply.parsed.subject).toBe('Re: Your question about blocking your card');
    expect(reply.parsed.text, 'the reply to a signed email cites its source').toMatch(sourceLink);
    const replyMessageId = reply.parsed.messageId ?? '';
    expect(replyMessageId).toMatch(/^<[^<>\s]+@lumenbank\.example>$/);

    // The customer answers our reply, as a mail client threads it.
    const followUpId = `<follow-up-${crypto.randomUUID()}@mail.gmail.example>`;
    await swaks([
      '--from',
      customer,
      '--to',
      harness.settings.emailAddress,
      '--header',
      `Message-Id: ${followUpId}`,
      '--header',
      `Subject: ${reply.parsed.subject ?? ''}`,
      '--header',
      `In-Reply-To: ${replyMessageId}`,
      '--header',
      `References: ${[...referencesOf(reply.parsed.references), replyMessageId].join(' ')}`,
      '--header',
      'From: Emma Jansen <emma.jansen@gmail.example>',
      '--body',
      'How long does a SEPA transfer take?',
    ]);
    await harness.settle();

    const firstConversation = await conversationOfInbound(fixtureMessageId);
    expect(firstConversation).toBeDefined();
    expect(await conversationOfInbound(followUpId)).toBe(firstConversation);
    const [thread] = await harness.app.db.query<{ conversation_id: string }>('SELECT conversation_id FROM email_threads WHERE message_id = $1', [
      replyMessageId,
    ]);
    expect(thread?.conversation_id, 'our reply is filed under the conversation it answers').toBe(firstConversation);

    const secondReply = await harness.sink.waitFor((message) => message.parsed.inReplyTo === followUpId);
    expect(referencesOf(secondReply.parsed.references)).toEqual(expect.arrayContaining([fixtureMessageId, replyMessageId, followUpId]));
    expect(secondReply.parsed.headers.get('auto-submitted')).toBe('auto-replied');
    expect(secondReply.parsed.text).toMatch(/^\[1\] .+: https:\/\/help\.lumenbank\.example\/\S*sepa-transfers$/m);
  });
});

describe('a webhook signed by the twilio library', () => {
  const cases = [
    {
      channel: 'sms',
      fixture: 'sms-inbound.form.txt',
      customer: '+31687000001',
      prefix: '',
      ourNumber: () => harness.settings.smsFrom,
      citation: /^More: https:\/\/help\.lumenbank\.example\/\S+$/m,
    },
    {
      channel: 'whatsapp',
      fixture: 'whatsapp-inbound.form.txt',
      customer: '+31687000002',
      prefix: 'whatsapp:',
      ourNumber: () => harness.settings.whatsAppFrom,
      citation: /^1\. \*.+\*: https:\/\/help\.lumenbank\.example\/\S+$/m,
    },
  ] as const;

  it.each(cases)('gets its $channel reply at the Twilio API, and the delivery report marks it delivered', async (testCase) => {
    const { twilio: fakeTwilio, settings, app } = harness;
    const url = `${app.baseUrl}/api/twilio/messages`;
    const messageSid = twilioSid('SM');
    // A captured webhook, re-addressed to this account and a fresh customer.
    const params: Record<string, string> = {
      ...readFormFixture(testCase.fixture),
      AccountSid: settings.accountSid,
      MessageSid: messageSid,
      SmsMessageSid: messageSid,
      SmsSid: messageSid,
      From: `${testCase.prefix}${testCase.customer}`,
      To: `${testCase.prefix}${testCase.ourNumber()}`,
      Body: 'How long does a SEPA transfer take?',
    };
    if (testCase.channel === 'whatsapp') params.WaId = testCase.customer.slice(1);
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': twilio.getExpectedTwilioSignature(settings.twilioAuthToken, url, params),
      },
      body: new URLSearchParams(params).toString(),
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<Response></Response>');
    await harness.settle();

    const sent = fakeTwilio.messages.filter((message) => message.to === `${testCase.prefix}${testCase.customer}`);
    expect(sent).toHaveLength(1);
    const [message] = sent;
    if (!message) return;
    expect(message.from).toBe(`${testCase.prefix}${testCase.ourNumber()}`);
    const body = message.body ?? '';
    expect(body.length).toBeLessThanOrEqual(twilioMaxBodyLength);
    if (testCase.channel === 'sms') expect(measureSms(body).segments).toBeLessThanOrEqual(settings.smsMaxSegments);
    expect(body).toMatch(testCase.citation);
    expect(body).toContain('sepa-transfers');

    // Twilio's delivery report, to the StatusCallback URL our sender gave it, signed the same way.
    const statusCallback = message.statusCallback ?? '';
    expect(statusCallback).toMatch(new RegExp(`^${app.baseUrl}/api/twilio/status\\?outboxId=`));
    const report = { SmsSid: message.sid, SmsStatus: 'delivered', MessageStatus: 'delivered', To: message.to, MessageSid: message.sid, AccountSid: settings.accountSid, From: message.from, ApiVersion: '2010-04-01' };
    const delivered = await fetch(statusCallback, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': twilio.getExpectedTwilioSignature(settings.twilioAuthToken, statusCallback, report),
      },
      body: new URLSearchParams(report).toString(),
    });
    expect(delivered.status).toBe(204);
    const [row] = await app.db.query<{ status: string; id: string }>('SELECT id, status FROM outbox WHERE provider_message_id = $1', [message.sid]);
    expect(row?.status).toBe('delivered');
    expect(statusCallback).toContain(`outboxId=${row?.id}`);
  });
});
