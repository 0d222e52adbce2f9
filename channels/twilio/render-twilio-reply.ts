import type { Activity } from 'botbuilder';
import type { RenderWarning } from './render-warning.js';
import { renderSms } from './render-sms.js';
import { renderWhatsApp } from './render-whatsapp.js';
import { replyContentFromActivity } from './reply-content.js';
import type { TwilioChannel } from './twilio-channel.js';
import type { TwilioOutboundPayload } from './twilio-outbound-payload.js';

export interface TwilioReplyRenderOptions {
  /** SMS only: most segments per reply (`SMS_MAX_SEGMENTS`). */
  smsMaxSegments: number;
}

/**
 * Pure: one bot reply activity as the outbox payload for SMS or WhatsApp,
 * with the renderer's warnings. A reply to an inbound message is always
 * inside WhatsApp's 24-hour window; a later message (an expert's answer
 * after a handoff) checks `isWithinCustomerServiceWindow` and sends
 * `renderWhatsAppTemplate` instead when it is closed.
 */
export function renderTwilioReply(
  channel: TwilioChannel,
  reply: Partial<Activity>,
  options: TwilioReplyRenderOptions,
): { payload: TwilioOutboundPayload; warnings: RenderWarning[] } {
  const content = replyContentFromActivity(reply);
  const rendered = channel === 'sms' ? renderSms(content, { maxSegments: options.smsMaxSegments }) : renderWhatsApp(content);
  return { payload: { body: rendered.body }, warnings: rendered.warnings };
}
