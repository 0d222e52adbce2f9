import { ValidationError } from '../../../bot/errors/validation-error.js';
import { parseTwilioInbound } from '../../../channels/twilio/twilio-inbound-schema.js';
import { twilioInboundBody } from '../arbitraries/twilio-forms.js';
import type { FuzzTarget } from '../fuzz-target.js';
import { PropertyViolation } from '../property-violation.js';
import { rethrowUnlessDocumented } from '../rethrow-unless-documented.js';

export const twilioInboundTarget: FuzzTarget<unknown> = {
  name: 'twilio-inbound',
  parser: 'channels/twilio/twilio-inbound-schema.ts#parseTwilioInbound',
  contract: 'returns a TwilioInboundMessage whose media match NumMedia, or throws ValidationError',
  arbitrary: twilioInboundBody,
  check(body) {
    try {
      const message = parseTwilioInbound(body);
      if (typeof message.text !== 'string' || message.media.some((item) => typeof item.url !== 'string')) {
        throw new PropertyViolation('a parsed message carries a field that is not a string');
      }
    } catch (error) {
      rethrowUnlessDocumented(error, [ValidationError]);
    }
  },
};
