import { findHiddenPayloads } from './find-hidden-payloads.js';
import type { InjectionRule } from './injection-rule.js';
import { injectionSignals, type InjectionDetection, type InjectionSignal } from './injection-signal.js';
import { normalizeForInjectionScan } from './normalize-for-injection-scan.js';

/** Squashed keywords, looked for only inside words that were spelled out letter by letter. */
const spelledOutRules: readonly InjectionRule[] = [
  { signal: 'override_instructions', pattern: /(?:ignore|disregard|forget|negeer|vergeet)(?:all|any|the|your|alle|je|jouw|de)*(?:previous|prior|above|earlier|vorige|eerdere|voorgaande)*(?:instructions?|rules|prompt|instructies|regels)/ },
  { signal: 'reveal_prompt', pattern: /systemprompt|systeemprompt|(?:reveal|show|print|repeat|toon|herhaal)(?:me|your|the|je|jouw|de)*(?:prompt|instructions|instructies)/ },
  { signal: 'role_play', pattern: /developermode|doanythingnow|youarenow|jebentnu|doealsof|actas(?:an?)?(?:ai|dan|admin)/ },
  { signal: 'policy_bypass', pattern: /jailbreak|norestrictions|nofilters|withoutsources|withoutciting|zonderbronnen|geenbeperkingen|bypass(?:the|your)*(?:filters?|rules|safety)/ },
];

// Rules are matched per window so that every pattern's cost is bounded by the window,
// not by the input; the overlap keeps a phrase that straddles two windows whole.
const windowSize = 4_000;
const windowOverlap = 400;
const maximumDecodeDepth = 1;

/** Runs rules over a text and every de-obfuscated form of it. Never throws. */
export function scanForInjection(text: string, rules: readonly InjectionRule[], depth = 0): InjectionDetection {
  try {
    return scan(text, rules, depth);
  } catch {
    // A guard that crashes lets everything through; an unexpected failure counts as a finding.
    return { detected: true, signals: ['encoded_payload'] };
  }
}

function scan(text: string, rules: readonly InjectionRule[], depth: number): InjectionDetection {
  const source = typeof text === 'string' ? text : '';
  const forms = normalizeForInjectionScan(source);
  const lowercaseRules = rules.filter((rule) => rule.matchCase !== true);
  const found = new Set<InjectionSignal>([
    ...matchingSignals(forms.plain, lowercaseRules),
    ...matchingSignals(forms.cased, rules.filter((rule) => rule.matchCase === true)),
  ]);

  const hidden = findHiddenPayloads(source, forms.plain);
  const uncovered = new Set<InjectionSignal>([
    ...matchingSignals(forms.deobfuscated, lowercaseRules),
    ...matchingSignals(forms.deobfuscatedWithOneAsL, lowercaseRules),
    ...matchingSignals(hidden.reversed, lowercaseRules),
    ...matchingSignals(forms.spelledOutWords.join(' '), spelledOutRules),
  ]);
  for (const signal of uncovered) {
    if (found.has(signal)) continue;
    found.add(signal);
    found.add('encoded_payload');
  }

  if (forms.hasSmugglingCharacters || forms.hiddenCharactersInWords >= 2 || hidden.asksToDecode) found.add('encoded_payload');
  for (const decoded of hidden.decodedTexts) {
    found.add('encoded_payload');
    if (depth < maximumDecodeDepth) for (const signal of scan(decoded, rules, depth + 1).signals) found.add(signal);
  }

  const signals = injectionSignals.filter((signal) => found.has(signal));
  return { detected: signals.length > 0, signals };
}

function matchingSignals(text: string, rules: readonly InjectionRule[]): InjectionSignal[] {
  if (text === '') return [];
  const windows = splitIntoWindows(text);
  return rules.filter((rule) => windows.some((window) => rule.pattern.test(window))).map((rule) => rule.signal);
}

function splitIntoWindows(text: string): string[] {
  if (text.length <= windowSize) return [text];
  const windows: string[] = [];
  for (let start = 0; start < text.length; start += windowSize - windowOverlap) {
    const window = text.slice(start, start + windowSize);
    // A window cut mid-line must not look like the start of a line to `^` rules ("…the system: …").
    windows.push(start === 0 || text[start - 1] === '\n' ? window : `\u0000${window}`);
    if (start + windowSize >= text.length) break;
  }
  return windows;
}
