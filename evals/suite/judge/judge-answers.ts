import type { CaseResult } from '../case-result.js';
import type { EvalChannel } from '../eval-channel.js';
import { mean } from '../metrics/eval-metrics.js';
import { runWithConcurrency } from '../run/run-with-concurrency.js';
import type { JudgeVerdict, LlmJudge } from './llm-judge.js';

export type CaseJudgement = ({ judged: true } & JudgeVerdict) | { judged: false; error: string };

export interface JudgeSummary {
  model: string;
  /** The channel whose delivered answers were judged. */
  channel: EvalChannel;
  /** Answered cases on that channel. */
  answered: number;
  judged: number;
  /** Cases the judge could not score (unreachable, or a reply not in the verdict shape). */
  failed: number;
  judgeFaithfulness: number | null;
  judgeRelevance: number | null;
  byCase: Record<string, CaseJudgement>;
}

/**
 * Asks the judge about every case answered on `channel` (the reference
 * channel: its text is the full answer), a few at a time. A failed judgement
 * is recorded with its reason and left out of the means; it never stops the run.
 */
export async function judgeAnswers(cases: readonly CaseResult[], channel: EvalChannel, judge: LlmJudge, concurrency = 4): Promise<JudgeSummary> {
  const answered = cases.flatMap((item) => {
    const result = item.channels.find((candidate) => candidate.channel === channel);
    if (result?.delivered?.decision !== 'answer') return [];
    const cited = [...new Set(result.recorded?.sentences.flatMap((sentence) => sentence.chunkIds) ?? [])];
    return [
      {
        id: item.evalCase.id,
        input: {
          question: item.evalCase.turns.slice(0, result.turnsSent).map((turn) => turn.text),
          answer: result.delivered.text,
          sources: cited.map((chunkId) => result.recorded?.chunkTexts[chunkId] ?? '').filter((text) => text !== ''),
        },
      },
    ];
  });
  const judgements = await runWithConcurrency(answered, concurrency, async ({ input }): Promise<CaseJudgement> => {
    try {
      return { judged: true, ...(await judge.judge(input)) };
    } catch (error) {
      return { judged: false, error: error instanceof Error ? error.message : String(error) };
    }
  });
  const verdicts = judgements.filter((judgement): judgement is Extract<CaseJudgement, { judged: true }> => judgement.judged);
  return {
    model: judge.model,
    channel,
    answered: answered.length,
    judged: verdicts.length,
    failed: answered.length - verdicts.length,
    judgeFaithfulness: mean(verdicts.map((verdict) => verdict.faithfulness)),
    judgeRelevance: mean(verdicts.map((verdict) => verdict.relevance)),
    byCase: Object.fromEntries(answered.map(({ id }, index) => [id, judgements[index] as CaseJudgement])),
  };
}
