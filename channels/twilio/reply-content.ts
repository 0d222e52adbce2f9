import type { Activity } from 'botbuilder';
import { z } from 'zod';
import type { Citation } from '../../bot/answer-engine/answer-outcome.js';

/** What a Twilio renderer needs from one bot reply. */
export interface ReplyContent {
  text: string;
  locale: 'en' | 'nl';
  citations: readonly Citation[];
  /** The automated-assistant notice, on the bot's first message in a conversation: never left out. */
  disclosure?: string;
}

const replyChannelDataSchema = z.object({
  citations: z.array(z.object({ articleId: z.string(), title: z.string(), url: z.string() })),
  disclosure: z.string().optional(),
});

/** Pure: the parts of a bot reply activity (`channelData: ReplyChannelData`) the SMS and WhatsApp renderers use. */
export function replyContentFromActivity(activity: Partial<Activity>): ReplyContent {
  const channelData = replyChannelDataSchema.parse(activity.channelData);
  return {
    text: activity.text ?? '',
    locale: activity.locale === 'nl' ? 'nl' : 'en',
    citations: channelData.citations,
    ...(channelData.disclosure === undefined ? {} : { disclosure: channelData.disclosure }),
  };
}
