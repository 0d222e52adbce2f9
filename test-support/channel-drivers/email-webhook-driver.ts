import type { ChannelDriver, SendOptions, SendResult } from './channel-driver.js';
import { customerEmailSubject, customerMessageId, emailRepliesTo } from './email-replies.js';
import type { ChannelTestApp } from './start-channel-test-app.js';

/**
 * Email through the inbound-parse webhook (`POST /api/email/inbound`), posted
 * as SendGrid's parsed mode does: multipart form fields with the raw header
 * block, the text, the envelope and the charsets, and the shared secret as a
 * Bearer token. Replies are read at the SMTP sink.
 */
export function createEmailWebhookDriver(harness: ChannelTestApp): ChannelDriver {
  const { app, settings } = harness;
  const webhookUrl = `${app.baseUrl}/api/email/inbound`;
  let senders = 0;
  const newSender = () => `webhook-customer-${(senders += 1)}@example.nl`;

  function parsedEmailForm(text: string, options: SendOptions): FormData {
    const sender = options.sender ?? newSender();
    const ourAddress = `Lumen Bank <${settings.emailAddress}>`;
    const headers = [
      `Message-ID: ${options.messageId ?? customerMessageId()}`,
      `Date: ${new Date().toUTCString()}`,
      `From: Customer <${sender}>`,
      `To: ${ourAddress}`,
      `Subject: ${customerEmailSubject}`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset="UTF-8"',
      '',
    ].join('\n');
    const form = new FormData();
    const fields: Record<string, string> = {
      headers,
      dkim: '{@example.nl : pass}',
      to: ourAddress,
      from: `Customer <${sender}>`,
      text,
      sender_ip: '192.0.2.10',
      envelope: JSON.stringify({ to: [settings.emailAddress], from: sender }),
      attachments: '0',
      subject: customerEmailSubject,
      charsets: JSON.stringify({ to: 'UTF-8', from: 'UTF-8', subject: 'UTF-8', text: 'UTF-8' }),
      SPF: 'pass',
    };
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    return form;
  }

  async function post(form: FormData, token = settings.emailWebhookToken): Promise<SendResult> {
    const response = await fetch(webhookUrl, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    await response.arrayBuffer();
    return { status: response.status };
  }

  return {
    name: 'email-webhook',
    expects: {
      acceptedStatus: 200,
      // The subject stands in for an empty body; the bot answers it.
      emptyText: 'polite-reply',
      longText: 'answered',
      isRejected: (status) => status === 400,
      badSignature: { status: 401 },
    },
    newSender,
    identityOf: (sender) => ({ kind: 'email', address: sender.toLowerCase() }),
    send: (text, options = {}) => post(parsedEmailForm(text, options)),
    sendMalformed() {
      // No sender and neither the raw message nor any of its parts.
      const form = new FormData();
      form.append('subject', customerEmailSubject);
      form.append('attachments', 'several');
      return post(form);
    },
    sendWithBadSignature: (text, options = {}) => post(parsedEmailForm(text, options), 'not-the-webhook-secret-of-this-service'),
    repliesTo: (sender, options) => emailRepliesTo(harness, sender, options),
  };
}
