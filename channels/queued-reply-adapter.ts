import { type Activity, BotAdapter, type ConversationReference, type ResourceResponse, TurnContext } from 'botbuilder';
import type { Db } from '../db/db.js';
import type { OutboundChannel } from '../outbox/channel-sender.js';
import type { OutboxStore } from '../outbox/outbox-store.js';
import { ChannelCapabilityError } from './channel-capability-error.js';

/** One rendered message for the outbox: where it goes and what the channel's sender gets. */
export interface RenderedOutbound {
  recipient: string;
  payload: Record<string, unknown>;
}

export interface QueuedReplyAdapterOptions {
  channel: OutboundChannel;
  db: Db;
  outbox: OutboxStore;
  /** Turns one reply activity into what this channel sends (text limits, formatting, templates). */
  render(reply: Partial<Activity>, inbound: Activity): Promise<RenderedOutbound[]> | RenderedOutbound[];
  /** Called after replies were enqueued, so the worker sends them now rather than at its next poll. */
  onEnqueued?: () => void;
}

/**
 * A channel whose replies leave later, through the provider's API (SMS,
 * WhatsApp, email): the webhook is acknowledged first, then the turn runs and
 * every reply the bot sends is rendered for the channel and put in the outbox,
 * keyed by the inbound message so a repeated turn cannot enqueue it twice.
 */
export class QueuedReplyAdapter extends BotAdapter {
  constructor(private readonly options: QueuedReplyAdapterOptions) {
    super();
  }

  async handleTurn(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }

  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const inbound = context.activity;
    const inboundMessageId = (inbound.channelData as { inboundMessageId?: string } | undefined)?.inboundMessageId;
    if (!inboundMessageId) throw new ChannelCapabilityError(this.options.channel, 'send outside the turn of a stored inbound message');
    const responses: ResourceResponse[] = [];
    let index = 0;
    for (const activity of activities) {
      if (activity.type !== 'message') {
        responses.push({ id: '' });
        continue;
      }
      const rendered = await this.options.render(activity, inbound);
      const [reply] = await this.options.db.query<{ id: string }>(
        'SELECT id FROM messages WHERE channel = $1 AND provider_message_id = $2',
        [inbound.channelId, `reply:${inboundMessageId}`],
      );
      for (const message of rendered) {
        const id = await this.options.outbox.enqueue(this.options.db, {
          conversationId: inbound.conversation.id,
          ...(reply ? { messageId: reply.id } : {}),
          channel: this.options.channel,
          recipient: message.recipient,
          payload: message.payload,
          idempotencyKey: `${this.options.channel}:${inboundMessageId}:${index}`,
        });
        index += 1;
        responses.push({ id });
      }
    }
    this.options.onEnqueued?.();
    return responses;
  }

  async updateActivity(): Promise<void> {
    throw new ChannelCapabilityError(this.options.channel, 'edit a message already delivered');
  }

  async deleteActivity(): Promise<void> {
    throw new ChannelCapabilityError(this.options.channel, 'delete a message already delivered');
  }

  async continueConversation(_reference: Partial<ConversationReference>): Promise<void> {
    throw new ChannelCapabilityError(this.options.channel, 'start a turn without an inbound message');
  }
}
