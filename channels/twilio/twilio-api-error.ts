/**
 * Twilio's REST API answered with an HTTP error. Carries what the sender
 * needs to decide between retrying and giving up; deliberately not Twilio's
 * error text, which quotes phone numbers and so must not reach logs.
 */
export class TwilioApiError extends Error {
  override readonly name = 'TwilioApiError';

  constructor(
    readonly status: number,
    /** Twilio's error code (21211 invalid number, 21610 unsubscribed, 20429 too many requests, …), when the body had one. */
    readonly code: number | undefined,
    /** From the Retry-After header, when Twilio sent one. */
    readonly retryAfterMs: number | undefined,
  ) {
    super(`Twilio answered HTTP ${status}${code === undefined ? '' : ` with error ${code} (https://www.twilio.com/docs/errors/${code})`}`);
  }
}
