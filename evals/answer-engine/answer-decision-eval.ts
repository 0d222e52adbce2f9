import type { AnswerEngine } from '../../bot/answer-engine/answer-engine.js';
import type { ReasonCode } from '../../bot/answer-engine/answer-outcome.js';
import { extractFigures } from '../../guardrails/output/figures-in-cited-text.js';
import type { RetrievalQuestion } from '../retrieval/retrieval-set.js';
import type { UnanswerableQuestion } from '../unanswerable/unanswerable-questions.js';

export interface AnswerDecisionReport {
  answerable: {
    questions: number;
    answered: number;
    /** Answered and citing at least one of the expected articles. */
    answeredWithExpectedArticle: number;
    clarified: number;
    handedOff: number;
    handoffReasons: Partial<Record<ReasonCode, number>>;
  };
  unanswerable: {
    questions: number;
    handedOff: number;
    clarified: number;
    /** Questions that got an answer: each one is a failure, listed for inspection. */
    answered: { id: string; question: string; citations: string[] }[];
  };
  /** Delivered figures (numbers, amounts, dates, phone numbers, URLs, emails) absent from the sentence's cited chunks. */
  figuresMissingFromCitedChunks: number;
  deliveredSentences: number;
}

/**
 * Runs the answer engine (retrieval, generator, output guards, confidence) on
 * answerable and unanswerable questions and counts the decisions. Input guards
 * are not in this loop: they route by topic, not by what the articles cover.
 */
export async function runAnswerDecisionEval(
  engine: AnswerEngine,
  chunkText: (chunkId: string) => Promise<string>,
  answerable: readonly RetrievalQuestion[],
  unanswerable: readonly UnanswerableQuestion[],
): Promise<AnswerDecisionReport> {
  const report: AnswerDecisionReport = {
    answerable: { questions: answerable.length, answered: 0, answeredWithExpectedArticle: 0, clarified: 0, handedOff: 0, handoffReasons: {} },
    unanswerable: { questions: unanswerable.length, handedOff: 0, clarified: 0, answered: [] },
    figuresMissingFromCitedChunks: 0,
    deliveredSentences: 0,
  };
  const checkFigures = async (sentences: readonly { text: string; chunkIds: string[] }[]) => {
    for (const sentence of sentences) {
      report.deliveredSentences += 1;
      const cited = new Set((await Promise.all(sentence.chunkIds.map(chunkText))).flatMap((text) => extractFigures(text)));
      report.figuresMissingFromCitedChunks += extractFigures(sentence.text).filter((figure) => !cited.has(figure)).length;
    }
  };

  for (const question of answerable) {
    const outcome = await engine.answer({ question: question.question, locale: question.locale });
    if (outcome.decision === 'answer') {
      report.answerable.answered += 1;
      if (outcome.citations.some((citation) => question.articles.includes(citation.articleId))) report.answerable.answeredWithExpectedArticle += 1;
      await checkFigures(outcome.sentences);
    } else if (outcome.decision === 'clarify') {
      report.answerable.clarified += 1;
    } else {
      report.answerable.handedOff += 1;
      const reason = outcome.reasons.at(-1);
      if (reason) report.answerable.handoffReasons[reason] = (report.answerable.handoffReasons[reason] ?? 0) + 1;
    }
  }
  for (const question of unanswerable) {
    const outcome = await engine.answer({ question: question.question, locale: question.locale });
    if (outcome.decision === 'handoff') report.unanswerable.handedOff += 1;
    else if (outcome.decision === 'clarify') report.unanswerable.clarified += 1;
    else {
      report.unanswerable.answered.push({ id: question.id, question: question.question, citations: outcome.citations.map((citation) => citation.articleId) });
      await checkFigures(outcome.sentences);
    }
  }
  return report;
}
