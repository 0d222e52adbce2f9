/** The kinds of personal data that are redacted before text is logged, stored or sent to a model. */
export const piiKinds = ['card', 'iban', 'email', 'phone', 'bsn', 'date_of_birth'] as const;

export type PiiKind = (typeof piiKinds)[number];

/** One piece of personal data in a text, in UTF-16 code units with `end` exclusive. */
export interface PiiMatch {
  kind: PiiKind;
  start: number;
  end: number;
}
