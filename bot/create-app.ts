import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import { createBotFrameworkRoutes } from '../channels/bot-framework/bot-framework-routes.js';
import { createWebChatRoutes } from '../channels/web-chat/web-chat-routes.js';
import type { Db } from '../db/db.js';
import type { AssistantBot } from './assistant-bot.js';
import type { Config } from './config.js';
import type { ConversationStore } from './conversations/conversation-store.js';
import type { CustomerDirectory } from './conversations/customer-directory.js';
import { createCurationRoutes } from './http/curation-routes.js';
import { createErrorHandler } from './http/error-handler.js';
import { createHealthRoutes } from './http/health-routes.js';
import { requestContext } from './http/request-context.js';

export interface AppDependencies {
  config: Pick<Config, 'bodyLimitBytes' | 'messageMaxChars' | 'defaultLocale' | 'curationApiToken' | 'botFramework'>;
  db: Db;
  logger: Logger;
  bot: AssistantBot;
  conversations: ConversationStore;
  customers: CustomerDirectory;
}

const webDirectory = fileURLToPath(new URL('../web/', import.meta.url));

/** The whole HTTP surface as a value; only `server.ts` listens. */
export function createApp(dependencies: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(requestContext(dependencies.logger));
  app.use(express.json({ limit: dependencies.config.bodyLimitBytes, strict: true }));

  app.use(createHealthRoutes(dependencies.db));
  app.use(
    createWebChatRoutes({
      bot: dependencies.bot,
      conversations: dependencies.conversations,
      messageMaxChars: dependencies.config.messageMaxChars,
      defaultLocale: dependencies.config.defaultLocale,
    }),
  );
  app.use(
    createBotFrameworkRoutes({
      bot: dependencies.bot,
      conversations: dependencies.conversations,
      customers: dependencies.customers,
      settings: dependencies.config.botFramework,
      defaultLocale: dependencies.config.defaultLocale,
      messageMaxChars: dependencies.config.messageMaxChars,
      logger: dependencies.logger,
    }),
  );
  app.use(createCurationRoutes({ db: dependencies.db, token: dependencies.config.curationApiToken }));
  app.use(express.static(webDirectory, { index: 'index.html', maxAge: '5m' }));

  app.use((request, response) => {
    response.status(404).json({ error: { code: 'not_found', message: `No route for ${request.method} ${request.path}` } });
  });
  app.use(createErrorHandler(dependencies.logger));
  return app;
}
