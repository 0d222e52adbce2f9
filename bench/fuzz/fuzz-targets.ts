import type { FuzzTarget } from './fuzz-target.js';
import { articleMarkdownTarget } from './targets/article-markdown.js';
import { botFrameworkActivityTarget } from './targets/bot-framework-activity.js';
import { conversationTokenTarget } from './targets/conversation-token.js';
import { detectLanguageTarget } from './targets/detect-language.js';
import { detectMailLoopTarget } from './targets/detect-mail-loop.js';
import { emailHeaderBlockTarget } from './targets/email-header-block.js';
import { humanRequestTarget } from './targets/human-request.js';
import { inboundEmailTarget } from './targets/inbound-email.js';
import { inboundParseFormTarget } from './targets/inbound-parse-form.js';
import { inboundParseWebhookTarget } from './targets/inbound-parse-webhook.js';
import { promptInjectionTarget } from './targets/prompt-injection.js';
import { readFaqCsvTarget } from './targets/read-faq-csv.js';
import { readHtmlTarget } from './targets/read-html.js';
import { readJsonlTarget } from './targets/read-jsonl.js';
import { readMarkdownTarget } from './targets/read-markdown.js';
import { readPdfTarget } from './targets/read-pdf.js';
import { readTextTarget } from './targets/read-text.js';
import { redactPiiTarget } from './targets/redact-pii.js';
import { restrictedTopicsTarget } from './targets/restricted-topics.js';
import { retrievalSetJsonlTarget } from './targets/retrieval-set-jsonl.js';
import { smsKeywordsTarget } from './targets/sms-keywords.js';
import { stripGreetingAndSignOffTarget } from './targets/strip-greeting-and-sign-off.js';
import { stripQuotedReplyTarget } from './targets/strip-quoted-reply.js';
import { twilioInboundTarget } from './targets/twilio-inbound.js';
import { twilioSignatureTarget } from './targets/twilio-signature.js';
import { twilioStatusCallbackTarget } from './targets/twilio-status-callback.js';
import { unanswerableJsonlTarget } from './targets/unanswerable-jsonl.js';
import { webChatMessageTarget } from './targets/web-chat-message.js';

/**
 * Every parser of untrusted input. The runner starts them in this order, two
 * at a time on two cores: the slowest first, so both workers finish together.
 */
export const fuzzTargets: readonly FuzzTarget<unknown>[] = [
  inboundEmailTarget,
  readPdfTarget,
  readHtmlTarget,
  inboundParseWebhookTarget,
  retrievalSetJsonlTarget,
  unanswerableJsonlTarget,
  promptInjectionTarget,
  readFaqCsvTarget,
  inboundParseFormTarget,
  articleMarkdownTarget,
  twilioSignatureTarget,
  readJsonlTarget,
  twilioInboundTarget,
  redactPiiTarget,
  readMarkdownTarget,
  botFrameworkActivityTarget,
  detectLanguageTarget,
  restrictedTopicsTarget,
  webChatMessageTarget,
  twilioStatusCallbackTarget,
  humanRequestTarget,
  readTextTarget,
  emailHeaderBlockTarget,
  stripQuotedReplyTarget,
  detectMailLoopTarget,
  stripGreetingAndSignOffTarget,
  smsKeywordsTarget,
  conversationTokenTarget,
];
