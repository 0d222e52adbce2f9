export type { InboundEmail, LoopVerdict } from './inbound-email.js';
export { parseInboundEmail, type ParseInboundEmailOptions } from './parse-inbound-email.js';
export { stripQuotedReply } from './strip-quoted-reply.js';
export { detectMailLoop, type DetectMailLoopOptions } from './detect-mail-loop.js';
export { parseHeaderBlock, type EmailHeaders } from './parse-header-block.js';
export { renderEmail, replySubject, type EmailLocale, type EmailRenderWarning, type RenderEmailOptions, type RenderedEmail } from './render-email.js';
export {
  buildOutboundEmail,
  emailMessageId,
  outboundEmailMessageSchema,
  threadingHeaders,
  type BuildOutboundEmailInput,
  type OutboundEmailMessage,
} from './build-outbound-email.js';
export { createEmailSender, type EmailSenderOptions } from './email-sender.js';
export { startSmtpListener, type SmtpEnvelope, type SmtpListener, type SmtpListenerOptions } from './smtp-listener.js';
export {
  inboundParseWebhookFieldsSchema,
  inboundWebhookTokenMatches,
  parseInboundParseWebhook,
  type InboundParseWebhookFields,
} from './inbound-parse-webhook.js';
export { readInboundParseForm, type InboundParseForm } from './read-inbound-parse-form.js';
export { InboundEmailTooLargeError } from './inbound-email-too-large-error.js';
