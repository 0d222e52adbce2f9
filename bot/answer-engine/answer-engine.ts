import type { Db } from '../../db/db.js';
import { applyCitationGate } from '../../guardrails/output/citation-gate.js';
import { checkFiguresInCitedText } from '../../guardrails/output/figures-in-cited-text.js';
import type { Embedder } from '../../retrieval/embedder.js';
import type { TermStatistics } from '../../retrieval/term-statistics.js';
import { createKnowledgeBaseVersionReader } from '../../retrieval/knowledge-store.js';
import { retrievePassages } from '../../retrieval/retrieve-passages.js';
import { contentTerms } from '../../retrieval/text/normalize-terms.js';
import type { AnswerOutcome, Citation, ReasonCode } from './answer-outcome.js';
import type { Generator } from './generator.js';

export interface AnswerEngineDependencies {
  db: Db;
  embedder: Embedder;
  generator: Generator;
  /** Below this share of the question covered by the best source, a person answers instead. */
  minConfidence?: number;
  /** Passages retrieved per question. */
  passageLimit?: number;
  /** Knowledge-base term statistics for typo correction and BM25 (see `hybridSearch`). */
  termStatistics?: (locale: string) => Promise<TermStatistics>;
}

export interface AnswerEngine {
  answer(question: { text: string; locale: 'en' | 'nl' }): Promise<AnswerOutcome>;
}

/**
 * Computes the answer to one question once, independent of channel:
 * retrieve served passages, draft with the generator, then let the output
 * guardrails decide what (if anything) may reach the customer.
 */
export function createAnswerEngine(dependencies: AnswerEngineDependencies): AnswerEngine {
  const minConfidence = dependencies.minConfidence ?? 0.5;
  const passageLimit = dependencies.passageLimit ?? 12;
  const readKnowledgeBaseVersion = createKnowledgeBaseVersionReader(dependencies.db);
  return {
    async answer({ text, locale }) {
      const kbVersion = await readKnowledgeBaseVersion();
      const generatorId = dependencies.generator.id;
      if (contentTerms(text, locale).length === 0) {
        return handoff({ kbVersion, sourceLocale: locale, generator: generatorId, retrievedChunkIds: [] }, 0, ['unclear_question']);
      }
      const retrieved = await retrievePassages(dependencies.db, dependencies.embedder, {
        query: text,
        locale,
        passageLimit,
        ...(locale === 'en' ? {} : { fallbackLocale: 'en' }),
        ...(dependencies.termStatistics === undefined ? {} : { termStatistics: dependencies.termStatistics }),
      });
      const base = {
        kbVersion,
        sourceLocale: retrieved[0]?.locale ?? locale,
        generator: generatorId,
        retrievedChunkIds: retrieved.map((chunk) => chunk.chunkId),
      };
      if (retrieved.length === 0) return handoff(base, 0, ['no_sources']);

      const draft = await dependencies.generator.generate({
        question: text,
        locale,
        passages: retrieved.map((chunk) => ({ id: chunk.chunkId, title: chunk.title, heading: chunk.heading, text: chunk.text })),
      });
      const reasons: ReasonCode[] = [];
      const cited = applyCitationGate(draft.sentences, new Set(base.retrievedChunkIds));
      if (cited.dropped.length > 0) reasons.push('uncited_sentence_dropped');
      const checked = checkFiguresInCitedText(
        cited.kept,
        new Map(retrieved.map((chunk) => [chunk.chunkId, chunk.text])),
      );
      if (checked.dropped.length > 0) reasons.push('unsupported_figure_dropped');

      const generatorBase = { ...base, generator: draft.generator };
      if (draft.sentences.length === 0) {
        return handoff(generatorBase, draft.confidence, ['not_covered']);
      }
      if (checked.kept.length === 0) return handoff(generatorBase, draft.confidence, [...reasons, 'no_supported_sentence']);
      if (draft.confidence < minConfidence) return handoff(generatorBase, draft.confidence, [...reasons, 'low_confidence']);

      const chunkById = new Map(retrieved.map((chunk) => [chunk.chunkId, chunk]));
      const citations = new Map<string, Citation>();
      for (const sentence of checked.kept) {
        for (const id of sentence.citations) {
          const chunk = chunkById.get(id);
          if (chunk && !citations.has(chunk.articleId)) {
            citations.set(chunk.articleId, { articleId: chunk.articleId, title: chunk.title, url: chunk.url });
          }
        }
      }
      return {
        ...generatorBase,
        decision: 'answer',
        sentences: checked.kept.map((sentence) => ({ text: sentence.text, chunkIds: sentence.citations })),
        citations: [...citations.values()],
        confidence: draft.confidence,
        reasons,
      };
    },
  };
}

function handoff(
  base: Pick<AnswerOutcome, 'kbVersion' | 'sourceLocale' | 'generator' | 'retrievedChunkIds'>,
  confidence: number,
  reasons: ReasonCode[],
): AnswerOutcome {
  return { ...base, decision: 'handoff', sentences: [], citations: [], confidence, reasons };
}
