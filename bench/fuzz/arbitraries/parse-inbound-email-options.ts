import fc from 'fast-check';
import type { ParseInboundEmailOptions } from '../../../channels/email/parse-inbound-email.js';
import { hostileText } from './hostile-text.js';

/** Limits from tiny to production size, and envelope senders and own addresses as the SMTP listener or a webhook passes them. */
export const parseInboundEmailOptions: fc.Arbitrary<ParseInboundEmailOptions> = fc.record(
  {
    maxAttachmentBytes: fc.constantFrom(0, 100, 10_000, 25 * 1024 * 1024),
    maxMessageBytes: fc.constantFrom(1_000, 100_000, 10 * 1024 * 1024),
    envelopeFrom: fc.oneof(fc.constant(''), fc.emailAddress(), hostileText({ maxPieces: 4 })),
    ownAddresses: fc.array(fc.oneof(fc.constant('help@lumenbank.example'), hostileText({ maxPieces: 2 })), { maxLength: 3 }),
    attachmentsAlreadyIgnored: fc.nat({ max: 20 }),
  },
  { requiredKeys: ['maxAttachmentBytes'] },
);
