import { redactPii } from '../../../guardrails/input/pii/index.js';
import { customerText } from '../arbitraries/customer-text.js';
import type { FuzzTarget } from '../fuzz-target.js';
import { PropertyViolation } from '../property-violation.js';

export const redactPiiTarget: FuzzTarget<string> = {
  name: 'redact-pii',
  parser: 'guardrails/input/pii/redact-pii.ts#redactPii (and detectPii)',
  contract: 'returns the text with card, IBAN, BSN, phone, date-of-birth and email placeholders for any text; never throws',
  arbitrary: customerText,
  check(text) {
    const redacted = redactPii(text);
    if (typeof redacted.text !== 'string' || !Array.isArray(redacted.kinds)) throw new PropertyViolation('the result has the wrong shape');
  },
};
