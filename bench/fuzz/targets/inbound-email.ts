import fc from 'fast-check';
import { ValidationError } from '../../../bot/errors/validation-error.js';
import { InboundEmailTooLargeError } from '../../../channels/email/inbound-email-too-large-error.js';
import { parseInboundEmail, type ParseInboundEmailOptions } from '../../../channels/email/parse-inbound-email.js';
import { rawEmailMessage } from '../arbitraries/mime-messages.js';
import { parseInboundEmailOptions } from '../arbitraries/parse-inbound-email-options.js';
import { assertInboundEmail } from '../assert-inbound-email.js';
import type { FuzzTarget } from '../fuzz-target.js';
import { rethrowUnlessDocumented } from '../rethrow-unless-documented.js';

interface InboundEmailInput {
  raw: Buffer | string;
  options: ParseInboundEmailOptions;
}

export const inboundEmailTarget: FuzzTarget<InboundEmailInput> = {
  name: 'inbound-email',
  parser: 'channels/email/parse-inbound-email.ts#parseInboundEmail',
  contract: 'resolves to an InboundEmail with a message id, or rejects with InboundEmailTooLargeError or (past the MIME parser limits) ValidationError',
  arbitrary: fc.record({
    raw: fc.oneof({ weight: 4, arbitrary: rawEmailMessage }, { weight: 1, arbitrary: rawEmailMessage.map((bytes) => bytes.toString('utf8')) }),
    options: parseInboundEmailOptions,
  }),
  async check({ raw, options }) {
    try {
      assertInboundEmail(await parseInboundEmail(raw, options));
    } catch (error) {
      rethrowUnlessDocumented(error, [InboundEmailTooLargeError, ValidationError]);
    }
  },
};
