import type { OutboundChannel } from '../../outbox/channel-sender.js';

/** The turn still owed to a stored inbound message on an asynchronous channel. */
export interface PendingTurn {
  inboundMessageId: string;
  channel: OutboundChannel;
  /** What the channel needs besides the stored message (an email's thread headers); never the customer's text. */
  input: Record<string, unknown>;
  /** Claims so far, this one included. */
  attempts: number;
}
