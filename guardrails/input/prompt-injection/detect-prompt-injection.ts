import { instructionInjectionRules } from './instruction-injection-rules.js';
import type { InjectionRule } from './injection-rule.js';
import type { InjectionDetection } from './injection-signal.js';
import { modelAddressInjectionRules } from './model-address-injection-rules.js';
import { scanForInjection } from './scan-for-injection.js';
import { structureAndDataInjectionRules } from './structure-and-data-injection-rules.js';

/** Every rule that holds for a customer's own message. */
export const messageInjectionRules: readonly InjectionRule[] = [
  ...instructionInjectionRules,
  ...structureAndDataInjectionRules,
  ...modelAddressInjectionRules,
];

/**
 * Detects prompt-injection and jailbreak attempts in a customer's message, in
 * English or Dutch, including obfuscated ones (leetspeak, spaced-out letters,
 * zero-width or bidi characters, base64). Pure and synchronous; never throws.
 *
 * Words that are benign in a bank conversation ("ignore my previous message",
 * "I forgot my PIN", "what are the rules for transfers") are deliberately not signals:
 * a rule fires on orders aimed at the assistant, not on the vocabulary.
 */
export function detectPromptInjection(text: string): InjectionDetection {
  return scanForInjection(text, messageInjectionRules);
}
