import { z } from 'zod';
import { ValidationError } from '../../bot/errors/validation-error.js';

/** WhatsApp's customer-service window: free-form replies are allowed this long after the customer's last message. */
export const customerServiceWindowMs = 24 * 60 * 60 * 1000;

/**
 * Pure: whether a free-form WhatsApp message may be sent now. Outside the
 * window (or before the customer ever wrote) only an approved template may be
 * sent; Twilio refuses anything else with error 63016. A last message "in the
 * future" (clock skew between servers) counts as within.
 */
export function isWithinCustomerServiceWindow(lastInboundAt: Date | undefined, now: Date): boolean {
  if (lastInboundAt === undefined || Number.isNaN(lastInboundAt.getTime())) return false;
  return now.getTime() - lastInboundAt.getTime() < customerServiceWindowMs;
}

/**
 * Template variables as Twilio's Content API takes them: placeholder
 * numbers ("1", "2", …) to values. WhatsApp refuses empty values and values
 * with new lines, tabs or more than four spaces in a row. Also the schema for
 * a `WHATSAPP_TEMPLATE_VARIABLES` setting (a JSON object).
 */
export const whatsAppTemplateVariablesSchema = z.record(
  z.string().regex(/^[1-9]\d*$/, 'must be a placeholder number such as "1"'),
  z
    .string()
    .min(1, 'must not be empty')
    .max(1024, 'must be at most 1024 characters')
    .refine((value) => !/[\n\t]| {5,}/.test(value), 'must not contain new lines, tabs or more than four spaces in a row'),
);

export type WhatsAppTemplateVariables = z.infer<typeof whatsAppTemplateVariablesSchema>;

/** The outbox payload of an approved WhatsApp template, as Twilio's `ContentSid` and `ContentVariables`. */
export interface WhatsAppTemplatePayload {
  contentSid: string;
  /** A JSON object string, as the API wants it. */
  contentVariables: string;
}

const contentSidSchema = z.string().regex(/^HX[0-9a-f]{32}$/i, 'must be a Content template id starting with HX');

/** Pure: the payload for a template message (outside the window). Throws `ValidationError` on a malformed id or variable. */
export function renderWhatsAppTemplate(template: { contentSid: string; variables: Record<string, string> }): WhatsAppTemplatePayload {
  const issues = [
    ...(contentSidSchema.safeParse(template.contentSid).error?.issues.map((issue) => ({ path: 'contentSid', message: issue.message })) ?? []),
    ...(whatsAppTemplateVariablesSchema.safeParse(template.variables).error?.issues.map((issue) => ({
      path: ['variables', ...issue.path].join('.'),
      // A bad key is reported as "Invalid key in record" with the key schema's own message inside.
      message: issue.code === 'invalid_key' ? (issue.issues[0]?.message ?? issue.message) : issue.message,
    })) ?? []),
  ];
  if (issues.length > 0) {
    throw new ValidationError(`Invalid WhatsApp template: ${issues.map((issue) => `${issue.path} ${issue.message}`).join('; ')}`, issues);
  }
  return { contentSid: template.contentSid, contentVariables: JSON.stringify(template.variables) };
}
