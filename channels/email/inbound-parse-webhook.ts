import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { ValidationError } from '../../bot/errors/validation-error.js';
import type { InboundEmail } from './inbound-email.js';
import { jsonFieldSchema } from './json-field-schema.js';
import { parseInboundEmail, type ParseInboundEmailOptions } from './parse-inbound-email.js';

/**
 * The fields of an inbound-parse webhook (SendGrid Inbound Parse style) that we
 * use. Parsed mode posts `from`, `to`, `subject`, `text`, `html`, `headers`
 * (the raw header block), `envelope` (JSON) and `attachments` (a count); with
 * "send raw" on, the whole MIME message arrives in `email` instead of text,
 * html and headers. Other fields (`dkim`, `SPF`, `spam_score`, ...) are ignored.
 */
export const inboundParseWebhookFieldsSchema = z
  .object({
    from: z.string().min(1, 'must name the sender'),
    to: z.string().optional(),
    subject: z.string().optional(),
    text: z.string().optional(),
    html: z.string().optional(),
    headers: z.string().optional(),
    envelope: jsonFieldSchema(z.object({ from: z.string().nullish(), to: z.array(z.string()).nullish() })).optional(),
    email: z.string().min(1).optional(),
    attachments: z.coerce.number().int().min(0).optional(),
  })
  .refine((fields) => fields.email !== undefined || fields.headers !== undefined || fields.text !== undefined || fields.html !== undefined, {
    message: 'must carry the raw message (email) or its parsed parts (headers, text, html)',
    path: ['email'],
  });
export type InboundParseWebhookFields = z.infer<typeof inboundParseWebhookFieldsSchema>;

/**
 * Turns the fields of one inbound-parse POST into the same {@link InboundEmail}
 * the SMTP path produces. In parsed mode the fields are put back together as a
 * MIME message (the provider's header block, our own body parts) so that one
 * parser handles both paths: threading ids and loop signals come from the
 * original headers, the text is stripped of quotes the same way.
 * Throws a ValidationError naming the fields when they are malformed.
 */
export async function parseInboundParseWebhook(fields: unknown, options: ParseInboundEmailOptions): Promise<InboundEmail> {
  const result = inboundParseWebhookFieldsSchema.safeParse(fields);
  if (!result.success) {
    throw new ValidationError(
      'The inbound-parse webhook fields are malformed',
      result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    );
  }
  const parsed = result.data;
  const envelopeFrom = parsed.envelope?.from ?? options.envelopeFrom;
  const attachmentsAlreadyIgnored = Math.max(parsed.attachments ?? 0, options.attachmentsAlreadyIgnored ?? 0);
  const parseOptions: ParseInboundEmailOptions = {
    ...options,
    ...(envelopeFrom === undefined || envelopeFrom === null ? {} : { envelopeFrom }),
    attachmentsAlreadyIgnored: parsed.email === undefined ? attachmentsAlreadyIgnored : (options.attachmentsAlreadyIgnored ?? 0),
  };
  return parseInboundEmail(parsed.email ?? rebuildMime(parsed), parseOptions);
}

/** Whether the caller presented the webhook's shared secret; compares digests so the time taken says nothing about it. */
export function inboundWebhookTokenMatches(presented: string | undefined, expected: string): boolean {
  if (presented === undefined || expected === '') return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}

/** Headers that describe the original body, which we replace with our own parts. */
const bodyHeaders = new Set(['content-type', 'content-transfer-encoding', 'mime-version', 'content-disposition', 'content-length']);

function rebuildMime(fields: InboundParseWebhookFields): Buffer {
  const headerLines = unfoldHeaderBlock(fields.headers ?? '').filter((line) => !bodyHeaders.has(headerName(line)));
  const present = new Set(headerLines.map(headerName));
  const fallbacks: [string, string | undefined][] = [
    ['From', fields.from],
    ['To', fields.to],
    ['Subject', fields.subject],
  ];
  for (const [name, value] of fallbacks) {
    if (!present.has(name.toLowerCase()) && value !== undefined) headerLines.push(`${name}: ${oneLine(value)}`);
  }
  const boundary = `inbound-parse-${createHash('sha256')
    .update(fields.text ?? '')
    .update(fields.html ?? '')
    .digest('hex')
    .slice(0, 24)}`;
  const parts = [
    ...(fields.text === undefined ? [] : [bodyPart('text/plain', fields.text)]),
    ...(fields.html === undefined ? [] : [bodyPart('text/html', fields.html)]),
  ];
  const mime = [
    ...headerLines,
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    '',
    ...parts.map((part) => `--${boundary}\r\n${part}`),
    `--${boundary}--`,
    '',
  ].join('\r\n');
  return Buffer.from(mime, 'utf8');
}

function bodyPart(contentType: string, content: string): string {
  const base64 = Buffer.from(content, 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n');
  return `Content-Type: ${contentType}; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${base64}`;
}

/** One string per header, continuation lines kept (CRLF-joined) so the header block reaches the parser unchanged. */
function unfoldHeaderBlock(block: string): string[] {
  const headers: string[] = [];
  for (const line of block.replace(/\r\n?/g, '\n').split('\n')) {
    if (line === '') break;
    if (/^[ \t]/.test(line) && headers.length > 0) headers[headers.length - 1] += `\r\n${line}`;
    else if (/^[!-9;-~]+[ \t]*:/.test(line)) headers.push(line);
  }
  return headers;
}

function headerName(line: string): string {
  return line.slice(0, line.indexOf(':')).trim().toLowerCase();
}

function oneLine(value: string): string {
  return value.replace(/[\r\n]+/g, ' ').trim();
}
