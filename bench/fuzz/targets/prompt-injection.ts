import { detectPromptInjection } from '../../../guardrails/input/prompt-injection/index.js';
import { findHiddenPayloads } from '../../../guardrails/input/prompt-injection/find-hidden-payloads.js';
import { normalizeForInjectionScan } from '../../../guardrails/input/prompt-injection/normalize-for-injection-scan.js';
import { customerText } from '../arbitraries/customer-text.js';
import type { FuzzTarget } from '../fuzz-target.js';
import { PropertyViolation } from '../property-violation.js';

export const promptInjectionTarget: FuzzTarget<string> = {
  name: 'prompt-injection',
  parser: 'guardrails/input/prompt-injection/detect-prompt-injection.ts#detectPromptInjection',
  contract: 'returns a consistent detection for any text; nothing inside throws (its catch-all would turn a throw into a false positive)',
  arbitrary: customerText,
  check(text) {
    const detection = detectPromptInjection(text);
    if (detection.detected !== detection.signals.length > 0) throw new PropertyViolation('detected disagrees with the signals');
    // scanForInjection answers any throw with exactly this finding; it is also a real finding, so run the
    // steps that can throw outside that catch to tell the two apart.
    if (detection.signals.length === 1 && detection.signals[0] === 'encoded_payload') {
      const forms = normalizeForInjectionScan(text);
      for (const decoded of findHiddenPayloads(text, forms.plain).decodedTexts) findHiddenPayloads(decoded, normalizeForInjectionScan(decoded).plain);
    }
  },
};
