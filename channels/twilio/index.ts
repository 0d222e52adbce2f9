export { parseTwilioInbound, twilioInboundSchema, type TwilioInboundMedia, type TwilioInboundMessage } from './twilio-inbound-schema.js';
export { verifyTwilioSignature, publicUrl, type TwilioSignatureCheck } from './verify-twilio-signature.js';
export { classifySmsKeyword, smsKeywordReplies, smsKeywords, type SmsKeyword } from './sms-keywords.js';
export { measureSms, type SmsEncoding, type SmsMeasure } from './sms-encoding.js';
export { renderSms, type RenderedSms, type SmsRenderOptions } from './render-sms.js';
export { renderWhatsApp, whatsAppMaxLength, type RenderedWhatsApp, type WhatsAppRenderOptions } from './render-whatsapp.js';
export { renderTwilioReply, type TwilioReplyRenderOptions } from './render-twilio-reply.js';
export { replyContentFromActivity, type ReplyContent } from './reply-content.js';
export type { RenderWarning } from './render-warning.js';
export {
  isWithinCustomerServiceWindow,
  renderWhatsAppTemplate,
  whatsAppTemplateVariablesSchema,
  type WhatsAppTemplatePayload,
  type WhatsAppTemplateVariables,
} from './whatsapp-window.js';
export {
  isFinalMessageStatus,
  isLaterMessageStatus,
  parseStatusCallback,
  type TwilioMessageStatus,
  type TwilioStatusUpdate,
} from './parse-status-callback.js';
export { twilioMaxBodyLength, twilioOutboundPayloadSchema, type TwilioOutboundPayload } from './twilio-outbound-payload.js';
export { createTwilioSender, type TwilioSenderOptions } from './twilio-sender.js';
export type { TwilioChannel } from './twilio-channel.js';
