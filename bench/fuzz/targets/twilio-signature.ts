import fc from 'fast-check';
import twilio from 'twilio';
import { publicUrl, verifyTwilioSignature, type TwilioSignatureCheck } from '../../../channels/twilio/verify-twilio-signature.js';
import { hostileText } from '../arbitraries/hostile-text.js';
import { twilioInboundBody } from '../arbitraries/twilio-forms.js';
import { hexDigits } from '../arbitraries/untrusted-values.js';
import type { FuzzTarget } from '../fuzz-target.js';
import { PropertyViolation } from '../property-violation.js';

interface SignatureInput {
  check: TwilioSignatureCheck;
  /** The signature is Twilio's own for exactly these fields, so it must verify. */
  signedCorrectly: boolean;
}

/** The public base URL is configuration (validated as an http(s) URL at start-up); the rest comes from the request. */
const publicBaseUrl = fc.oneof(
  fc.constantFrom('https://assistant.lumenbank.example', 'http://localhost:3000', 'https://example.com/prefix/', 'http://[::1]:8080'),
  fc.webUrl({ validSchemes: ['http', 'https'], size: 'small' }),
);

/** `request.originalUrl`: origin-form paths, an absolute-form target a proxy passes on, or anything at all. */
const requestPath = fc.oneof(
  fc.constantFrom('/api/twilio/messages', '/api/twilio/status?outboxId=42', '/api/twilio/messages?a=%27&b=%ZZ', 'http://evil.example/x', '*'),
  hostileText({ tokens: ['/', '?', '#', '%', '%2F', '../', ':443', '@', '\\'], maxPieces: 10 }),
);

const signatureInput: fc.Arbitrary<SignatureInput> = fc
  .record({
    authToken: fc.oneof({ weight: 9, arbitrary: hexDigits(32) }, { weight: 1, arbitrary: hostileText({ maxPieces: 3 }) }),
    publicBaseUrl,
    path: requestPath,
    params: twilioInboundBody,
    kind: fc.constantFrom('valid', 'tampered', 'other-token', 'random', 'missing'),
    randomSignature: hostileText({ tokens: ['=', '+', '/'], maxPieces: 6 }),
    flip: fc.nat(),
  })
  .map(({ authToken, publicBaseUrl: base, path, params, kind, randomSignature, flip }) => {
    // Only form fields can carry Twilio's signature; for a JSON body, sign the empty form.
    const signable = isFormFields(params);
    const sign = (token: string) => twilio.getExpectedTwilioSignature(token, publicUrl(base, path), signable ? params : {});
    let signature: string | undefined;
    if (kind === 'valid') signature = sign(authToken);
    else if (kind === 'tampered') {
      const valid = sign(authToken);
      const position = flip % valid.length;
      signature = valid.slice(0, position) + (valid[position] === 'A' ? 'B' : 'A') + valid.slice(position + 1);
    } else if (kind === 'other-token') signature = sign(`${authToken}x`);
    else if (kind === 'random') signature = randomSignature;
    return {
      check: { authToken, publicBaseUrl: base, path, params, signature },
      signedCorrectly: kind === 'valid' && signable && authToken !== '',
    };
  });

/** Strings, or arrays of strings for a repeated field: what `express.urlencoded()` produces. */
function isFormFields(params: unknown): params is Record<string, string | string[]> {
  if (params === null || typeof params !== 'object' || Array.isArray(params)) return false;
  return Object.values(params).every((value) => typeof value === 'string' || (Array.isArray(value) && value.every((item) => typeof item === 'string')));
}

export const twilioSignatureTarget: FuzzTarget<SignatureInput> = {
  name: 'twilio-signature',
  parser: 'channels/twilio/verify-twilio-signature.ts#verifyTwilioSignature',
  contract: 'returns a boolean, true for a signature Twilio computed over exactly these fields; never throws',
  arbitrary: signatureInput,
  check({ check, signedCorrectly }) {
    const verified = verifyTwilioSignature(check);
    if (typeof verified !== 'boolean') throw new PropertyViolation('did not return a boolean');
    if (signedCorrectly && !verified) throw new PropertyViolation("rejected Twilio's own signature");
  },
};
