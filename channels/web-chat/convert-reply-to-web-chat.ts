import type { Activity } from 'botbuilder';
import { z } from 'zod';
import type { Decision } from '../../bot/answer-engine/answer-outcome.js';

export interface WebChatReply {
  /** The stored message's id, the same as on the event stream; added by the route after the message is stored. */
  id?: string;
  text: string;
  decision: Decision;
  citations: { articleId: string; title: string; url: string }[];
}

export interface WebChatResponse {
  conversationId: string;
  /** Only on the response that opened the conversation: every later request about it must present this token. */
  conversationToken?: string;
  /** The automated-assistant notice, present on the bot's first reply in a conversation. */
  disclosure?: string;
  replies: WebChatReply[];
}

const replyChannelDataSchema = z.object({
  decision: z.enum(['answer', 'clarify', 'handoff']),
  citations: z.array(z.object({ articleId: z.string(), title: z.string(), url: z.string() })),
  disclosure: z.string().optional(),
});

/** Pure: the bot's reply activities as the web-chat JSON response. Web chat shows everything, so nothing degrades. */
export function convertReplyToWebChat(conversationId: string, activities: readonly Partial<Activity>[]): WebChatResponse {
  const response: WebChatResponse = { conversationId, replies: [] };
  for (const activity of activities) {
    const channelData = replyChannelDataSchema.parse(activity.channelData);
    if (channelData.disclosure !== undefined && response.disclosure === undefined) response.disclosure = channelData.disclosure;
    response.replies.push({ text: activity.text ?? '', decision: channelData.decision, citations: channelData.citations });
  }
  return response;
}
