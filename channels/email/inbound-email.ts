/** Whether a message was written by a program rather than a person; automated mail is never answered. */
export interface LoopVerdict {
  automated: boolean;
  /** Which signal decided it (a header name and value, or a sender kind), never the sender's address. */
  reason?: string;
}

/** One parsed inbound email, reduced to what the bot and threading need. */
export interface InboundEmail {
  /** The Message-ID, angle brackets included; a stable one is derived from the content when the header is missing. */
  messageId: string;
  /** The In-Reply-To header (angle brackets included), when the message is a reply. */
  inReplyTo?: string;
  /** Message-IDs of the thread so far, oldest first, from the References header. */
  references: string[];
  from: { address: string; name?: string };
  /** Addresses of the To header, lower-cased. */
  to: string[];
  subject: string;
  /** What the customer wrote this time: quoted history and signature removed; from the HTML when there is no text part. */
  text: string;
  /** Attachments counted and discarded unread (never stored). */
  attachmentsIgnored: number;
  loop: LoopVerdict;
}
