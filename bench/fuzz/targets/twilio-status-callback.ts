import { ValidationError } from '../../../bot/errors/validation-error.js';
import { parseStatusCallback, twilioMessageStatuses } from '../../../channels/twilio/parse-status-callback.js';
import { twilioStatusBody } from '../arbitraries/twilio-forms.js';
import type { FuzzTarget } from '../fuzz-target.js';
import { PropertyViolation } from '../property-violation.js';
import { rethrowUnlessDocumented } from '../rethrow-unless-documented.js';

export const twilioStatusCallbackTarget: FuzzTarget<unknown> = {
  name: 'twilio-status-callback',
  parser: 'channels/twilio/parse-status-callback.ts#parseStatusCallback',
  contract: 'returns a TwilioStatusUpdate with a known status, or throws ValidationError',
  arbitrary: twilioStatusBody,
  check(body) {
    try {
      const update = parseStatusCallback(body);
      if (!twilioMessageStatuses.includes(update.status)) throw new PropertyViolation(`unknown status ${String(update.status)}`);
    } catch (error) {
      rethrowUnlessDocumented(error, [ValidationError]);
    }
  },
};
