import type { Db } from '../../db/db.js';
import { findInjectedPassages } from '../../guardrails/input/prompt-injection/detect-passage-injection.js';
import { applyOutputGuards } from '../../guardrails/output/apply-output-guards.js';
import type { Embedder } from '../../retrieval/embedder.js';
import { createKnowledgeBaseVersionReader } from '../../retrieval/knowledge-store.js';
import type { QueryExpander } from '../../retrieval/query-expansion/query-expander.js';
import { retrievePassages } from '../../retrieval/retrieve-passages.js';
import type { RetrievedChunk } from '../../retrieval/retrieved-chunk.js';
import type { TermStatistics } from '../../retrieval/term-statistics.js';
import { contentTerms, type Locale } from '../../retrieval/text/normalize-terms.js';
import { splitSentences } from '../../retrieval/text/split-sentences.js';
import { replyTexts } from '../reply-texts.js';
import type { AnswerOutcome, Citation, GuardResult, ReasonCode } from './answer-outcome.js';
import { findAmbiguity } from './find-ambiguity.js';
import type { DecisionCache } from './decision-cache.js';
import type { Generator } from './generator.js';
import { questionCoverage } from './question-coverage.js';

/** A sentence with fewer content words is context, not a question of its own. */
const minimumSentenceTerms = 2;

export interface AnswerEngineDependencies {
  db: Db;
  embedder: Embedder;
  generator: Generator;
  /** Without it every question is decided afresh. */
  decisionCache?: DecisionCache;
  /** Below this confidence (question coverage × sentence support) a person answers instead. */
  minConfidence?: number;
  /** Below this share of its words found in its cited chunk, a sentence is dropped. */
  minSupport?: number;
  /** Passages retrieved per question. */
  passageLimit?: number;
  /** Knowledge-base term statistics for typo correction and BM25 (see `hybridSearch`). */
  termStatistics?: (locale: string) => Promise<TermStatistics>;
  /** Customer phrases to the articles' words (knowledge/synonyms.yaml). */
  expandQuery?: QueryExpander;
  /** Texts a generator must never repeat (its instructions). */
  promptTexts?: readonly string[];
}

export interface AnswerRequest {
  /** A standalone question, personal data already redacted. */
  question: string;
  locale: Locale;
}

export interface AnswerEngine {
  /** The decision for one standalone question: the same for every channel while the knowledge base is unchanged. */
  answer(request: AnswerRequest): Promise<AnswerOutcome & { fromCache: boolean }>;
  /** The version of what is served now, recorded with decisions taken before retrieval. */
  knowledgeBaseVersion(): Promise<string>;
}

/**
 * Decides one question once, independent of channel: retrieve served
 * passages, drop any carrying instructions, draft with the generator, then let
 * the output guardrails decide what (if anything) may reach the customer.
 */
export function createAnswerEngine(dependencies: AnswerEngineDependencies): AnswerEngine {
  const readKnowledgeBaseVersion = createKnowledgeBaseVersionReader(dependencies.db);
  return {
    knowledgeBaseVersion: readKnowledgeBaseVersion,
    async answer(request) {
      const kbVersion = await readKnowledgeBaseVersion();
      const key = { question: request.question, locale: request.locale, kbVersion };
      const cached = await dependencies.decisionCache?.get(key);
      if (cached) return { ...cached, fromCache: true };
      const outcome = await decide(dependencies, request, kbVersion);
      const kept = dependencies.decisionCache ? await dependencies.decisionCache.put(key, outcome) : outcome;
      return { ...kept, fromCache: false };
    },
  };
}

