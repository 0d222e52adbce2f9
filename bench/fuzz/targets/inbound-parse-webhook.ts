import fc from 'fast-check';
import { ValidationError } from '../../../bot/errors/validation-error.js';
import { InboundEmailTooLargeError } from '../../../channels/email/inbound-email-too-large-error.js';
import { parseInboundParseWebhook } from '../../../channels/email/inbound-parse-webhook.js';
import type { ParseInboundEmailOptions } from '../../../channels/email/parse-inbound-email.js';
import { inboundParseFields } from '../arbitraries/inbound-parse-bodies.js';
import { parseInboundEmailOptions } from '../arbitraries/parse-inbound-email-options.js';
import { assertInboundEmail } from '../assert-inbound-email.js';
import type { FuzzTarget } from '../fuzz-target.js';
import { rethrowUnlessDocumented } from '../rethrow-unless-documented.js';

interface InboundParseWebhookInput {
  fields: unknown;
  options: ParseInboundEmailOptions;
}

export const inboundParseWebhookTarget: FuzzTarget<InboundParseWebhookInput> = {
  name: 'inbound-parse-webhook',
  parser: 'channels/email/inbound-parse-webhook.ts#parseInboundParseWebhook',
  contract: 'resolves to an InboundEmail, or rejects with ValidationError or InboundEmailTooLargeError',
  arbitrary: fc.record({ fields: inboundParseFields, options: parseInboundEmailOptions }),
  async check({ fields, options }) {
    try {
      assertInboundEmail(await parseInboundParseWebhook(fields, options));
    } catch (error) {
      rethrowUnlessDocumented(error, [ValidationError, InboundEmailTooLargeError]);
    }
  },
};
