import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Logger } from 'pino';

export interface BotFrameworkSettings {
  /** Unset: anonymous, for the Bot Framework Emulator and local tests only. */
  appId: string | undefined;
  appPassword: string | undefined;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  tenantId: string | undefined;
}

/**
 * One CloudAdapter for the app: it checks the connector's JWT on inbound
 * activities (when an app id and password are configured) and authenticates
 * what the bot sends, in a turn or later (a person's reply).
 */
export function createBotFrameworkAdapter(settings: BotFrameworkSettings, logger?: Pick<Logger, 'warn'>): CloudAdapter {
  const authentication = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: settings.appId ?? '',
    MicrosoftAppPassword: settings.appPassword ?? '',
    MicrosoftAppType: settings.appType,
    MicrosoftAppTenantId: settings.tenantId ?? '',
  });
  const adapter = new CloudAdapter(authentication);
  adapter.onTurnError = async (context, error) => {
    logger?.warn({ channel: 'bot-framework', error: error instanceof Error ? error.name : 'Error' }, 'bot framework turn failed');
    await context.sendActivity({ type: 'message', text: 'Sorry, something went wrong. Please try again in a moment.' });
  };
  return adapter;
}
