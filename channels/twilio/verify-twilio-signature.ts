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
  if (check.params === null || typeof check.params !== 'object' || Array.isArray(check.params)) return false;
  return twilio.validateRequest(check.authToken, check.signature, publicUrl(check.publicBaseUrl, check.path), check.params as Record<string, unknown>);
}

/** The URL Twilio called: the public base without a trailing slash, then the path and query. */
export function publicUrl(publicBaseUrl: string, path: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
