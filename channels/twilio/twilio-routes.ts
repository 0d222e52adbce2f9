import express, { type Request, type Response, Router } from 'express';
import { FeatureDisabledError } from '../../bot/errors/feature-disabled-error.js';
import type { OutboxStore } from '../../outbox/outbox-store.js';
import { parseStatusCallback } from './parse-status-callback.js';
import type { TwilioInbound } from './twilio-inbound.js';
import { parseTwilioInbound } from './twilio-inbound-schema.js';
import { verifyTwilioSignature } from './verify-twilio-signature.js';

export interface TwilioSettings {
  accountSid: string | undefined;
  authToken: string | undefined;
}

export interface TwilioRoutesDependencies {
  /** Stores, settles and answers inbound messages (`createTwilioInbound`). */
  inbound: Pick<TwilioInbound, 'receive'>;
  outbox: Pick<OutboxStore, 'recordDeliveryStatus'>;
  settings: TwilioSettings;
  publicBaseUrl: string;
  bodyLimitBytes: number;
}

const emptyTwiml = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

/**
 * Twilio webhooks for SMS and WhatsApp. `POST /api/twilio/messages`: verify
 * the signature against the public URL, parse, store (deduplicated on
 * MessageSid, which Twilio repeats when it redelivers), acknowledge at once
 * with empty TwiML, then answer through the outbox and Twilio's REST API.
 * `POST /api/twilio/status`: delivery reports for what we sent.
 */
export function createTwilioRoutes(dependencies: TwilioRoutesDependencies): Router {
  const { settings } = dependencies;
  const router = Router();
  router.use('/api/twilio', express.urlencoded({ extended: false, limit: dependencies.bodyLimitBytes }));
  router.use('/api/twilio', (request, response, next) => {
    if (!settings.accountSid || !settings.authToken) throw new FeatureDisabledError('Twilio is not configured; set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN');
    if (!isSignedByTwilio(request, settings.authToken, dependencies.publicBaseUrl)) {
      response.status(403).json({ error: { code: 'forbidden', message: 'X-Twilio-Signature does not match this request' } });
      return;
    }
    next();
  });

  router.post('/api/twilio/messages', async (request, response) => {
    const message = parseTwilioInbound(request.body);
    if (message.accountSid !== settings.accountSid) {
      response.status(403).json({ error: { code: 'forbidden', message: 'The message is for another Twilio account' } });
      return;
    }
    const received = await dependencies.inbound.receive(message);
    acknowledge(response);
    received.answer?.();
  });

  router.post('/api/twilio/status', async (request, response) => {
    const update = parseStatusCallback(request.body);
    // Our sender adds the outbox id to the callback URL, so a report that overtakes the send's answer still finds its row.
    const outboxId = typeof request.query.outboxId === 'string' ? request.query.outboxId : undefined;
    if (update.status === 'delivered' || update.status === 'read') {
      await dependencies.outbox.recordDeliveryStatus(update.messageSid, 'delivered', undefined, outboxId);
    } else if (update.status === 'failed' || update.status === 'undelivered') {
      const reason = `Twilio ${update.status}${update.errorCode === undefined ? '' : ` (error ${update.errorCode})`}`;
      await dependencies.outbox.recordDeliveryStatus(update.messageSid, 'failed', reason, outboxId);
    }
    response.status(204).end();
  });

  return router;
}

/** Empty TwiML, written as it is: no ETag or freshness check, which a webhook never uses. */
function acknowledge(response: Response): void {
  response.status(200).setHeader('Content-Type', 'text/xml; charset=utf-8').end(emptyTwiml);
}

function isSignedByTwilio(request: Request, authToken: string, publicBaseUrl: string): boolean {
  return verifyTwilioSignature({
    authToken,
    publicBaseUrl,
    path: request.originalUrl,
    params: request.body,
    signature: request.get('x-twilio-signature'),
  });
}
