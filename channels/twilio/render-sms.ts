import { replyTexts } from '../../bot/reply-texts.js';
import { markdownToPlainText } from './markdown-to-channel-text.js';
import type { RenderWarning } from './render-warning.js';
import type { ReplyContent } from './reply-content.js';
import { shortenText } from './shorten-text.js';
import { measureSms, replaceGsmLookalikes, type SmsEncoding, smsEncodingOf, substituteLookalikes } from './sms-encoding.js';
import { twilioMaxBodyLength } from './twilio-outbound-payload.js';

export interface SmsRenderOptions {
  /** Most segments one reply may use; each is billed as one SMS. At least 1. */
  maxSegments: number;
}

export interface RenderedSms {
  /** What goes in Twilio's `Body`. */
  body: string;
  segments: number;
  encoding: SmsEncoding;
  warnings: RenderWarning[];
}

const moreLabel = { en: 'More:', nl: 'Meer:' } as const;

interface SmsParts {
  disclosure: string;
  text: string;
  link: string;
}

function compose(parts: SmsParts): string {
  return [parts.disclosure, parts.text, parts.link].filter((part) => part !== '').join('\n\n');
}

/**
 * Pure: a bot reply as one SMS body of at most `maxSegments` segments: the
 * automated-assistant disclosure when the reply carries one, the answer as
 * plain text, then "More: <url>" of the first citation. Too long, the notice
 * takes its short form first; still too long, the answer is shortened at a sentence or word boundary with an ellipsis and the link
 * kept, so the full article is one tap away; only if the disclosure and link
 * alone leave no room is the link dropped. Every such change is reported in
 * `warnings`.
 */
export function renderSms(reply: ReplyContent, options: SmsRenderOptions): RenderedSms {
  const { maxSegments } = options;
  if (!Number.isInteger(maxSegments) || maxSegments < 1) throw new RangeError(`maxSegments must be a whole number of at least 1, not ${maxSegments}`);
  const warnings: RenderWarning[] = [];
  const [firstCitation, ...otherCitations] = reply.citations;
  // SMS cannot show titles; the first source's link stands for all of them.
  if (firstCitation) warnings.push({ code: 'citations_as_link', omittedCitations: otherCitations.length });

  let parts: SmsParts = {
    disclosure: markdownToPlainText(reply.disclosure ?? ''),
    text: markdownToPlainText(reply.text),
    link: firstCitation?.url ? `${moreLabel[reply.locale]} ${firstCitation.url}` : '',
  };
  const { replaced } = replaceGsmLookalikes(compose(parts));
  if (replaced.length > 0) {
    const substitute = (text: string) => substituteLookalikes(text).text;
    parts = { disclosure: substitute(parts.disclosure), text: substitute(parts.text), link: substitute(parts.link) };
    warnings.push({ code: 'characters_replaced', characters: replaced });
  }

  const full = compose(parts);
  const fits = (body: string) => body.length <= twilioMaxBodyLength && measureSms(body).segments <= maxSegments;
  // The whole answer matters more than the long form of the notice: SMS says the same as every other channel when it can.
  if (!fits(full) && parts.disclosure !== '') {
    const short = { ...parts, disclosure: substituteLookalikes(replyTexts[reply.locale].shortDisclosure).text };
    if (fits(compose(short))) {
      warnings.push({ code: 'short_disclosure' });
      parts = short;
    }
  }
  const whole = compose(parts);
  const body = fits(whole) ? whole : shorten(parts, fits, warnings);
  if (body !== whole) warnings.push({ code: 'truncated', originalLength: full.length, renderedLength: body.length });
  const { segments, encoding } = measureSms(body);
  return { body, segments, encoding, warnings };
}

/** The first of these that fits: shorter answer with the link; the link alone; shorter answer without the link; everything cut. */
function shorten(parts: SmsParts, fits: (body: string) => boolean, warnings: RenderWarning[]): string {
  // "…" is not in GSM-7: in a message that is otherwise GSM-7 it would cost the cheaper encoding.
  const ellipsisFor = (withLink: boolean) => (kept: string) =>
    smsEncodingOf(compose({ ...parts, text: kept, link: withLink ? parts.link : '' })) === 'GSM-7' ? '...' : '…';
  const withText = (link: string) => (text: string) => fits(compose({ ...parts, text, link }));

  const withLink = shortenText(parts.text, withText(parts.link), ellipsisFor(true));
  if (withLink) return compose({ ...parts, text: withLink.text });
  if (parts.link !== '' && fits(compose({ ...parts, text: '' }))) return compose({ ...parts, text: '' });

  if (parts.link !== '') warnings.push({ code: 'link_dropped' });
  const withoutLink = shortenText(parts.text, withText(''), ellipsisFor(false));
  if (withoutLink) return compose({ ...parts, text: withoutLink.text, link: '' });
  // Only with a tiny segment budget: not even the disclosure fits whole.
  const everything = compose({ ...parts, link: '' });
  return shortenText(everything, fits, (kept) => (smsEncodingOf(kept) === 'GSM-7' ? '...' : '…'))?.text ?? '';
}
