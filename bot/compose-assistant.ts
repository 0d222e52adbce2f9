import type { Db } from '../db/db.js';
import type { Embedder } from '../retrieval/embedder.js';
import { createLocalHashEmbedder } from '../retrieval/local-hash-embedder.js';
import { createTermStatisticsCache } from '../retrieval/term-statistics-cache.js';
import { createAnswerEngine } from './answer-engine/answer-engine.js';
import { createExtractiveGenerator } from './answer-engine/extractive-generator.js';
import type { Generator } from './answer-engine/generator.js';
import { AssistantBot } from './assistant-bot.js';
import { createConversationStore } from './conversations/conversation-store.js';

export interface AssistantParts {
  embedder: Embedder;
  generator: Generator;
  conversations: ReturnType<typeof createConversationStore>;
  bot: AssistantBot;
}

/** Wires the answering core on a database; the embedded defaults unless others are given. */
export function composeAssistant(db: Db, overrides: Partial<Pick<AssistantParts, 'embedder' | 'generator'>> = {}): AssistantParts {
  const embedder = overrides.embedder ?? createLocalHashEmbedder();
  const generator = overrides.generator ?? createExtractiveGenerator();
  const conversations = createConversationStore(db);
  const answerEngine = createAnswerEngine({ db, embedder, generator, termStatistics: createTermStatisticsCache(db) });
  const bot = new AssistantBot({ answerEngine, conversations });
  return { embedder, generator, conversations, bot };
}
