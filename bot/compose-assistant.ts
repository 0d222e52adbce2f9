import type { Logger } from 'pino';
import type { Db } from '../db/db.js';
import { createCaseStore, type CaseStore } from '../handoff/case-store.js';
import { createOutboxStore, defaultRetryPolicy, type OutboxStore } from '../outbox/outbox-store.js';
import { readTopicPolicy } from '../guardrails/input/topics/load-topic-policy.js';
import type { Embedder } from '../retrieval/embedder.js';
import { createLocalHashEmbedder } from '../retrieval/local-hash-embedder.js';
import { createQueryExpander } from '../retrieval/query-expansion/query-expander.js';
import { readSynonymLexicon } from '../retrieval/query-expansion/synonym-lexicon.js';
import { createTermStatisticsCache } from '../retrieval/term-statistics-cache.js';
import { preloadGeneralVocabulary } from '../retrieval/text/general-vocabulary.js';
import { createAnswerEngine, type AnswerEngine } from './answer-engine/answer-engine.js';
import { createAnswerTurn, type AnswerTurn } from './answer-engine/answer-turn.js';
import { createDecisionCache } from './answer-engine/decision-cache.js';
import { createExtractiveGenerator } from './answer-engine/extractive-generator.js';
import { createHeuristicRewriter } from './answer-engine/follow-up-rewriter.js';
import { generationSystemPrompt } from './answer-engine/generation-prompt.js';
import type { Generator } from './answer-engine/generator.js';
import { createGeneratorWithFallback } from './answer-engine/generator-with-fallback.js';
import { createOpenAiChatGenerator } from './answer-engine/openai-chat-generator.js';
import { AssistantBot } from './assistant-bot.js';
import type { Config } from './config.js';
import { createConversationStore } from './conversations/conversation-store.js';
import { createCustomerDirectory, type CustomerDirectory } from './conversations/customer-directory.js';
import { createServiceMetrics, type ServiceMetrics } from './observability/service-metrics.js';

export interface AssistantParts {
  embedder: Embedder;
  generator: Generator;
  conversations: ReturnType<typeof createConversationStore>;
  customers: CustomerDirectory;
  outbox: OutboxStore;
  cases: CaseStore;
  engine: AnswerEngine;
  answerTurn: AnswerTurn;
  bot: AssistantBot;
  /** Prometheus metrics of this app (served at /metrics). */
  metrics: ServiceMetrics;
}

export type AssistantSettings = Pick<
  Config,
  'generation' | 'answerMinConfidence' | 'supportMinScore' | 'topicPolicyFile' | 'synonymsFile' | 'outbox'
>;

export interface ComposeOptions {
  settings: AssistantSettings;
  embedder?: Embedder;
  /** Replaces the generator the settings choose (tests). */
  generator?: Generator;
  logger?: Pick<Logger, 'warn'>;
}

/** Wires the answering core on a database from the settings; the embedded defaults unless others are chosen. */
export async function composeAssistant(db: Db, options: ComposeOptions): Promise<AssistantParts> {
  const { settings } = options;
  const embedder = options.embedder ?? createLocalHashEmbedder();
  const metrics = createServiceMetrics({ db });
  const generator = options.generator ?? createGenerator(settings.generation, metrics, options.logger);
  preloadGeneralVocabulary();
  const [lexicon, topicPolicy] = await Promise.all([readSynonymLexicon(settings.synonymsFile), readTopicPolicy(settings.topicPolicyFile)]);
  const conversations = createConversationStore(db);
  const customers = createCustomerDirectory(db);
  const outbox = createOutboxStore(db, { ...defaultRetryPolicy, maxAttempts: settings.outbox.maxAttempts });
  const engine = createAnswerEngine({
    db,
    embedder,
    generator,
    decisionCache: createDecisionCache(db),
    termStatistics: createTermStatisticsCache(db),
    expandQuery: createQueryExpander(lexicon),
    minConfidence: settings.answerMinConfidence,
    minSupport: settings.supportMinScore,
    promptTexts: [generationSystemPrompt],
  });
  const answerTurn = createAnswerTurn({ engine, rewriter: createHeuristicRewriter(), topicPolicy });
  const cases = createCaseStore(db);
  const bot = new AssistantBot({ answerTurn, conversations, cases, metrics });
  return { embedder, generator, conversations, customers, outbox, cases, engine, answerTurn, bot, metrics };
}

function createGenerator(
  generation: AssistantSettings['generation'],
  metrics: Pick<ServiceMetrics, 'recordGeneratorFailure'>,
  logger: Pick<Logger, 'warn'> | undefined,
): Generator {
  const extractive = createExtractiveGenerator();
  if (generation.provider === 'extractive') return extractive;
  const attempts = generation.maxRetries + 1;
  const primary = createOpenAiChatGenerator({
    // Both given explicitly: left undefined, the SDK would read its own environment variables.
    baseUrl: generation.baseUrl ?? 'https://api.openai.com/v1',
    apiKey: generation.apiKey ?? 'not-needed',
    model: generation.model,
    timeoutMs: Math.max(100, Math.floor(generation.timeoutMs / attempts)),
    maxRetries: generation.maxRetries,
    responseFormat: generation.responseFormat,
  });
  return createGeneratorWithFallback({
    primary,
    fallback: extractive,
    timeoutMs: generation.timeoutMs,
    metrics,
    ...(logger ? { logger } : {}),
  });
}
