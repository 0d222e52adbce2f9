import fc from 'fast-check';
import { detectLanguage } from '../../../guardrails/input/language/index.js';
import { customerText } from '../arbitraries/customer-text.js';
import type { FuzzTarget } from '../fuzz-target.js';
import { PropertyViolation } from '../property-violation.js';

export const detectLanguageTarget: FuzzTarget<{ text: string; fallback: 'en' | 'nl' }> = {
  name: 'detect-language',
  parser: 'guardrails/input/language/detect-language.ts#detectLanguage',
  contract: 'returns a locale and a confidence between 0 and 1 for any text; never throws',
  arbitrary: fc.record({ text: customerText, fallback: fc.constantFrom('en' as const, 'nl' as const) }),
  /** The trigram profiles are built on the first call. */
  warmUp() {
    detectLanguage('warm up', 'en');
  },
  check({ text, fallback }) {
    const detection = detectLanguage(text, fallback);
    if (!(detection.confidence >= 0 && detection.confidence <= 1)) throw new PropertyViolation(`confidence ${detection.confidence}`);
  },
};
