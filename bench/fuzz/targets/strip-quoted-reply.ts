import { stripQuotedReply } from '../../../channels/email/strip-quoted-reply.js';
import { emailBodyText } from '../arbitraries/email-body-text.js';
import type { FuzzTarget } from '../fuzz-target.js';
import { PropertyViolation } from '../property-violation.js';

export const stripQuotedReplyTarget: FuzzTarget<string> = {
  name: 'strip-quoted-reply',
  parser: 'channels/email/strip-quoted-reply.ts#stripQuotedReply',
  contract: 'returns a string no longer than the input (line endings normalised) for any text; never throws',
  arbitrary: emailBodyText,
  check(text) {
    const stripped = stripQuotedReply(text);
    if (typeof stripped !== 'string' || stripped.length > text.length) throw new PropertyViolation('the result is longer than the input');
  },
};
