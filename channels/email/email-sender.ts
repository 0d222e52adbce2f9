import { createTransport } from 'nodemailer';
import {
  type ChannelSender,
  type DeliveryResult,
  type OutboundDelivery,
  PermanentDeliveryError,
  RetryableDeliveryError,
} from '../../outbox/channel-sender.js';
import { emailMessageId, outboundEmailMessageSchema } from './build-outbound-email.js';

export interface EmailSenderOptions {
  /**
   * Where mail goes out: `smtp://user:pass@host:587` (STARTTLS when offered) or
   * `smtps://user:pass@host:465` (TLS from the start), as nodemailer reads it.
   */
  smtpUrl: string;
  /** Our sender address (`EMAIL_FROM`): the From header, the envelope sender and the Message-ID domain. */
  from: string;
  /** How long to wait for the server to connect, greet and answer each command. 10 s unless given. */
  timeoutMs?: number;
}

/**
 * Delivers outbox payloads built by `buildOutboundEmail` over SMTP. The
 * Message-ID's local part is the outbox's idempotency key, so a retried send
 * carries the same Message-ID and the customer's mail client shows at most one
 * copy. Replies 4xx and connection failures are retryable; 5xx are permanent.
 */
export function createEmailSender(options: EmailSenderOptions): ChannelSender {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const transport = createTransport({
    url: options.smtpUrl,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs * 3,
    // One connection per message: deliveries are few and a broken pooled connection would fail the next one.
    pool: false,
  });

  return {
    channel: 'email',
    async send(delivery: OutboundDelivery): Promise<DeliveryResult> {
      const parsed = outboundEmailMessageSchema.safeParse(delivery.payload);
      if (!parsed.success) {
        throw new PermanentDeliveryError(`Outbox ${delivery.outboxId}: the email payload is malformed: ${parsed.error.message}`);
      }
      const message = {
        ...parsed.data,
        from: options.from,
        // The recipient is the outbox's, so the payload cannot redirect a reply.
        to: delivery.recipient,
        messageId: emailMessageId(delivery.idempotencyKey, options.from),
      };
      try {
        const info = await transport.sendMail(message);
        return { providerMessageId: info.messageId || message.messageId };
      } catch (error) {
        throw deliveryError(error, delivery.outboxId);
      }
    },
  };
}

interface SmtpFailure {
  code?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

/** An SMTP reply or connection failure as the outbox's error: 4xx and network trouble retry, 5xx do not. */
export function deliveryError(error: unknown, outboxId: string): RetryableDeliveryError | PermanentDeliveryError {
  const failure: SmtpFailure = typeof error === 'object' && error !== null ? (error as SmtpFailure) : {};
  const reply = failure.response ?? failure.message ?? String(error);
  const description = `Outbox ${outboxId}: ${reply}`;
  const code = failure.responseCode;
  // 503 (bad sequence of commands) is the session's fault, not the message's: a new connection can succeed.
  if (code !== undefined && code >= 500 && code < 600 && code !== 503) return new PermanentDeliveryError(description, { cause: error });
  if (code === undefined && failure.code === 'EENVELOPE') return new PermanentDeliveryError(description, { cause: error });
  return new RetryableDeliveryError(description, undefined, { cause: error });
}
