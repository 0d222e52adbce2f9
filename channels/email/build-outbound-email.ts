import { createHash, randomUUID } from 'node:crypto';
import addressparser from 'nodemailer/lib/addressparser';
import { z } from 'zod';
import type { InboundEmail } from './inbound-email.js';
import type { RenderedEmail } from './render-email.js';

/**
 * The message the email sender hands to nodemailer. Plain JSON, so the outbox
 * can store it as the delivery's payload; the sender validates it with
 * {@link outboundEmailMessageSchema} when it reads it back.
 */
export const outboundEmailMessageSchema = z.object({
  from: z.string().min(1),
  to: z.string().min(3),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  messageId: z.string().regex(/^<[^<>\s]+@[^<>\s]+>$/),
  inReplyTo: z.string().optional(),
  references: z.array(z.string()),
  headers: z.record(z.string(), z.string()),
});
export type OutboundEmailMessage = z.infer<typeof outboundEmailMessageSchema>;

export interface BuildOutboundEmailInput {
  /** Our sender, as configured (`EMAIL_FROM`), e.g. `Lumen Bank <help@lumenbank.example>`; its domain names our Message-IDs. */
  from: string;
  /** The customer's address. */
  to: string;
  rendered: Pick<RenderedEmail, 'subject' | 'text' | 'html'>;
  /** The message we answer; without one the mail starts a new thread. */
  inbound?: Pick<InboundEmail, 'messageId' | 'references' | 'inReplyTo'>;
  /** The Message-ID's local part; the email sender replaces it with the outbox's idempotency key. A random UUID unless given. */
  messageIdLocalPart?: string;
}

/** Mail clients and servers cope with long References, but there is no point in carrying the whole history. */
const maxReferences = 20;

/**
 * Pure (apart from the default random id): the nodemailer message for one
 * reply, threaded under the customer's message (In-Reply-To and References, so
 * mail clients show it in the same conversation) and marked
 * `Auto-Submitted: auto-replied` (RFC 3834) so that other robots do not answer it.
 */
export function buildOutboundEmail(input: BuildOutboundEmailInput): OutboundEmailMessage {
  const threading = input.inbound === undefined ? { references: [] } : threadingHeaders(input.inbound);
  return {
    from: input.from,
    to: input.to,
    subject: input.rendered.subject,
    text: input.rendered.text,
    html: input.rendered.html,
    messageId: emailMessageId(input.messageIdLocalPart ?? randomUUID(), input.from),
    ...threading,
    headers: {
      'Auto-Submitted': 'auto-replied',
      // Asks Exchange not to answer us with out-of-office notices and read receipts.
      'X-Auto-Response-Suppress': 'All',
    },
  };
}

/** In-Reply-To the inbound message; References its References (or In-Reply-To) plus its Message-ID (RFC 5322 §3.6.4). */
export function threadingHeaders(inbound: Pick<InboundEmail, 'messageId' | 'references' | 'inReplyTo'>): {
  inReplyTo: string;
  references: string[];
} {
  const earlier = inbound.references.length > 0 ? inbound.references : inbound.inReplyTo === undefined ? [] : [inbound.inReplyTo];
  const chain = [...new Set([...earlier, inbound.messageId])];
  // Keep the thread's root and the most recent ids, as most clients do.
  const references = chain.length <= maxReferences ? chain : [chain[0] ?? inbound.messageId, ...chain.slice(-(maxReferences - 1))];
  return { inReplyTo: inbound.messageId, references };
}

/**
 * `<local@domain>` on the domain of our sender address. A local part that is
 * not a plain dot-atom (or is very long) is replaced by its SHA-256, which
 * keeps it stable for the same key.
 */
export function emailMessageId(localPart: string, fromAddress: string): string {
  const safe = /^[A-Za-z0-9_+=-]+(\.[A-Za-z0-9_+=-]+)*$/.test(localPart) && localPart.length <= 128;
  const local = safe ? localPart : `k.${createHash('sha256').update(localPart).digest('hex')}`;
  return `<${local}@${domainOf(fromAddress)}>`;
}

function domainOf(from: string): string {
  const [first] = addressparser(from, { flatten: true });
  const address = first?.address ?? '';
  const domain = address.slice(address.lastIndexOf('@') + 1);
  if (!address.includes('@') || domain === '') throw new Error(`The sender ${JSON.stringify(from)} has no email address with a domain`);
  return domain.toLowerCase();
}
