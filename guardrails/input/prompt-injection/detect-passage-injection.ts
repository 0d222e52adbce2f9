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

/** Passages recently scanned, by their text: the same knowledge-base chunks come back turn after turn. */
const recentScans = new Map<string, InjectionDetection>();
const recentScanLimit = 4_096;

/** `detectPassageInjection`, remembered for the most recent passages (a passage's verdict depends on its text alone). */
function detectPassageInjectionRemembered(text: string): InjectionDetection {
  const known = recentScans.get(text);
  if (known) return known;
  const detection = detectPassageInjection(text);
  if (recentScans.size >= recentScanLimit) recentScans.delete(recentScans.keys().next().value ?? '');
  recentScans.set(text, detection);
  return detection;
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
    const { detected, signals } = detectPassageInjectionRemembered(passage.text);
    if (detected) flagged.push({ passage, signals });
    else clean.push(passage);
  }
  return { clean, flagged };
}
