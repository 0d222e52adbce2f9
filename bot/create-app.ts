import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import { createBotFrameworkRoutes } from '../channels/bot-framework/bot-framework-routes.js';
import { createEmailRoutes } from '../channels/email/email-routes.js';
import { createTwilioRoutes } from '../channels/twilio/twilio-routes.js';
import { createWebChatRoutes } from '../channels/web-chat/web-chat-routes.js';
import type { Db } from '../db/db.js';
import { createConsoleApi } from '../console/index.js';
import { createCaseRoutes } from '../handoff/case-routes.js';
import { createExpertReplies } from '../handoff/expert-replies.js';
import { createKnowledgeDrafts } from '../handoff/knowledge-drafts.js';
import { createKnowledgeGaps, createKnowledgeHealth, createKnowledgeInsightRoutes } from '../insight/knowledge/index.js';
import { createInsightRoutes } from '../insight/insight-routes.js';
import { createOutboxRoutes } from '../outbox/outbox-routes.js';
import type { AssistantParts } from './compose-assistant.js';
import type { ChannelParts } from './compose-channels.js';
import type { Config } from './config.js';
import { createConsoleStaticRoutes } from './http/console-static-routes.js';
import { createCurationRoutes } from './http/curation-routes.js';
import { clientRateLimit } from './http/client-rate-limit.js';
import { createCustomerRoutes } from './http/customer-routes.js';
import { createErrorHandler } from './http/error-handler.js';
import { createHealthRoutes } from './http/health-routes.js';
import { createMetricsRoutes } from './http/metrics-routes.js';
import { countForegroundRequests } from './http/count-foreground-requests.js';
import { requestContext } from './http/request-context.js';

export interface AppDependencies {
  config: Pick<
    Config,
    | 'bodyLimitBytes'
    | 'messageMaxChars'
    | 'rateLimits'
    | 'defaultLocale'
    | 'curationApiToken'
    | 'operationsApiToken'
    | 'botFramework'
    | 'webChat'
    | 'twilio'
    | 'email'
    | 'publicBaseUrl'
    | 'helpCentreUrl'
    | 'answerMinConfidence'
  >;
  db: Db;
  logger: Logger;
  /** The answering core and its stores (`composeAssistant`). */
  assistant: Pick<AssistantParts, 'embedder' | 'bot' | 'conversations' | 'customers' | 'outbox' | 'cases' | 'metrics'>;
  channels: Pick<ChannelParts, 'events' | 'turns' | 'twilio' | 'worker' | 'webChatTokenSecret' | 'email' | 'emailAddresses' | 'botFrameworkAdapter'>;
  /** How often open web-chat event streams get a keep-alive (tests shorten it). */
  webChatHeartbeatMs?: number;
}

const webDirectory = fileURLToPath(new URL('../web/', import.meta.url));

/** The whole HTTP surface as a value; only `server.ts` listens. */
export function createApp(dependencies: AppDependencies): Express {
  const { assistant } = dependencies;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  const { config, channels } = dependencies;
  app.use(countForegroundRequests());
  app.use(requestContext(dependencies.logger));
  // First: the busiest route (a webhook per customer message) skips every router below.
  app.use(
    createTwilioRoutes({
      inbound: channels.twilio,
      outbox: assistant.outbox,
      settings: config.twilio,
      publicBaseUrl: config.publicBaseUrl,
      bodyLimitBytes: config.bodyLimitBytes,
    }),
  );
  app.use(express.json({ limit: dependencies.config.bodyLimitBytes, strict: true }));

  app.use(createHealthRoutes(dependencies.db));
  app.use(createMetricsRoutes({ metrics: dependencies.assistant.metrics, token: dependencies.config.operationsApiToken }));
  app.use('/api/web-chat', clientRateLimit({ perMinute: config.rateLimits.clientRequestsPerMinute }));
  app.use(
    createWebChatRoutes({
      bot: assistant.bot,
      conversations: assistant.conversations,
      db: dependencies.db,
      events: channels.events,
      tokenSecret: channels.webChatTokenSecret,
      allowedOrigins: config.webChat.allowedOrigins,
      messageMaxChars: config.messageMaxChars,
      customerMessagesPerMinute: config.rateLimits.customerMessagesPerMinute,
      defaultLocale: config.defaultLocale,
      ...(dependencies.webChatHeartbeatMs === undefined ? {} : { heartbeatMs: dependencies.webChatHeartbeatMs }),
    }),
  );
  app.use(
    createEmailRoutes({
      channel: channels.email,
      token: config.email.inboundWebhookToken,
      ownAddresses: channels.emailAddresses,
      maxMessageBytes: config.email.maxMessageBytes,
      maxAttachmentBytes: config.email.maxAttachmentBytes,
    }),
  );
  app.use(
    createBotFrameworkRoutes({
      bot: assistant.bot,
      conversations: assistant.conversations,
      customers: assistant.customers,
      adapter: channels.botFrameworkAdapter,
      db: dependencies.db,
      defaultLocale: dependencies.config.defaultLocale,
      messageMaxChars: dependencies.config.messageMaxChars,
    }),
  );
  const replies = createExpertReplies({
    db: dependencies.db,
    conversations: assistant.conversations,
    outbox: assistant.outbox,
    events: channels.events,
    smsMaxSegments: config.twilio.smsMaxSegments,
    whatsAppTemplate: config.twilio.whatsAppTemplate,
    emailFrom: config.email.from,
    onEnqueued: () => channels.worker.wake(),
  });
  const drafts = createKnowledgeDrafts({
    db: dependencies.db,
    embedder: assistant.embedder,
    articleBaseUrl: config.helpCentreUrl ?? `${config.publicBaseUrl}/help`,
  });
  // Staff sessions first: every operations API below accepts a console session as well as its bearer token.
  const consoleApi = createConsoleApi({ db: dependencies.db, publicBaseUrl: config.publicBaseUrl });
  app.use(consoleApi.sessionResolver);
  app.use(consoleApi.routes);
  app.use(createCaseRoutes({ cases: assistant.cases, replies, drafts, token: config.operationsApiToken }));
  app.use(createOutboxRoutes({ outbox: assistant.outbox, token: dependencies.config.operationsApiToken }));
  app.use(createCustomerRoutes({ customers: assistant.customers, cases: assistant.cases, token: dependencies.config.operationsApiToken }));
  app.use(createCurationRoutes({ db: dependencies.db, embedder: assistant.embedder, token: dependencies.config.curationApiToken }));
  // Before any other /api/insight router, so its access rule (curators too) decides for these paths.
  app.use(
    createKnowledgeInsightRoutes({
      gaps: createKnowledgeGaps({
        db: dependencies.db,
        embedder: assistant.embedder,
        lowConfidenceBelow: config.answerMinConfidence,
        articleBaseUrl: config.helpCentreUrl ?? `${config.publicBaseUrl}/help`,
      }),
      health: createKnowledgeHealth({ db: dependencies.db, embedder: assistant.embedder }),
      token: config.operationsApiToken,
    }),
  );
  app.use(createInsightRoutes({ db: dependencies.db, token: config.operationsApiToken }));
  app.use(createConsoleStaticRoutes());
  app.use(express.static(webDirectory, { index: 'index.html', maxAge: '5m' }));

  app.use((request, response) => {
    response.status(404).json({ error: { code: 'not_found', message: `No route for ${request.method} ${request.path}` } });
  });
  app.use(createErrorHandler(dependencies.logger));
  return app;
}
