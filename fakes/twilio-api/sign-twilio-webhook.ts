import twilio from 'twilio';

export interface TwilioWebhookToSign {
  authToken: string;
  /** The full public URL Twilio calls, query string included. */
  url: string;
  /** The form fields of the body. */
  params: Record<string, string>;
}

/** The `X-Twilio-Signature` Twilio would send with this request (HMAC-SHA1 of URL and sorted fields). */
export function signTwilioWebhook(webhook: TwilioWebhookToSign): string {
  return twilio.getExpectedTwilioSignature(webhook.authToken, webhook.url, webhook.params);
}

/**
 * A request as Twilio would post it to `url`, ready for `fetch(url, init)`:
 * form-encoded body and a valid signature. For end-to-end tests of our
 * webhook routes.
 */
export function signedTwilioRequest(webhook: TwilioWebhookToSign): { method: 'POST'; headers: Record<string, string>; body: string } {
  return {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': signTwilioWebhook(webhook),
    },
    body: new URLSearchParams(webhook.params).toString(),
  };
}
