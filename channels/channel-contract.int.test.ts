import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureSms } from './twilio/sms-encoding.js';
import {
  channelDriverNames,
  createChannelDrivers,
  startChannelTestApp,
  type ChannelDriver,
  type ChannelTestApp,
  type Reply,
} from '../test-support/channel-drivers/index.js';

/**
 * The channel contract: every way a customer reaches the assistant treats the
 * same edge cases the same way, each in its own protocol's terms (the drivers
 * state what that means per channel). One app serves every channel.
 */
let harness: ChannelTestApp;
const drivers = new Map<string, ChannelDriver>();

beforeAll(async () => {
  harness = await startChannelTestApp();
  for (const driver of createChannelDrivers(harness)) drivers.set(driver.name, driver);
});
afterAll(async () => {
  await harness?.close();
});

/** Rows that a refused request must not add; counted after everything in flight has settled. */
async function storedRows(): Promise<Record<string, number>> {
  await harness.settle();
  const [row] = await harness.app.db.query<Record<string, number>>(
    `SELECT (SELECT count(*)::int FROM messages) AS messages, (SELECT count(*)::int FROM conversations) AS conversations,
            (SELECT count(*)::int FROM outbox) AS outbox, (SELECT count(*)::int FROM customers) AS customers`,
  );
  return row ?? {};
}

/** The inbound message stored for a provider message id (channels may prefix it with their conversation id). */
async function storedInboundText(providerMessageId: string): Promise<string | undefined> {
  const [row] = await harness.app.db.query<{ text: string }>(
    `SELECT text FROM messages WHERE direction = 'inbound' AND right(provider_message_id, length($1)) = $1`,
    [providerMessageId],
  );
  return row?.text;
}

let logsSeen = 0;
/** Warnings and errors the app logged since the last call: a crash after acknowledgement shows up only here. */
function newProblemsLogged(): Record<string, unknown>[] {
  const fresh = harness.app.logs.slice(logsSeen);
  logsSeen = harness.app.logs.length;
  return fresh.filter((line) => typeof line.level === 'number' && line.level >= 40).map(({ level, msg, error, err }) => ({ level, msg, error, err }));
}

async function expectStillServing(): Promise<void> {
  const health = await fetch(`${harness.app.baseUrl}/healthz`);
  expect(health.status).toBe(200);
  await health.arrayBuffer();
  expect(newProblemsLogged()).toEqual([]);
}

