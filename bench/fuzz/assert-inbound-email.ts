import type { InboundEmail } from '../../channels/email/inbound-email.js';
import { PropertyViolation } from './property-violation.js';

/** The fields every parsed email has, with the types the email channel relies on. */
export function assertInboundEmail(email: InboundEmail): void {
  const strings = [email.messageId, email.from.address, email.subject, email.text, ...email.to, ...email.references];
  if (strings.some((value) => typeof value !== 'string')) throw new PropertyViolation('a field of the parsed email is not a string');
  if (email.messageId === '') throw new PropertyViolation('the message id is empty');
  if (!Number.isInteger(email.attachmentsIgnored) || email.attachmentsIgnored < 0) {
    throw new PropertyViolation(`attachmentsIgnored is ${email.attachmentsIgnored}`);
  }
  if (typeof email.loop.automated !== 'boolean') throw new PropertyViolation('the loop verdict is not a boolean');
}
