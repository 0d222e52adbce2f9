import type { CloudAdapter, ConversationReference } from 'botbuilder';
import { z } from 'zod';
import { PermanentDeliveryError, RetryableDeliveryError, type ChannelSender } from '../../outbox/channel-sender.js';

/** What sending needs of a stored reference (conversation-references.ts keeps the connector's own). */
const sendableReference = z.looseObject({
  serviceUrl: z.url(),
  conversation: z.looseObject({ id: z.string().min(1) }),
});

const payloadSchema = z.object({
  text: z.string().min(1),
  locale: z.string().optional(),
  reference: z.custom<Partial<ConversationReference>>((value) => sendableReference.safeParse(value).success, 'needs serviceUrl and conversation.id'),
});

/**
 * Sends an outbox message into a Bot Framework conversation outside any turn
 * (a person's reply), through the connector at the conversation's service URL.
 * A connector that refuses the message (4xx but 429) will not take it later either.
 */
export function createBotFrameworkSender(options: { adapter: CloudAdapter; appId: string | undefined }): ChannelSender {
  return {
    channel: 'bot-framework',
    async send(delivery) {
      const parsed = payloadSchema.safeParse(delivery.payload);
      if (!parsed.success) throw new PermanentDeliveryError(`bot framework payload is not sendable: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      const { text, locale, reference } = parsed.data;
      let providerMessageId = '';
      try {
        await options.adapter.continueConversationAsync(options.appId ?? '', reference, async (context) => {
          const sent = await context.sendActivity({ type: 'message', text, ...(locale ? { locale } : {}), channelData: { decision: 'answer', citations: [] } });
          providerMessageId = sent?.id ?? '';
        });
      } catch (error) {
        const status = statusOf(error);
        const message = error instanceof Error ? error.message : String(error);
        if (status !== undefined && status >= 400 && status < 500 && status !== 429) throw new PermanentDeliveryError(`connector refused: ${status} ${message}`);
        throw new RetryableDeliveryError(`connector unavailable: ${message}`, undefined, { cause: error });
      }
      return { providerMessageId: providerMessageId || `bot-framework:${delivery.idempotencyKey}` };
    },
  };
}

function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const candidate = (error as { statusCode?: unknown; status?: unknown }).statusCode ?? (error as { status?: unknown }).status;
  return typeof candidate === 'number' ? candidate : undefined;
}
