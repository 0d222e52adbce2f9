import type { TurnContext } from 'botbuilder';
import type { CaseStore } from '../handoff/case-store.js';
import type { ReplyChannelData } from './assistant-bot.js';
import type { RecordedReply } from './conversations/conversation-store.js';
import { replyTexts } from './reply-texts.js';

export interface ResendTarget {
  conversationId: string;
  channel: string;
  /** The inbound message's locale, which a notice was written in. */
  locale: 'en' | 'nl';
}

/**
 * Sends again, through the turn's adapter, what an earlier run of the same
 * turn recorded, exactly as that run would have sent it (disclosure on the
 * conversation's first bot message included), and opens the case a recorded
 * handoff owes if that run stopped before opening it. The adapters key the
 * outbox by inbound message, so a reply the earlier run already enqueued is
 * not enqueued twice.
 */
export async function resendRecordedReply(context: TurnContext, recorded: RecordedReply, target: ResendTarget, cases: CaseStore): Promise<void> {
  if (recorded.kind === 'notice') {
    await context.sendActivity({ type: 'message', text: recorded.text, locale: target.locale, channelData: { decision: 'answer', citations: [] } });
    return;
  }
  if (recorded.decision === 'handoff' && !(await cases.existsForAnswer(recorded.answerId))) {
    await cases.open({
      conversationId: target.conversationId,
      channel: target.channel,
      locale: recorded.locale,
      routing: recorded.handoff ?? { skill: 'general', priority: 'normal' },
      reasons: recorded.reasons,
      answerId: recorded.answerId,
    });
  }
  const channelData: ReplyChannelData = {
    decision: recorded.decision,
    citations: recorded.citations,
    ...(recorded.first ? { disclosure: replyTexts[recorded.locale].disclosure } : {}),
  };
  await context.sendActivity({ type: 'message', text: recorded.text, locale: recorded.locale, channelData });
}
