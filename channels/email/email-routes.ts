import express, { type Request, Router } from 'express';
import { FeatureDisabledError } from '../../bot/errors/feature-disabled-error.js';
import { UnauthorizedError } from '../../bot/errors/unauthorized-error.js';
import type { EmailChannel } from './email-channel.js';
import { InboundEmailTooLargeError } from './inbound-email-too-large-error.js';
import { inboundWebhookTokenMatches, parseInboundParseWebhook } from './inbound-parse-webhook.js';
import { readInboundParseForm } from './read-inbound-parse-form.js';

export interface EmailRoutesDependencies {
  channel: EmailChannel | undefined;
  /** Unset: the webhook is off. */
  token: string | undefined;
  ownAddresses: readonly string[];
  maxMessageBytes: number;
  maxAttachmentBytes: number;
}

/**
 * `POST /api/email/inbound`: an inbound-parse webhook (SendGrid style,
 * multipart or urlencoded, parsed fields or the raw message), protected by a
 * shared secret as a Bearer token or the basic-auth password. Answers 200 once
 * the message is stored, so the provider does not deliver it again.
 */
export function createEmailRoutes(dependencies: EmailRoutesDependencies): Router {
  const router = Router();
  router.post(
    '/api/email/inbound',
    (request, _response, next) => {
      if (!dependencies.channel || dependencies.token === undefined) {
        throw new FeatureDisabledError('The email webhook is disabled; set EMAIL_FROM and EMAIL_INBOUND_WEBHOOK_TOKEN to enable it');
      }
      if (!inboundWebhookTokenMatches(presentedToken(request), dependencies.token)) {
        throw new UnauthorizedError('The webhook secret is required (Authorization: Bearer <token> or the basic-auth password)');
      }
      next();
    },
    express.raw({ type: ['multipart/form-data', 'application/x-www-form-urlencoded'], limit: dependencies.maxMessageBytes }),
    async (request, response) => {
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const form = readInboundParseForm(body, request.get('content-type') ?? '');
      try {
        const email = await parseInboundParseWebhook(form.fields, {
          maxAttachmentBytes: dependencies.maxAttachmentBytes,
          attachmentsAlreadyIgnored: form.files,
          ownAddresses: dependencies.ownAddresses,
        });
        const result = await dependencies.channel?.receive(email);
        response.json({ outcome: result?.outcome ?? 'disabled' });
      } catch (error) {
        // Providers retry any failure for days; a message that is too large will never fit.
        if (error instanceof InboundEmailTooLargeError) {
          response.json({ outcome: 'refused', reason: `the ${error.part} is larger than ${error.limitBytes} bytes` });
          return;
        }
        throw error;
      }
    },
  );
  return router;
}

function presentedToken(request: Request): string | undefined {
  const header = request.get('authorization') ?? '';
  const bearer = /^Bearer\s+(.+)$/i.exec(header);
  if (bearer?.[1]) return bearer[1];
  const basic = /^Basic\s+(.+)$/i.exec(header);
  if (!basic?.[1]) return undefined;
  const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  return separator < 0 ? undefined : decoded.slice(separator + 1);
}
