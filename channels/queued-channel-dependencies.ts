import type { Logger } from 'pino';
import type { AssistantBot } from '../bot/assistant-bot.js';
import type { ConversationStore } from '../bot/conversations/conversation-store.js';
import type { CustomerDirectory } from '../bot/conversations/customer-directory.js';
import type { Db } from '../db/db.js';
import type { OutboxStore } from '../outbox/outbox-store.js';
import type { PendingTurnStore } from './pending-turns/pending-turn-store.js';
import type { TurnRunner } from './turn-runner.js';

/**
 * What every channel that acknowledges first and answers through the outbox
 * (SMS, WhatsApp, email) needs: the store of its messages and customers, the
 * bot, the runner and record of its turns, and the outbox for the reply.
 */
export interface QueuedChannelDependencies {
  db: Db;
  bot: AssistantBot;
  conversations: ConversationStore;
  customers: CustomerDirectory;
  outbox: OutboxStore;
  turns: TurnRunner;
  pendingTurns: Pick<PendingTurnStore, 'add' | 'addIntake' | 'complete' | 'release' | 'unclaim'>;
  defaultLocale: 'en' | 'nl';
  messageMaxChars: number;
  /** Messages a customer may send in a minute before their messages are stored but not answered (one notice says so); 0 or absent: no limit. */
  customerMessagesPerMinute?: number;
  /** Called when something was put in the outbox. */
  onEnqueued?: () => void;
  logger?: Pick<Logger, 'warn' | 'info'>;
  now?: () => Date;
}
