import { ActivityHandler, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { AnswerEngine } from './answer-engine/answer-engine.js';
import type { ConversationStore } from './conversations/conversation-store.js';
import { replyTexts } from './reply-texts.js';

/** What a channel entry point attaches to an inbound activity after persisting it. */
export const inboundChannelDataSchema = z.object({
  inboundMessageId: z.string().min(1),
  locale: z.enum(['en', 'nl']),
});
export type InboundChannelData = z.infer<typeof inboundChannelDataSchema>;

/** What the bot attaches to its reply activity; channels render from it. */
export interface ReplyChannelData {
  decision: 'answer' | 'handoff';
  citations: { articleId: string; title: string; url: string }[];
  /** Set on the bot's first message in a conversation: it must say it is automated. */
  disclosure?: string;
}

export interface AssistantBotDependencies {
  answerEngine: AnswerEngine;
  conversations: ConversationStore;
  /** Milliseconds since an arbitrary origin; injectable so tests control latency. */
  now?: () => number;
}

/**
 * The channel-agnostic turn: answer the customer's message from the knowledge
 * base (or hand off), record the decision, reply once.
 */
export class AssistantBot extends ActivityHandler {
  constructor(private readonly dependencies: AssistantBotDependencies) {
    super();
    this.onMessage(async (context, next) => {
      await this.answer(context);
      await next();
    });
  }

  private async answer(context: TurnContext): Promise<void> {
    const now = this.dependencies.now ?? (() => performance.now());
    const started = now();
    const { activity } = context;
    const inbound = inboundChannelDataSchema.parse(activity.channelData);
    const question = activity.text ?? '';
    const conversationId = activity.conversation.id;

    const outcome = await this.dependencies.answerEngine.answer({ text: question, locale: inbound.locale });
    const texts = replyTexts[inbound.locale];
    const answerText = outcome.sentences.map((sentence) => sentence.text).join(' ');
    const text =
      outcome.decision === 'handoff'
        ? texts.handoff
        : outcome.sourceLocale === inbound.locale
          ? answerText
          : `${texts.otherLanguage} ${answerText}`;
    const isFirstReply = !(await this.dependencies.conversations.hasBotReplied(conversationId));

    await this.dependencies.conversations.recordBotReply({
      conversationId,
      channel: activity.channelId,
      inboundMessageId: inbound.inboundMessageId,
      question,
      locale: inbound.locale,
      text,
      outcome,
      latencyMs: now() - started,
    });
    const channelData: ReplyChannelData = {
      decision: outcome.decision,
      citations: outcome.citations,
      ...(isFirstReply ? { disclosure: texts.disclosure } : {}),
    };
    await context.sendActivity({ type: 'message', text, locale: inbound.locale, channelData });
  }
}
