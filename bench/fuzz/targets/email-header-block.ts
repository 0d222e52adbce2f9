import { parseHeaderBlock } from '../../../channels/email/parse-header-block.js';
import { headerBlock } from '../arbitraries/mime-messages.js';
import type { FuzzTarget } from '../fuzz-target.js';
import { PropertyViolation } from '../property-violation.js';

export const emailHeaderBlockTarget: FuzzTarget<string> = {
  name: 'email-header-block',
  parser: 'channels/email/parse-header-block.ts#parseHeaderBlock',
  contract: 'returns header values by lower-case name for any text; never throws',
  arbitrary: headerBlock,
  check(block) {
    for (const [name, values] of parseHeaderBlock(block)) {
      if (name !== name.toLowerCase() || values.some((value) => typeof value !== 'string')) throw new PropertyViolation(`bad header ${name}`);
    }
  },
};
