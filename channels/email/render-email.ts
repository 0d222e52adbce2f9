import type { Activity } from 'botbuilder';
import { z } from 'zod';

export type EmailLocale = 'en' | 'nl';

/** Something the email could not show as the bot meant it; it is still in the mail, in a lesser form. */
export type EmailRenderWarning =
  /** A citation whose URL is not http(s) is listed with its URL as plain text, not as a link. */
  | { type: 'citation-not-linked'; articleId: string; url: string }
  /** The same article cited twice is listed once. */
  | { type: 'duplicate-citation-merged'; articleId: string }
  /** The reply had no text; the mail carries only the disclosure and sources, if any. */
  | { type: 'empty-text' }
  /** The customer's subject was longer than a subject line should be and was shortened. */
  | { type: 'subject-truncated'; maxChars: number };

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
  warnings: EmailRenderWarning[];
}

export interface RenderEmailOptions {
  /** The customer's language: labels and the default subject. */
  locale: EmailLocale;
  /** The subject of the customer's message, as received. */
  subject: string;
}

const replyChannelDataSchema = z.object({
  citations: z.array(z.object({ articleId: z.string(), title: z.string(), url: z.string() })),
  disclosure: z.string().optional(),
});

const labels = {
  en: { sources: 'Sources', defaultSubject: 'Your question' },
  nl: { sources: 'Bronnen', defaultSubject: 'Uw vraag' },
} as const satisfies Record<EmailLocale, { sources: string; defaultSubject: string }>;

const maxSubjectChars = 200;

/**
 * Pure: the bot's reply activity as an email: a "Re:" subject, a plain-text
 * body with numbered sources ("[1] Title: url") and an HTML alternative with the
 * sources as links. The automated-assistant disclosure, when the bot set one,
 * comes first in both.
 */
export function renderEmail(reply: Partial<Activity>, options: RenderEmailOptions): RenderedEmail {
  const channelData = replyChannelDataSchema.parse(reply.channelData);
  const warnings: EmailRenderWarning[] = [];
  const texts = labels[options.locale];

  const subject = replySubject(options.subject, texts.defaultSubject);
  if (subject.truncated) warnings.push({ type: 'subject-truncated', maxChars: maxSubjectChars });

  const body = (reply.text ?? '').replace(/\r\n?/g, '\n').trim();
  if (body === '') warnings.push({ type: 'empty-text' });

  const citations: { articleId: string; title: string; url: string; linkable: boolean }[] = [];
  for (const citation of channelData.citations) {
    if (citations.some((seen) => seen.articleId === citation.articleId)) {
      warnings.push({ type: 'duplicate-citation-merged', articleId: citation.articleId });
      continue;
    }
    const linkable = isWebUrl(citation.url);
    if (!linkable) warnings.push({ type: 'citation-not-linked', articleId: citation.articleId, url: citation.url });
    citations.push({ ...citation, linkable });
  }

  const disclosure = channelData.disclosure?.trim();
  const textParts = [
    ...(disclosure ? [disclosure] : []),
    ...(body === '' ? [] : [body]),
    ...(citations.length === 0
      ? []
      : [`${texts.sources}:\n${citations.map((citation, index) => `[${index + 1}] ${oneLine(citation.title)}${citation.url ? `: ${citation.url}` : ''}`).join('\n')}`]),
  ];

  const htmlParts = [
    ...(disclosure ? [`<p style="color:#555555;font-size:13px;">${escapeHtml(disclosure)}</p>`] : []),
    ...paragraphs(body).map((paragraph) => `<p>${paragraph.split('\n').map(escapeHtml).join('<br>')}</p>`),
    ...(citations.length === 0
      ? []
      : [
          `<p><strong>${texts.sources}</strong></p>`,
          `<ol>${citations
            .map((citation) =>
              citation.linkable
                ? `<li><a href="${escapeHtml(citation.url)}">${escapeHtml(oneLine(citation.title))}</a></li>`
                : `<li>${escapeHtml(oneLine(citation.title))}${citation.url ? `: ${escapeHtml(citation.url)}` : ''}</li>`,
            )
            .join('')}</ol>`,
        ]),
  ];

  return {
    subject: subject.value,
    text: `${textParts.join('\n\n')}\n`,
    html: [
      '<!DOCTYPE html>',
      `<html lang="${options.locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject.value)}</title></head>`,
      '<body style="font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a;">',
      ...htmlParts,
      '</body></html>',
      '',
    ].join('\n'),
    warnings,
  };
}

/** Reply prefixes mail clients add, in the languages our customers write: "Re:", "RE[2]:", "Antw:", "AW:", "SV:". */
const replyPrefix = /^\s*(re|antw|aw|sv|vs)\s*(\[\d+\]|\(\d+\))?\s*:\s*/i;

/** "Re: " once, before the customer's subject without its own reply prefixes; a default when there is none. */
export function replySubject(subject: string, fallback: string): { value: string; truncated: boolean } {
  let base = oneLine(subject);
  while (replyPrefix.test(base)) base = base.replace(replyPrefix, '');
  if (base === '') base = fallback;
  const truncated = [...base].length > maxSubjectChars;
  if (truncated) base = `${[...base].slice(0, maxSubjectChars - 1).join('')}…`;
  return { value: `Re: ${base}`, truncated };
}

function oneLine(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters must not reach a header or a title
  return value.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
}

function paragraphs(text: string): string[] {
  return text === '' ? [] : text.split(/\n{2,}/).map((paragraph) => paragraph.trim()).filter((paragraph) => paragraph !== '');
}

function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
