/**
 * What an injection detector found. A text is an injection attempt when it
 * carries at least one signal; the names say why, for logs and evals.
 */
export const injectionSignals = [
  /** Tells the assistant to ignore, forget or replace its instructions or rules. */
  'override_instructions',
  /** Gives the assistant a new persona or mode: "you are now", "act as DAN", "doe alsof je". */
  'role_play',
  /** Asks for the system prompt, hidden instructions or "the text above". */
  'reveal_prompt',
  /** Fakes the structure of a prompt: "system:" lines, chat-template tokens, closing delimiters. */
  'fake_role_marker',
  /** Sends conversation or customer data somewhere, or asks for another customer's data. */
  'exfiltration',
  /** Asks to drop restrictions or citations, answer outside the knowledge base, or promise what policy forbids. */
  'policy_bypass',
  /** Dictates the exact words of the answer: "reply only with", "begin your answer with '…'". */
  'forced_output',
  /** Hides its payload: base64 text, bidi or tag characters, leetspeak, spaced-out or mixed-script keywords. */
  'encoded_payload',
  /** Text, usually inside a retrieved passage, that speaks to the AI reading it: "note to the model". */
  'addresses_model',
] as const;

export type InjectionSignal = (typeof injectionSignals)[number];

export interface InjectionDetection {
  detected: boolean;
  /** Distinct signals in the order of `injectionSignals`. */
  signals: InjectionSignal[];
}
