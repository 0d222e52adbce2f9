import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import { Router } from 'express';
import type { Logger } from 'pino';
import type { AssistantBot, InboundChannelData } from '../../bot/assistant-bot.js';
import type { ConversationStore } from '../../bot/conversations/conversation-store.js';
import type { CustomerDirectory } from '../../bot/conversations/customer-directory.js';
import { replyTexts } from '../../bot/reply-texts.js';
import { receiveInboundMessage } from '../receive-inbound-message.js';

export interface BotFrameworkSettings {
  /** Unset: anonymous, for the Bot Framework Emulator and local tests only. */
  appId: string | undefined;
  appPassword: string | undefined;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  tenantId: string | undefined;
}

export interface BotFrameworkRoutesDependencies {
  bot: AssistantBot;
  conversations: ConversationStore;
  customers: CustomerDirectory;
  settings: BotFrameworkSettings;
  defaultLocale: 'en' | 'nl';
  messageMaxChars: number;
  logger?: Pick<Logger, 'warn'>;
}

const channel = 'bot-framework';

/**
 * `POST /api/messages`: Azure Bot Service channels (Teams, Direct Line, Web
 * Chat) through botbuilder's CloudAdapter, which checks the connector's JWT
 * when an app id and password are configured and sends replies back to the
 * connector. Each message is stored (deduplicated on the activity id) before
 * the turn runs, like every other channel.
 */
export function createBotFrameworkRoutes(dependencies: BotFrameworkRoutesDependencies): Router {
  const { settings } = dependencies;
  const authentication = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: settings.appId ?? '',
    MicrosoftAppPassword: settings.appPassword ?? '',
    MicrosoftAppType: settings.appType,
    MicrosoftAppTenantId: settings.tenantId ?? '',
  });
  const adapter = new CloudAdapter(authentication);
  adapter.onTurnError = async (context, error) => {
    dependencies.logger?.warn({ channel, error: error instanceof Error ? error.name : 'Error' }, 'bot framework turn failed');
    await context.sendActivity({ type: 'message', text: 'Sorry, something went wrong. Please try again in a moment.' });
  };

  const router = Router();
  router.post('/api/messages', async (request, response) => {
    await adapter.process(request, response, (context) => runTurn(dependencies, context));
  });
  return router;
}

async function runTurn(dependencies: BotFrameworkRoutesDependencies, context: TurnContext): Promise<void> {
  const { activity } = context;
  // Conversation updates, typing and the like carry no message.
  if (activity.type !== 'message') return;
  const text = (activity.text ?? '').trim().slice(0, dependencies.messageMaxChars);
  const received = await receiveInboundMessage(dependencies, {
    channel,
    identity: { kind: 'bot-framework', address: activity.from.id },
    address: activity.conversation.id,
    providerMessageId: `${activity.conversation.id}:${activity.id ?? text}`,
    text: text === '' ? `[${activity.attachments?.length ?? 0} attachment(s)]` : text,
  });
  // A redelivered activity was answered the first time.
  if (received.duplicate) return;
  const locale = activity.locale?.toLowerCase().startsWith('nl') ? 'nl' : received.conversation.locale;
  if (text === '') {
    await context.sendActivity({ type: 'message', text: replyTexts[locale].onlyText, locale });
    return;
  }
  const channelData: InboundChannelData = { inboundMessageId: received.messageId, locale, conversationId: received.conversation.id, channel };
  activity.channelData = channelData;
  await dependencies.bot.run(context);
}
