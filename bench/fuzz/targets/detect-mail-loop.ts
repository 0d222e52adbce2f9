import fc from 'fast-check';
import { detectMailLoop, type DetectMailLoopOptions } from '../../../channels/email/detect-mail-loop.js';
import { parseHeaderBlock, type EmailHeaders } from '../../../channels/email/parse-header-block.js';
import { hostileText } from '../arbitraries/hostile-text.js';
import { headerBlock } from '../arbitraries/mime-messages.js';
import type { FuzzTarget } from '../fuzz-target.js';
import { PropertyViolation } from '../property-violation.js';

interface MailLoopInput {
  headers: EmailHeaders;
  from: string;
  options: DetectMailLoopOptions;
}

const loopHeaderNames = ['auto-submitted', 'precedence', 'x-autoreply', 'x-auto-response-suppress', 'return-path', 'content-type', 'list-id', '__proto__', 'constructor'];
const senders = ['mailer-daemon@x.example', 'no-reply@x.example', 'donotreply+abc@x.example', 'bounces-123@x.example', 'postmaster', 'NoTiFiCaTiOnS@x.example', '@', ''];

/** Headers parsed from a generated block, or a map built directly (names the parser would never produce, values of any length). */
const headers: fc.Arbitrary<EmailHeaders> = fc.oneof(
  headerBlock.map(parseHeaderBlock),
  fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...loopHeaderNames), fc.string({ maxLength: 10 })), fc.array(hostileText({ tokens: ['no', 'bulk', '<>', 'none', 'multipart/report'], maxPieces: 4 }), { maxLength: 3 })), { maxLength: 8 })
    .map((entries) => new Map(entries)),
);

export const detectMailLoopTarget: FuzzTarget<MailLoopInput> = {
  name: 'detect-mail-loop',
  parser: 'channels/email/detect-mail-loop.ts#detectMailLoop',
  contract: 'returns a LoopVerdict for any headers and sender; never throws',
  arbitrary: fc.record({
    headers,
    from: fc.oneof(fc.constantFrom(...senders), fc.emailAddress(), hostileText({ tokens: ['@', 'no-reply', 'bounce'], maxPieces: 6 })),
    options: fc.record({ ownAddresses: fc.array(fc.oneof(fc.emailAddress(), hostileText({ maxPieces: 2 })), { maxLength: 3 }) }, { requiredKeys: [] }),
  }),
  check({ headers: parsed, from, options }) {
    const verdict = detectMailLoop(parsed, from, options);
    if (typeof verdict.automated !== 'boolean') throw new PropertyViolation('the verdict is not a boolean');
  },
};