function expectWithinChannelLimits(driver: ChannelDriver, reply: Reply): void {
  const { maxReplyChars, maxSmsSegments } = driver.expects;
  if (maxReplyChars !== undefined) expect(reply.text.length).toBeLessThanOrEqual(maxReplyChars);
  if (maxSmsSegments !== undefined) expect(measureSms(reply.text).segments).toBeLessThanOrEqual(maxSmsSegments);
  // A surrogate pair cut in half turns into "?" on the handset.
  expect(reply.text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  expect(reply.text).not.toContain('\uFFFD');
}

const filler = 'I have been a customer for many years and I usually manage my own affairs in the app without any trouble. ';

describe.each(channelDriverNames)('the %s channel', (name) => {
  const driver = () => {
    const found = drivers.get(name);
    if (!found) throw new Error(`No driver for ${name}`);
    return found;
  };

  it('answers an empty message politely, or refuses it as its protocol expects', async () => {
    const channel = driver();
    const sender = channel.newSender();
    const before = await storedRows();
    const result = await channel.send('', { sender });
    const replies = await channel.repliesTo(sender);
    if (channel.expects.emptyText === 'rejected') {
      expect(channel.expects.isRejected(result.status), `status ${result.status}`).toBe(true);
      expect(replies).toEqual([]);
      expect(await storedRows()).toEqual(before);
    } else {
      expect(result.status).toBe(channel.expects.acceptedStatus);
      expect(replies, 'one polite reply to an empty message').toHaveLength(1);
      expect(replies[0]?.text.trim()).not.toBe('');
      if (replies[0]) expectWithinChannelLimits(channel, replies[0]);
    }
    await expectStillServing();
  });

  it(`handles a message longer than MESSAGE_MAX_CHARS, replying within the channel's limits`, async () => {
    const channel = driver();
    const sender = channel.newSender();
    let text = 'My card was stolen, how do I block it? ';
    while (text.length <= harness.settings.messageMaxChars + 500) text += filler;
    const before = await storedRows();
    const result = await channel.send(text, { sender });
    const replies = await channel.repliesTo(sender);
    if (channel.expects.longText === 'rejected') {
      expect(channel.expects.isRejected(result.status), `status ${result.status}`).toBe(true);
      expect(replies).toEqual([]);
      expect(await storedRows()).toEqual(before);
    } else {
      expect(result.status).toBe(channel.expects.acceptedStatus);
      expect(replies).toHaveLength(1);
      expect(replies[0]?.decision).toBeDefined();
      if (replies[0]) expectWithinChannelLimits(channel, replies[0]);
    }
    await expectStillServing();
  });

  it.each([
    ['an emoji', 'I lost my card 😟 how do I block it?', '😟'],
    ['UCS-2 text', 'I lost my card in Łódź — how do I block it?', 'Łódź —'],
  ])('answers %s, keeping the text intact in and out', async (_kind, text, marker) => {
    const channel = driver();
    const sender = channel.newSender();
    const messageId = providerMessageIdFor(channel);
    const result = await channel.send(text, { sender, messageId });
    expect(result.status).toBe(channel.expects.acceptedStatus);
    const replies = await channel.repliesTo(sender);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ decision: 'answer' });
    expect(replies[0]?.citedArticleIds).toContain('card-lost-or-stolen');
    if (replies[0]) expectWithinChannelLimits(channel, replies[0]);
    expect(await storedInboundText(messageId)).toContain(marker);
    await expectStillServing();
  });

  it('answers a message delivered twice with the same provider id exactly once', async () => {
    const channel = driver();
    const sender = channel.newSender();
    const messageId = providerMessageIdFor(channel);
    const first = await channel.send('How long does a SEPA transfer take?', { sender, messageId });
    const again = await channel.send('How long does a SEPA transfer take?', { sender, messageId });
    expect([first.status, again.status]).toEqual([channel.expects.acceptedStatus, channel.expects.acceptedStatus]);
    const replies = await channel.repliesTo(sender);
    expect(replies, 'replies to one message delivered twice').toHaveLength(1);
    expect(replies[0]?.citedArticleIds).toContain('sepa-transfers');
    await expectStillServing();
  });

  it('refuses a message with a wrong signature or token, storing and answering nothing', async (context) => {
    const channel = driver();
    const { badSignature } = channel.expects;
    if ('notApplicable' in badSignature || !channel.sendWithBadSignature) {
      context.skip('notApplicable' in badSignature ? `not applicable: ${badSignature.notApplicable}` : 'the driver has no bad signature');
      return;
    }
    const sender = channel.newSender();
    expect((await channel.send('How do I block my card?', { sender })).status).toBe(channel.expects.acceptedStatus);
    const repliesBefore = await channel.repliesTo(sender);
    const before = await storedRows();
    const result = await channel.sendWithBadSignature('And how do I order a new one?', { sender });
    expect(result.status).toBe(badSignature.status);
    expect(await storedRows()).toEqual(before);
    expect(await channel.repliesTo(sender)).toHaveLength(repliesBefore.length);
    await expectStillServing();
  });

  it('refuses a malformed body with 400 (SMTP: 5xx), storing nothing', async () => {
    const channel = driver();
    const before = await storedRows();
    const result = await channel.sendMalformed();
    expect(channel.expects.isRejected(result.status), `status ${result.status}`).toBe(true);
    expect(await storedRows()).toEqual(before);
    await expectStillServing();
  });

  it('gives a first-time sender a new customer record and an answer', async () => {
    const channel = driver();
    const sender = channel.newSender();
    const identity = channel.identityOf(sender);
    const customerOf = async () =>
      identity === undefined
        ? undefined
        : (
            await harness.app.db.query<{ customer_id: string }>('SELECT customer_id FROM customer_identities WHERE kind = $1 AND address = $2', [
              identity.kind,
              identity.address,
            ])
          )[0]?.customer_id;
    expect(await customerOf()).toBeUndefined();
    const before = await storedRows();

    expect((await channel.send('How long does a SEPA transfer take?', { sender })).status).toBe(channel.expects.acceptedStatus);
    const replies = await channel.repliesTo(sender);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ decision: 'answer', citedArticleIds: ['sepa-transfers'] });

    const after = await storedRows();
    if (identity === undefined) {
      // Anonymous (web chat): no identity, so no customer record to make.
      expect(after.customers).toBe(before.customers);
    } else {
      const customerId = await customerOf();
      expect(customerId).toBeDefined();
      expect(after.customers).toBe((before.customers ?? 0) + 1);
      const conversations = await harness.app.db.query('SELECT id FROM conversations WHERE customer_id = $1', [customerId]);
      expect(conversations, 'the conversation belongs to the new customer').toHaveLength(1);
    }
    await expectStillServing();
  });

  it('refuses a message addressed to another Twilio account with 403, storing and answering nothing', async (context) => {
    const channel = driver();
    if (!channel.sendForAnotherAccount) {
      context.skip('not applicable: only Twilio webhooks name the account they are for');
      return;
    }
    const sender = channel.newSender();
    const before = await storedRows();
    expect((await channel.sendForAnotherAccount('How do I block my card?', { sender })).status).toBe(403);
    expect(await storedRows()).toEqual(before);
    expect(await channel.repliesTo(sender)).toEqual([]);
    await expectStillServing();
  });
});

/** A fresh provider message id in the form the channel's provider uses. */
function providerMessageIdFor(channel: ChannelDriver): string {
  if (channel.name === 'sms' || channel.name === 'whatsapp') return `SM${crypto.randomUUID().replaceAll('-', '')}`;
  if (channel.name.startsWith('email')) return `<duplicate-${crypto.randomUUID()}@mail.customer.example>`;
  return `duplicate-${crypto.randomUUID()}`;
}
