import { ActivityHandler, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { Citation, Decision } from './answer-engine/answer-outcome.js';
import type { AnswerTurn, TurnOutcome } from './answer-engine/answer-turn.js';
import type { ConversationStore } from './conversations/conversation-store.js';
import { replyTexts } from './reply-texts.js';

/** What a channel entry point attaches to an inbound activity after persisting it. */
export const inboundChannelDataSchema = z.object({
  inboundMessageId: z.string().min(1),
  locale: z.enum(['en', 'nl']),
  /**
   * Our conversation id, when the channel's own conversation id is another
   * (Bot Framework keeps its id on the activity so replies reach the connector).
   */
  conversationId: z.string().min(1).optional(),
  /** Our channel name, when the activity's channelId is the connector's (msteams, directline). */
  channel: z.string().min(1).optional(),
});
export type InboundChannelData = z.infer<typeof inboundChannelDataSchema>;

/** What the bot attaches to its reply activity; channels render from it. */
export interface ReplyChannelData {
  decision: Decision;
  citations: Citation[];
  /** Set on the bot's first message in a conversation: it must say it is automated. */
  disclosure?: string;
}

export interface AssistantBotDependencies {
  answerTurn: AnswerTurn;
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
    const conversationId = inbound.conversationId ?? activity.conversation.id;

    const previousQuestion = await this.dependencies.conversations.previousQuestion(conversationId);
    const outcome = await this.dependencies.answerTurn.answer({
      text: question,
      locale: inbound.locale,
      ...(previousQuestion === undefined ? {} : { previousQuestion }),
    });
    const texts = replyTexts[outcome.locale];
    const text = replyText(outcome);
    const isFirstReply = !(await this.dependencies.conversations.hasBotReplied(conversationId));

    await this.dependencies.conversations.recordBotReply({
      conversationId,
      channel: inbound.channel ?? activity.channelId,
      inboundMessageId: inbound.inboundMessageId,
      text,
      outcome,
      latencyMs: now() - started,
    });
    const channelData: ReplyChannelData = {
      decision: outcome.decision,
      citations: outcome.citations,
      ...(isFirstReply ? { disclosure: texts.disclosure } : {}),
    };
    await context.sendActivity({ type: 'message', text, locale: outcome.locale, channelData });
  }
}

/** What the customer reads: quoted sources, one clarifying question, or a handoff notice, in their language. */
export function replyText(outcome: TurnOutcome): string {
  const texts = replyTexts[outcome.locale];
  if (outcome.decision === 'clarify') return outcome.clarifyingQuestion ?? texts.whatDoYouNeed;
  if (outcome.decision === 'handoff') return outcome.reasons.includes('unsupported_language') ? texts.onlyEnglishAndDutch : texts.handoff;
  const answerText = outcome.sentences.map((sentence) => sentence.text).join(' ');
  return outcome.sourceLocale === outcome.locale ? answerText : `${texts.otherLanguage} ${answerText}`;
}
