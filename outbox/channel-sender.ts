/** The channels a reply can leave on. */
export type OutboundChannel = 'sms' | 'whatsapp' | 'email' | 'web-chat' | 'bot-framework';

/** One persisted outbound message, as the outbox hands it to a channel's sender. */
export interface OutboundDelivery {
  outboxId: string;
  channel: OutboundChannel;
  /** Where it goes: an E.164 phone number, an email address, a conversation id. */
  recipient: string;
  /** What the channel's renderer produced (channel-specific, JSON). */
  payload: Record<string, unknown>;
  /**
   * Stable across retries of this message: a provider that deduplicates
   * (or our own check before sending) makes a retry never send twice.
   */
  idempotencyKey: string;
  /** 1 on the first try. */
  attempt: number;
  /**
   * Set when an earlier attempt was cut off before its outcome was recorded
   * (its process died mid-send): when it started. The provider may already
   * have the message.
   */
  unconfirmedSince?: Date;
}

export interface DeliveryResult {
  /** The provider's id for the sent message (Twilio's MessageSid, the email Message-ID). */
  providerMessageId: string;
}

/** The provider could not take the message now (timeout, 429, 5xx, connection refused): try again later. */
export class RetryableDeliveryError extends Error {
  override readonly name = 'RetryableDeliveryError';
  constructor(
    message: string,
    /** The provider's hint (Retry-After), if it gave one. */
    readonly retryAfterMs?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The provider refused the message for good (bad number, opted out, rejected content): do not retry. */
export class PermanentDeliveryError extends Error {
  override readonly name = 'PermanentDeliveryError';
}

/** Sends one rendered message on one channel; any other error counts as retryable. */
export interface ChannelSender {
  readonly channel: OutboundChannel;
  send(delivery: OutboundDelivery): Promise<DeliveryResult>;
  /**
   * For providers without an idempotency key: the provider's ids of messages
   * it accepted since `since` that match this delivery (same recipient and
   * content), newest first, so an attempt cut off by a crash is not sent twice.
   */
  findAccepted?(delivery: OutboundDelivery, since: Date): Promise<string[]>;
}
