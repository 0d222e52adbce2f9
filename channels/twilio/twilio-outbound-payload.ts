import { z } from 'zod';

/**
 * Twilio's limit on `Body` for every channel of the Messages API, WhatsApp
 * included (errors 21617 / 21658), though WhatsApp itself allows 4,096.
 */
export const twilioMaxBodyLength = 1600;

/**
 * What the outbox stores for an SMS or WhatsApp message: a rendered body
 * (`renderSms(...).body`, `renderWhatsApp(...).body`), or an approved
 * WhatsApp template (`renderWhatsAppTemplate(...)`) for outside the
 * customer-service window.
 */
export const twilioOutboundPayloadSchema = z.union([
  z.object({ body: z.string().min(1, 'must not be empty').max(twilioMaxBodyLength, `must be at most ${twilioMaxBodyLength} characters`) }).strict(),
  z
    .object({
      contentSid: z.string().regex(/^HX[0-9a-f]{32}$/i, 'must be a Content template id starting with HX'),
      contentVariables: z.string(),
    })
    .strict(),
]);

export type TwilioOutboundPayload = z.infer<typeof twilioOutboundPayloadSchema>;
