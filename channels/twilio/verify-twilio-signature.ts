import twilio from 'twilio';

export interface TwilioSignatureCheck {
  authToken: string;
  /**
   * The public origin (and any path prefix) Twilio calls, e.g.
   * `https://assistant.lumenbank.example`: behind a proxy the URL the server
   * sees is not the one Twilio signed.
   */
  publicBaseUrl: string;
  /** The request path with its query string as received (`request.originalUrl`). */
  path: string;
  /** The decoded form fields of the request body. */
  params: unknown;
  /** The `X-Twilio-Signature` header; missing counts as invalid. */
  signature: string | undefined;
}

/**
 * True when `X-Twilio-Signature` is Twilio's HMAC of the public URL and the
 * form fields under our auth token. The library's `validateRequest` also
 * tries the URL with and without the default port, as Twilio may sign either.
 */
export function verifyTwilioSignature(check: TwilioSignatureCheck): boolean {
  if (!check.signature || !check.authToken) return false;
  if (!isFormFields(check.params)) return false;
  return twilio.validateRequest(check.authToken, check.signature, publicUrl(check.publicBaseUrl, check.path), check.params);
}

/**
 * What a form decoder makes of a body Twilio signed: strings, or arrays of
 * strings for a repeated field. Anything else (a JSON body the app-wide JSON
 * parser decoded) is not Twilio's, and the library would throw on a nested
 * object it cannot turn into text (`{"a": {"toString": 1}}`).
 */
function isFormFields(params: unknown): params is Record<string, string | string[]> {
  if (params === null || typeof params !== 'object' || Array.isArray(params)) return false;
  return Object.values(params).every((value) => typeof value === 'string' || (Array.isArray(value) && value.every((item) => typeof item === 'string')));
}

/** The URL Twilio called: the public base without a trailing slash, then the path and query. */
export function publicUrl(publicBaseUrl: string, path: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
