import type { ConversationReference } from 'botbuilder';
import type { Queryable } from '../../db/db.js';

/** The parts of a conversation reference a proactive message needs. */
export type StoredConversationReference = Pick<ConversationReference, 'serviceUrl' | 'channelId' | 'conversation' | 'bot' | 'user'> & {
  locale?: string;
};

/** Keeps the latest reference of a Bot Framework conversation (the connector may move it to another service URL). */
export async function saveConversationReference(db: Queryable, conversationId: string, reference: Partial<ConversationReference>): Promise<void> {
  const stored: Partial<StoredConversationReference> = {
    serviceUrl: reference.serviceUrl,
    channelId: reference.channelId,
    conversation: reference.conversation,
    bot: reference.bot,
    user: reference.user,
    ...(reference.locale ? { locale: reference.locale } : {}),
  };
  await db.query(
    `INSERT INTO bot_framework_references (conversation_id, reference) VALUES ($1, $2)
     ON CONFLICT (conversation_id) DO UPDATE SET reference = EXCLUDED.reference, updated_at = now()`,
    [conversationId, JSON.stringify(stored)],
  );
}

export async function readConversationReference(db: Queryable, conversationId: string): Promise<StoredConversationReference | undefined> {
  const [row] = await db.query<{ reference: StoredConversationReference }>(
    'SELECT reference FROM bot_framework_references WHERE conversation_id = $1',
    [conversationId],
  );
  return row?.reference;
}
