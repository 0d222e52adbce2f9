import { createTransport } from 'nodemailer';
import type { ChannelDriver, SendResult } from './channel-driver.js';
import { customerEmailSubject, customerMessageId, emailRepliesTo } from './email-replies.js';
import { smtpDialogue } from './smtp-dialogue.js';
import type { ChannelTestApp } from './start-channel-test-app.js';

const noSignature =
  'SMTP has no request signature: whether mail comes from its sender is for the upstream MTA to judge (SPF, DKIM, DMARC) ' +
  'before it relays to this loopback listener, which has no secret to get wrong';

/**
 * Email over SMTP to the app's own listener, sent by nodemailer as a mail
 * server relaying the customer's message would; `status` is the SMTP reply
 * code (250 taken, 5xx refused). Replies are read at the SMTP sink.
 * No `sendWithBadSignature`: see `noSignature`.
 */
export function createEmailSmtpDriver(harness: ChannelTestApp): ChannelDriver {
  const { settings } = harness;
  const transport = createTransport({ host: '127.0.0.1', port: settings.smtpPort, secure: false, ignoreTLS: true, pool: false });
  let senders = 0;
  const newSender = () => `smtp-customer-${(senders += 1)}@example.nl`;

  return {
    name: 'email-smtp',
    expects: {
      acceptedStatus: 250,
      // The subject stands in for an empty body; the bot answers it.
      emptyText: 'polite-reply',
      longText: 'answered',
      isRejected: (status) => status >= 500 && status < 600,
      badSignature: { notApplicable: noSignature },
    },
    newSender,
    identityOf: (sender) => ({ kind: 'email', address: sender.toLowerCase() }),
    async send(text, options = {}): Promise<SendResult> {
      const sender = options.sender ?? newSender();
      try {
        await transport.sendMail({
          envelope: { from: sender, to: [settings.emailAddress] },
          from: `Customer <${sender}>`,
          to: `Lumen Bank <${settings.emailAddress}>`,
          subject: customerEmailSubject,
          text,
          messageId: options.messageId ?? customerMessageId(),
        });
        return { status: 250 };
      } catch (error) {
        const code = (error as { responseCode?: unknown }).responseCode;
        if (typeof code === 'number') return { status: code };
        throw error;
      }
    },
    async sendMalformed() {
      // A mail library will not send a broken command; speak SMTP by hand. The last reply is the one that counts.
      const codes = await smtpDialogue(settings.smtpPort, ['EHLO client.example', `MAIL FROM:<${newSender()}`]);
      return { status: codes.at(-1) ?? 0 };
    },
    repliesTo: (sender, options) => emailRepliesTo(harness, sender, options),
  };
}
