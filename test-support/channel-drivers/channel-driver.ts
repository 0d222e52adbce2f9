import type { Decision } from '../../bot/answer-engine/answer-outcome.js';
import type { IdentityKind } from '../../bot/conversations/customer-directory.js';

/** The channels a contract suite drives, by how the customer reaches us. */
export type ChannelDriverName = 'sms' | 'whatsapp' | 'email-smtp' | 'email-webhook' | 'web-chat' | 'bot-framework';

/** One reply as the customer receives it. */
export interface Reply {
  /** What the customer reads (SMS/WhatsApp body, the email's text part, the chat message). */
  text: string;
  /**
   * Articles the reply cites. From the rendering where it carries them (numbered
   * sources in email and WhatsApp, citations in web-chat and Bot Framework
   * JSON); from the `answers` row behind the reply where it does not (SMS shows
   * one link only). Empty for notices that are not answers.
   */
  citedArticleIds: string[];
  /** The bot's decision, when the reply is an answer; undefined for channel notices ("I can only read text"). */
  decision?: Decision;
  /** When the reply reached the customer's side (the fake provider, the SMTP sink, the HTTP response): latency ends here. */
  receivedAt: Date;
}

export interface RepliesToOptions {
  /**
   * Wait for every acknowledged turn and due delivery first (the default).
   * `false` reads only what has already arrived, for a caller that polls for
   * one customer's reply while other customers' turns keep running.
   */
  settle?: boolean;
}

/** What a send did, in the channel's own terms: an HTTP status, or the SMTP reply code for SMTP. */
export interface SendResult {
  status: number;
}

export interface SendOptions {
  /** The customer's address on this channel (from `newSender()`); a fresh one unless given. */
  sender?: string;
  /** The provider's message id (Twilio MessageSid, email Message-ID, client message id, activity id); fresh unless given. */
  messageId?: string;
}

/** How the channel is expected to treat the contract's edge cases. */
export interface ChannelExpectations {
  /** Status of a message the channel took (HTTP 200, SMTP 250). */
  acceptedStatus: number;
  /** A message without text: answered politely, or refused with `rejectedStatus` as the protocol expects. */
  emptyText: 'polite-reply' | 'rejected';
  /** A message over MESSAGE_MAX_CHARS: answered (cut to the limit) or refused with `rejectedStatus`. */
  longText: 'answered' | 'rejected';
  /** Status of a refused request (HTTP 400, SMTP 5xx: `isRejected` decides). */
  isRejected(status: number): boolean;
  /** Status of a request whose signature, token or secret is wrong; or why the protocol has none. */
  badSignature: { status: number } | { notApplicable: string };
  /** Longest reply body the channel may carry, in UTF-16 code units. */
  maxReplyChars?: number;
  /** Most SMS segments one reply may use (SMS only). */
  maxSmsSegments?: number;
}

/**
 * Drives one channel from the outside, as its provider or client would, and
 * reads the replies where the customer would receive them. One contract suite
 * runs against every driver.
 */
export interface ChannelDriver {
  readonly name: ChannelDriverName;
  readonly expects: ChannelExpectations;
  /** A customer address nobody has used yet in this app. */
  newSender(): string;
  /** The customer identity a first message from `sender` should create; undefined where the channel is anonymous (says why). */
  identityOf(sender: string): { kind: IdentityKind; address: string } | undefined;
  /** Sends one customer message. */
  send(text: string, options?: SendOptions): Promise<SendResult>;
  /** Sends a body the channel's protocol cannot read (missing required fields, wrong types). */
  sendMalformed(): Promise<SendResult>;
  /**
   * Sends a well-formed message from `options.sender` (who may have written
   * before) with a wrong signature, token or secret. Undefined where the
   * protocol has none to get wrong (the driver says why).
   */
  sendWithBadSignature?(text: string, options?: SendOptions): Promise<SendResult>;
  /** Twilio only: a correctly signed message addressed to another Twilio account. */
  sendForAnotherAccount?(text: string, options?: SendOptions): Promise<SendResult>;
  /** Every reply `sender` has received so far, oldest first, after asynchronous turns and deliveries have settled (unless told not to). */
  repliesTo(sender: string, options?: RepliesToOptions): Promise<Reply[]>;
}
