import { stripGreetingAndSignOff } from '../../../channels/email/strip-greeting-and-sign-off.js';
import { emailBodyText } from '../arbitraries/email-body-text.js';
import type { FuzzTarget } from '../fuzz-target.js';
import { PropertyViolation } from '../property-violation.js';

export const stripGreetingAndSignOffTarget: FuzzTarget<string> = {
  name: 'strip-greeting-and-sign-off',
  parser: 'channels/email/strip-greeting-and-sign-off.ts#stripGreetingAndSignOff',
  contract: 'returns a string no longer than the input for any text; never throws',
  arbitrary: emailBodyText,
  check(text) {
    const stripped = stripGreetingAndSignOff(text);
    if (typeof stripped !== 'string' || stripped.length > text.length) throw new PropertyViolation('the result is longer than the input');
  },
};
