export { detectPii } from './detect-pii.js';
export { piiKinds, type PiiKind, type PiiMatch } from './pii-match.js';
export { redactPii, type RedactedText } from './redact-pii.js';
