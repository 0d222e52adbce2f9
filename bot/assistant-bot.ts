import { ActivityHandler, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { Citation, Decision } from './answer-engine/answer-outcome.js';
import type { AnswerTurn, TurnOutcome } from './answer-engine/answer-turn.js';
import type { ConversationStore } from './conversations/conversation-store.js';
import type { ServiceMetrics } from './observability/service-metrics.js';
import { replyTexts } from './reply-texts.js';
import { resendRecordedReply } from './resend-recorded-reply.js';
import type { CaseStore } from '../handoff/case-store.js';
import { describeReplyTime } from '../handoff/service-hours.js';
import { slaDueAt } from '../handoff/sla-policy.js';

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
  /** Escalation cases: a handoff opens one, and while one is open the bot stays silent. */
  cases: CaseStore;
  /** Wall-clock time, for reply-time promises; injectable for tests. */
  clock?: () => Date;
  /** Milliseconds since an arbitrary origin; injectable so tests control latency. */
  now?: () => number;
  metrics?: Pick<ServiceMetrics, 'recordTurn'>;
}

/**
 * The channel-agnostic turn: answer the customer's message from the knowledge
 * base (or hand off), record the decision, reply once. Running the turn of
 * the same message again (recovery after a crash, or two processes at once)
 * sends the recorded reply again instead of deciding anew.
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
    const channel = inbound.channel ?? activity.channelId;
    const target = { conversationId, channel, locale: inbound.locale };

    const earlier = await this.dependencies.conversations.findRecordedReply(inbound.inboundMessageId);
    if (earlier) {
      await resendRecordedReply(context, earlier, target, this.dependencies.cases);
      return;
    }

    // One speaker at a time: while a person owns the conversation, the message waits for them.
    const openCase = await this.dependencies.cases.findOpen(conversationId);
    if (openCase) {
      await this.dependencies.cases.touch(openCase.id);
      return;
    }

    if (await this.dependencies.cases.recordSatisfaction(conversationId, question, inbound.inboundMessageId)) {
      const thanks = replyTexts[inbound.locale].thanksForScore;
      await this.dependencies.conversations.recordNotice({
        conversationId,
        channel,
        key: inbound.inboundMessageId,
        text: thanks,
      });
      await context.sendActivity({ type: 'message', text: thanks, locale: inbound.locale, channelData: { decision: 'answer', citations: [] } });
      return;
    }

    const previousQuestion = await this.dependencies.conversations.previousQuestion(conversationId);
    const turn = await this.dependencies.answerTurn.answer({
      text: question,
      locale: inbound.locale,
      ...(previousQuestion === undefined ? {} : { previousQuestion }),
    });
    // Asking the customer to clarify twice in a row helps nobody: a person takes over.
    const outcome: TurnOutcome =
      turn.decision === 'clarify' && (await this.dependencies.conversations.previousDecision(conversationId)) === 'clarify'
        ? { ...turn, decision: 'handoff', reasons: [...turn.reasons, 'repeated_clarification'], handoff: { skill: 'general', priority: 'normal' } }
        : turn;
    const texts = replyTexts[outcome.locale];
    const openedAt = (this.dependencies.clock ?? (() => new Date()))();
    const routing = outcome.handoff ?? { skill: 'general', priority: 'normal' as const };
    const replyBy = outcome.decision === 'handoff' ? describeReplyTime(slaDueAt(routing.priority, openedAt), openedAt, outcome.locale) : undefined;
    const text = replyText(outcome, replyBy);
    const isFirstReply = !(await this.dependencies.conversations.hasBotReplied(conversationId));

    const latencyMs = now() - started;
    const recorded = await this.dependencies.conversations.recordBotReply({
      conversationId,
      channel,
      inboundMessageId: inbound.inboundMessageId,
      text,
      outcome,
      latencyMs,
    });
    if (recorded.alreadyRecorded) {
      // Another run of this turn recorded its reply first: send that one, so the customer reads one answer.
      const winner = await this.dependencies.conversations.findRecordedReply(inbound.inboundMessageId);
      if (winner) await resendRecordedReply(context, winner, target, this.dependencies.cases);
      return;
    }
    this.dependencies.metrics?.recordTurn({ channel, decision: outcome.decision, reasons: outcome.reasons, latencyMs });
    if (outcome.decision === 'handoff') {
      await this.dependencies.cases.open({
        conversationId,
        channel,
        locale: outcome.locale,
        routing,
        reasons: outcome.reasons,
        answerId: recorded.answerId,
      });
    }
    const channelData: ReplyChannelData = {
      decision: outcome.decision,
      citations: outcome.citations,
      ...(isFirstReply ? { disclosure: texts.disclosure } : {}),
    };
    await context.sendActivity({ type: 'message', text, locale: outcome.locale, channelData });
  }
}

/**
 * What the customer reads: quoted sources, one clarifying question, or a
 * handoff notice saying when a person will reply, in their language.
 */
export function replyText(outcome: TurnOutcome, replyBy?: string): string {
  const texts = replyTexts[outcome.locale];
  if (outcome.decision === 'clarify') return outcome.clarifyingQuestion ?? texts.whatDoYouNeed;
  if (outcome.decision === 'handoff') {
    const why = outcome.reasons.includes('unsupported_language')
      ? texts.onlyEnglishAndDutch
      : outcome.reasons.some((reason) => reason === 'restricted_topic' || reason === 'human_requested')
        ? texts.passingToPerson
        : texts.handoff;
    return replyBy === undefined ? why : `${why} ${texts.personWillReply(replyBy)}`;
  }
  const answerText = outcome.sentences.map((sentence) => sentence.text).join(' ');
  return outcome.sourceLocale === outcome.locale ? answerText : `${texts.otherLanguage} ${answerText}`;
}
