import fc from 'fast-check';
import { detectHumanRequest } from '../../../guardrails/input/human-request/index.js';
import { customerText } from '../arbitraries/customer-text.js';
import type { FuzzTarget } from '../fuzz-target.js';
import { PropertyViolation } from '../property-violation.js';

export const humanRequestTarget: FuzzTarget<{ text: string; locale: 'en' | 'nl' }> = {
  name: 'human-request',
  parser: 'guardrails/input/human-request/detect-human-request.ts#detectHumanRequest',
  contract: 'returns a boolean for any text; never throws',
  arbitrary: fc.record({ text: customerText, locale: fc.constantFrom('en' as const, 'nl' as const) }),
  check({ text, locale }) {
    if (typeof detectHumanRequest(text, locale) !== 'boolean') throw new PropertyViolation('did not return a boolean');
  },
};
