import type { InjectionSignal } from './injection-signal.js';

/** One pattern and the signal it stands for. Patterns run on normalised text (see normalize-for-injection-scan.ts). */
export interface InjectionRule {
  signal: InjectionSignal;
  /**
   * Lowercase, without the `g` or `y` flag (so `test` keeps no state), and with
   * only bounded repetition between words so no input makes it backtrack badly.
   */
  pattern: RegExp;
  /**
   * Match against the text before lowercasing: "DAN" the jailbreak persona is
   * written in capitals, Dan the husband and Dutch "als dan" are not.
   */
  matchCase?: boolean;
}