async function decide(dependencies: AnswerEngineDependencies, request: AnswerRequest, kbVersion: string): Promise<AnswerOutcome> {
  const { question, locale } = request;
  const searchText = dependencies.expandQuery ? dependencies.expandQuery(question, locale) : question;
  const empty = { kbVersion, sourceLocale: locale, generator: dependencies.generator.id, retrieved: [], guards: [] };
  if (contentTerms(question, locale).length === 0) {
    return { ...empty, decision: 'clarify', clarifyingQuestion: replyTexts[locale].whatDoYouNeed, sentences: [], citations: [], confidence: 0, reasons: ['unclear_question'] };
  }

  const found = await retrievePassages(dependencies.db, dependencies.embedder, {
    query: question,
    locale,
    passageLimit: dependencies.passageLimit ?? 12,
    ...(locale === 'en' ? {} : { fallbackLocale: 'en' }),
    ...(dependencies.termStatistics === undefined ? {} : { termStatistics: dependencies.termStatistics }),
    ...(dependencies.expandQuery === undefined ? {} : { expandQuery: dependencies.expandQuery }),
  });
  const screened = findInjectedPassages(found.map((chunk) => ({ ...chunk, id: chunk.chunkId })));
  const retrieved: RetrievedChunk[] = screened.clean;
  const reasons: ReasonCode[] = [];
  const guards: GuardResult[] = [
    screened.flagged.length === 0
      ? { guard: 'passage_injection', verdict: 'pass' }
      : {
          guard: 'passage_injection',
          verdict: 'flag',
          details: { chunkIds: screened.flagged.map((entry) => entry.passage.chunkId), signals: [...new Set(screened.flagged.flatMap((entry) => entry.signals))] },
        },
  ];
  if (screened.flagged.length > 0) reasons.push('passage_injection_dropped');
  const base = {
    kbVersion,
    sourceLocale: retrieved[0]?.locale ?? locale,
    generator: dependencies.generator.id,
    retrieved: found.map(toRecord),
    guards,
  };
  const handoff = (confidence: number, more: ReasonCode[]): AnswerOutcome => ({
    ...base,
    decision: 'handoff',
    sentences: [],
    citations: [],
    confidence,
    reasons: [...reasons, ...more],
  });
  if (retrieved.length === 0) return handoff(0, ['no_sources']);

  const ambiguity = findAmbiguity(question, locale, retrieved);
  if (ambiguity) {
    return {
      ...base,
      decision: 'clarify',
      clarifyingQuestion: replyTexts[locale].whichOfThese(ambiguity.titles),
      sentences: [],
      citations: [],
      confidence: 0,
      reasons: [...reasons, 'ambiguous_question'],
    };
  }

  const draft = await dependencies.generator.generate({
    question,
    searchText,
    locale,
    passages: retrieved.map((chunk) => ({ id: chunk.chunkId, title: chunk.title, heading: chunk.heading, text: chunk.text })),
  });
  base.generator = draft.generator;
  if (draft.fallbackFrom) {
    reasons.push('generator_fallback');
    guards.push({ guard: 'generator', verdict: 'flag', details: { failed: draft.fallbackFrom.generator, error: draft.fallbackFrom.error } });
  }
  if (draft.sentences.length === 0) return handoff(0, ['not_covered']);

  const checked = applyOutputGuards(draft.sentences, retrieved, {
    locale: retrieved[0]?.locale === 'nl' ? 'nl' : 'en',
    promptTexts: dependencies.promptTexts ?? [],
    ...(dependencies.minSupport === undefined ? {} : { minSupport: dependencies.minSupport }),
  });
  guards.push(...checked.guards);
  reasons.push(...checked.reasons);
  if (checked.kept.length === 0) return handoff(0, ['no_supported_sentence']);

  const chunkById = new Map(retrieved.map((chunk) => [chunk.chunkId, chunk]));
  const citedChunks = [...new Set(checked.kept.flatMap((sentence) => sentence.citations))].flatMap((id) => chunkById.get(id) ?? []);
  const meanSupport = checked.kept.reduce((sum, sentence) => sum + sentence.support, 0) / checked.kept.length;
  const statistics = await dependencies.termStatistics?.(citedChunks[0]?.locale ?? locale);
  // The whole cited articles as retrieved: a question's detail is often answered a paragraph away.
  const citedArticles = new Set(citedChunks.map((chunk) => chunk.articleId));
  const articleChunks = retrieved.filter((chunk) => citedArticles.has(chunk.articleId));
  const coverageOf = (text: string) => {
    const expanded = dependencies.expandQuery ? dependencies.expandQuery(text, locale) : text;
    return questionCoverage(statistics ? statistics.correctMisspellings(expanded) : expanded, locale, articleChunks, statistics);
  };
  // A message may carry context around its question ("My card is [card]. How long does a transfer take?"):
  // the best-covered sentence that says something counts as much as the whole.
  const sentences = splitSentences(question).filter((sentence) => contentTerms(sentence, locale).length >= minimumSentenceTerms);
  const coverage = Math.max(coverageOf(question), ...(sentences.length > 1 ? sentences.map(coverageOf) : []));
  const confidence = round(coverage * meanSupport);
  if (confidence < (dependencies.minConfidence ?? 0.5)) return handoff(confidence, ['low_confidence']);

  const citations = new Map<string, Citation>();
  for (const chunk of citedChunks) {
    if (!citations.has(chunk.articleId)) citations.set(chunk.articleId, { articleId: chunk.articleId, title: chunk.title, url: chunk.url });
  }
  return {
    ...base,
    sourceLocale: citedChunks[0]?.locale ?? base.sourceLocale,
    decision: 'answer',
    sentences: checked.kept.map((sentence) => ({ text: sentence.text, chunkIds: sentence.citations, support: round(sentence.support) })),
    citations: [...citations.values()],
    confidence,
    reasons,
  };
}

function toRecord(chunk: RetrievedChunk) {
  return {
    chunkId: chunk.chunkId,
    articleId: chunk.articleId,
    score: round(chunk.score),
    vectorSimilarity: round(chunk.vectorSimilarity),
    textRank: round(chunk.textRank),
    bm25: round(chunk.bm25),
  };
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
