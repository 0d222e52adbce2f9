import {
  type Activity,
  BotAdapter,
  type ConversationReference,
  type ResourceResponse,
  TurnContext,
} from 'botbuilder';
import { ChannelCapabilityError } from '../channel-capability-error.js';

const outgoingKey = Symbol('web-chat outgoing activities');

/**
 * Web chat over request/response: the customer's HTTP request carries one
 * inbound activity, and every message the bot sends during that turn is
 * collected and returned in the HTTP response.
 */
export class WebChatAdapter extends BotAdapter {
  /** Runs one turn and returns the message activities the bot sent. */
  async handleTurn(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<Partial<Activity>[]> {
    const context = new TurnContext(this, activity);
    const outgoing: Partial<Activity>[] = [];
    context.turnState.set(outgoingKey, outgoing);
    await this.runMiddleware(context, logic);
    return outgoing;
  }

  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const outgoing = context.turnState.get(outgoingKey) as Partial<Activity>[] | undefined;
    if (!outgoing) throw new ChannelCapabilityError('web-chat', 'send outside the turn of an inbound message');
    return activities.map((activity, index) => {
      // Typing indicators and other non-message activities have no place in a JSON reply.
      if (activity.type === 'message') outgoing.push(activity);
      return { id: `${context.activity.id ?? 'turn'}:${outgoing.length}:${index}` };
    });
  }

  async updateActivity(): Promise<void> {
    throw new ChannelCapabilityError('web-chat', 'edit a message already delivered');
  }

  async deleteActivity(): Promise<void> {
    throw new ChannelCapabilityError('web-chat', 'delete a message already delivered');
  }

  async continueConversation(_reference: Partial<ConversationReference>): Promise<void> {
    throw new ChannelCapabilityError('web-chat', 'push a message without a customer request over request/response HTTP');
  }
}
