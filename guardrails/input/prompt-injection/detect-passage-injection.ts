import { messageInjectionRules } from './detect-prompt-injection.js';
import type { InjectionRule } from './injection-rule.js';
import type { InjectionDetection, InjectionSignal } from './injection-signal.js';
import { passageOnlyInjectionRules } from './model-address-injection-rules.js';
import { scanForInjection } from './scan-for-injection.js';

const passageInjectionRules: readonly InjectionRule[] = [...messageInjectionRules, ...passageOnlyInjectionRules];

/**
 * Detects instructions aimed at an AI inside a retrieved passage (indirect
 * injection). A help-centre article speaks to customers; on top of every message
 * rule, a passage may not address its reader as a model ("note to the AI",
 * "als je een AI bent", "tell the customer that…"). Anti-phishing advice such as
 * "Ignore any SMS that asks for your PIN" is not an injection. Never throws.
 */
export function detectPassageInjection(text: string): InjectionDetection {
  return scanForInjection(text, passageInjectionRules);
}

export interface FlaggedPassage<T> {
  passage: T;
  signals: InjectionSignal[];
}

/** Splits retrieved passages into those safe to hand to a generator and those carrying injected instructions. */
export function findInjectedPassages<T extends { id: string; text: string }>(
  passages: readonly T[],
): { clean: T[]; flagged: FlaggedPassage<T>[] } {
  const clean: T[] = [];
  const flagged: FlaggedPassage<T>[] = [];
  for (const passage of passages) {
    const { detected, signals } = detectPassageInjection(passage.text);
    if (detected) flagged.push({ passage, signals });
    else clean.push(passage);
  }
  return { clean, flagged };
}
