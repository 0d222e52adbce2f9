import type { Citation } from '../../bot/answer-engine/answer-outcome.js';
import { markdownToWhatsApp, stripWhatsAppFormatting } from './markdown-to-channel-text.js';
import type { RenderWarning } from './render-warning.js';
import type { ReplyContent } from './reply-content.js';
import { shortenText } from './shorten-text.js';
import { twilioMaxBodyLength } from './twilio-outbound-payload.js';

export interface WhatsAppRenderOptions {
  /**
   * Longest body, in UTF-16 code units. Twilio's `Body` limit, 1,600, unless
   * given: WhatsApp itself takes 4,096 (`whatsAppMaxLength`), but Twilio's
   * Messages API refuses a longer `Body` on every channel.
   */
  maxLength?: number;
}

export interface RenderedWhatsApp {
  /** What goes in Twilio's `Body`. */
  body: string;
  warnings: RenderWarning[];
}

/** WhatsApp's own limit on a text message, beyond what Twilio's Messages API accepts. */
export const whatsAppMaxLength = 4096;
const sourcesHeading = { en: '*Sources*', nl: '*Bronnen*' } as const;

interface WhatsAppParts {
  disclosure: string;
  text: string;
  citations: readonly Citation[];
}

function compose(parts: WhatsAppParts, locale: ReplyContent['locale']): string {
  const sources =
    parts.citations.length === 0
      ? ''
      : [sourcesHeading[locale], ...parts.citations.map((citation, index) => `${index + 1}. *${stripWhatsAppFormatting(citation.title)}*${citation.url ? `: ${citation.url}` : ''}`)].join(
          '\n',
        );
  return [parts.disclosure, parts.text, sources].filter((part) => part !== '').join('\n\n');
}

/**
 * Pure: a bot reply as one WhatsApp message of at most 1,600 characters
 * (Twilio's limit) unless told otherwise: the disclosure when the reply
 * carries one, the answer in WhatsApp formatting, then the sources as a
 * numbered list of "*title*: url". Over the limit, the answer is shortened
 * at a sentence or word boundary with "…" and the sources kept; sources are
 * dropped from the end only if they alone do not fit. Every change is
 * reported in `warnings`.
 */
export function renderWhatsApp(reply: ReplyContent, options: WhatsAppRenderOptions = {}): RenderedWhatsApp {
  const maxLength = options.maxLength ?? twilioMaxBodyLength;
  if (!Number.isInteger(maxLength) || maxLength < 1) throw new RangeError(`maxLength must be a whole number of at least 1, not ${maxLength}`);
  const warnings: RenderWarning[] = [];
  const parts: WhatsAppParts = {
    disclosure: markdownToWhatsApp(reply.disclosure ?? ''),
    text: markdownToWhatsApp(reply.text),
    citations: reply.citations,
  };
  const fits = (body: string) => body.length <= maxLength;
  const full = compose(parts, reply.locale);
  if (fits(full)) return { body: full, warnings };

  let citations = parts.citations;
  while (citations.length > 0 && !fits(compose({ ...parts, text: '', citations }, reply.locale))) citations = citations.slice(0, -1);
  if (citations.length < parts.citations.length) {
    warnings.push({ code: 'citations_dropped', omittedCitations: parts.citations.length - citations.length });
  }
  const kept = { ...parts, citations };
  const shortened = shortenText(parts.text, (text) => fits(compose({ ...kept, text }, reply.locale)));
  const body = shortened
    ? compose({ ...kept, text: shortened.text }, reply.locale)
    : (shortenText(compose({ ...kept, text: '' }, reply.locale), fits)?.text ?? '');
  warnings.push({ code: 'truncated', originalLength: full.length, renderedLength: body.length });
  return { body, warnings };
}
