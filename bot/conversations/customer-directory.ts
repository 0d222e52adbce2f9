import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/db.js';

/** How a customer is reached: the same phone number on SMS and WhatsApp is one identity. */
export type IdentityKind = 'phone' | 'email' | 'web' | 'bot-framework';

export interface CustomerIdentity {
  kind: IdentityKind;
  /** E.164 phone number, lower-case email address, or a channel's own user id. */
  address: string;
}

/**
 * One customer record per person, with every channel identity linked to it,
 * so a conversation on WhatsApp and one on SMS from the same number share a
 * customer and one timeline.
 */
export function createCustomerDirectory(db: Db, newId: () => string = randomUUID) {
  return {
    /** The customer behind an identity, created on first contact. Concurrent first contacts agree on one. */
    async resolve(identity: CustomerIdentity): Promise<string> {
      const address = normaliseAddress(identity);
      const [existing] = await db.query<{ customer_id: string }>(
        'SELECT customer_id FROM customer_identities WHERE kind = $1 AND address = $2',
        [identity.kind, address],
      );
      if (existing) return existing.customer_id;
      return db.transaction(async (transaction) => {
        const customerId = newId();
        await transaction.query('INSERT INTO customers (id) VALUES ($1)', [customerId]);
        const [linked] = await transaction.query<{ customer_id: string }>(
          `INSERT INTO customer_identities (kind, address, customer_id, verified) VALUES ($1, $2, $3, $4)
           ON CONFLICT (kind, address) DO UPDATE SET kind = EXCLUDED.kind
           RETURNING customer_id`,
          [identity.kind, address, customerId, identity.kind === 'phone'],
        );
        return linked?.customer_id ?? customerId;
      });
    },

    /**
     * Links a verified identity (an email address the customer confirmed) to an
     * existing customer; the conversations already held under that address move
     * with it, so the customer has one timeline.
     */
    async link(customerId: string, identity: CustomerIdentity): Promise<void> {
      const address = normaliseAddress(identity);
      await db.transaction(async (transaction) => {
        const [previous] = await transaction.query<{ customer_id: string }>(
          'SELECT customer_id FROM customer_identities WHERE kind = $1 AND address = $2',
          [identity.kind, address],
        );
        await transaction.query(
          `INSERT INTO customer_identities (kind, address, customer_id, verified) VALUES ($1, $2, $3, true)
           ON CONFLICT (kind, address) DO UPDATE SET customer_id = EXCLUDED.customer_id, verified = true`,
          [identity.kind, address, customerId],
        );
        if (previous && previous.customer_id !== customerId) {
          await transaction.query('UPDATE conversations SET customer_id = $1 WHERE customer_id = $2 AND address = $3', [
            customerId,
            previous.customer_id,
            address,
          ]);
        }
      });
    },

    async exists(customerId: string): Promise<boolean> {
      const [row] = await db.query<{ found: boolean }>('SELECT EXISTS (SELECT 1 FROM customers WHERE id = $1) AS found', [customerId]);
      return row?.found === true;
    },

    /** Every message of every conversation of the customer, oldest first: one timeline across channels. */
    async timeline(customerId: string): Promise<{ conversationId: string; channel: string; direction: string; author: string; text: string; at: string }[]> {
      const rows = await db.query<{ conversation_id: string; channel: string; direction: string; author_type: string; text: string; created_at: Date | string }>(
        `SELECT m.conversation_id, m.channel, m.direction, m.author_type, m.text, m.created_at
         FROM messages m JOIN conversations c ON c.id = m.conversation_id
         WHERE c.customer_id = $1
         ORDER BY m.created_at, m.id`,
        [customerId],
      );
      return rows.map((row) => ({
        conversationId: row.conversation_id,
        channel: row.channel,
        direction: row.direction,
        author: row.author_type,
        text: row.text,
        at: new Date(row.created_at).toISOString(),
      }));
    },
  };
}

export type CustomerDirectory = ReturnType<typeof createCustomerDirectory>;

function normaliseAddress(identity: CustomerIdentity): string {
  const trimmed = identity.address.trim();
  return identity.kind === 'email' ? trimmed.toLowerCase() : trimmed;
}
