import { createHash } from 'node:crypto';
import { MailParser, type AddressObject, type AttachmentStream, type EmailAddress, type HeaderLines, type MessageText } from 'mailparser';
import { ValidationError } from '../../bot/errors/validation-error.js';
import { detectMailLoop } from './detect-mail-loop.js';
import { InboundEmailTooLargeError } from './inbound-email-too-large-error.js';
import type { InboundEmail } from './inbound-email.js';
import { parseHeaderBlock } from './parse-header-block.js';
import { stripQuotedReply } from './strip-quoted-reply.js';

export interface ParseInboundEmailOptions {
  /** Attachments are drained unread; more decoded attachment bytes than this in total refuses the message. */
  maxAttachmentBytes: number;
  /** Refuses a raw message longer than this before parsing it. Unlimited unless given (the SMTP listener has its own limit). */
  maxMessageBytes?: number;
  /**
   * The SMTP envelope sender when the message came over SMTP (`''` for the null
   * sender of bounces). Stands in for a missing Return-Path header in loop detection.
   */
  envelopeFrom?: string;
  /** Our own sending addresses, so our replies coming back are recognised as a loop. */
  ownAddresses?: readonly string[];
  /** Attachments already removed before the MIME reached us (an inbound-parse webhook's files). */
  attachmentsAlreadyIgnored?: number;
}

/** Converting HTML to text is the expensive step; a customer's question never needs more HTML than this. */
const maxHtmlCharsToConvert = 1_000_000;

/**
 * Reads one raw RFC 5322 message into an {@link InboundEmail}: threading ids,
 * sender, the customer's new text (quoted history and signature removed,
 * converted from HTML when there is no text part), how many attachments were
 * ignored, and whether a program sent it.
 *
 * Uses mailparser's streaming `MailParser` rather than `simpleParser`, which
 * buffers every attachment in memory: here attachments are only counted and
 * drained, and parsing stops as soon as they pass `maxAttachmentBytes`.
 *
 * Throws `InboundEmailTooLargeError` past the byte limits, and `ValidationError`
 * for a message beyond mailparser's structural limits (more than 1,000 MIME
 * parts, a header block over 1 MiB): the same bytes will be refused again.
 */
export async function parseInboundEmail(raw: Buffer | string, options: ParseInboundEmailOptions): Promise<InboundEmail> {
  const bytes = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
  if (options.maxMessageBytes !== undefined && bytes.length > options.maxMessageBytes) {
    throw new InboundEmailTooLargeError('message', options.maxMessageBytes);
  }
  const parsed = await readMime(bytes, options.maxAttachmentBytes);
  // mailparser converts HTML only when nothing offers a text alternative; a multipart/alternative holding only HTML gets none.
  const text = parsed.text.trim() === '' && parsed.html !== '' ? await htmlToText(parsed.html) : parsed.text;

  const headers = parseHeaderBlock(parsed.headerLines.map((line) => line.line).join('\r\n'));
  const loopHeaders = new Map(headers);
  if (!loopHeaders.has('return-path') && options.envelopeFrom !== undefined) {
    loopHeaders.set('return-path', [`<${options.envelopeFrom}>`]);
  }
  const sender = firstMailbox(parsed.parser.from);
  const fromAddress = (sender?.address ?? options.envelopeFrom ?? '').trim().toLowerCase();
  const senderName = sender?.name.trim();

  const inReplyTo = messageIdsIn(headers.get('in-reply-to'))[0];
  return {
    messageId: messageIdsIn(headers.get('message-id'))[0] ?? parsed.parser.messageId ?? syntheticMessageId(bytes),
    ...(inReplyTo === undefined ? {} : { inReplyTo }),
    references: unique(messageIdsIn(headers.get('references'))),
    from: { address: fromAddress, ...(senderName ? { name: senderName } : {}) },
    to: mailboxes(parsed.parser.to).map((mailbox) => (mailbox.address ?? '').toLowerCase()).filter((address) => address !== ''),
    subject: (parsed.parser.subject ?? '').trim(),
    text: stripQuotedReply(text),
    attachmentsIgnored: parsed.attachments + (options.attachmentsAlreadyIgnored ?? 0),
    loop: detectMailLoop(loopHeaders, fromAddress, options.ownAddresses === undefined ? {} : { ownAddresses: options.ownAddresses }),
  };
}

interface ParsedMime {
  parser: MailParser;
  headerLines: HeaderLines;
  text: string;
  html: string;
  attachments: number;
}

function readMime(bytes: Buffer, maxAttachmentBytes: number): Promise<ParsedMime> {
  return new Promise((resolve, reject) => {
    const parser = new MailParser({
      checksumAlgo: false,
      skipTextToHtml: true,
      skipImageLinks: true,
      keepDeliveryStatus: true,
      // A forwarded-as-attachment message is an attachment: counted, not read.
      ignoreEmbedded: true,
      maxHtmlLengthToParse: maxHtmlCharsToConvert,
    });
    let headerLines: HeaderLines = [];
    let text = '';
    let html = '';
    let attachments = 0;
    let attachmentBytes = 0;
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      parser.destroy();
      reject(error);
    };

    parser.on('headerLines', (lines: HeaderLines) => {
      headerLines = lines;
    });
    parser.on('data', (part: AttachmentStream | MessageText) => {
      if (part.type === 'text') {
        text = part.text ?? '';
        html = part.html ?? '';
        return;
      }
      attachments += 1;
      part.content.on('data', (chunk: Buffer) => {
        attachmentBytes += chunk.length;
        if (attachmentBytes > maxAttachmentBytes) fail(new InboundEmailTooLargeError('attachments', maxAttachmentBytes));
      });
      part.content.on('end', () => part.release?.());
    });
    parser.on('error', (error: unknown) =>
      fail(isParserLimit(error) ? new ValidationError(`The email is beyond what the MIME parser reads: ${error.message}`) : error),
    );
    parser.on('end', () => {
      if (settled) return;
      settled = true;
      resolve({ parser, headerLines, text, html, attachments });
    });
    parser.end(bytes);
  });
}

/** mailparser's splitter refuses a message past its structural limits with an error coded EMAXLEN: the message is at fault, not the service. */
function isParserLimit(error: unknown): error is Error {
  return error instanceof Error && (error as { code?: unknown }).code === 'EMAXLEN';
}

/** mailparser's own HTML-to-text conversion, on a message that holds nothing but the HTML. */
async function htmlToText(html: string): Promise<string> {
  const body = Buffer.from(html, 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n');
  const mime = `Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${body}\r\n`;
  return (await readMime(Buffer.from(mime, 'utf8'), 0)).text;
}

function mailboxes(header: AddressObject | AddressObject[] | undefined): EmailAddress[] {
  const objects = header === undefined ? [] : Array.isArray(header) ? header : [header];
  const flatten = (entries: EmailAddress[]): EmailAddress[] => entries.flatMap((entry) => (entry.group ? flatten(entry.group) : [entry]));
  return objects.flatMap((object) => flatten(object.value));
}

function firstMailbox(header: AddressObject | undefined): EmailAddress | undefined {
  return mailboxes(header).find((mailbox) => mailbox.address !== undefined && mailbox.address !== '');
}

/** Every `<id>` in the header values, in order; clients disagree on separators (spaces, commas, folding). */
function messageIdsIn(values: readonly string[] | undefined): string[] {
  return (values ?? []).flatMap((value) => value.match(/<[^<>\s]+>/g) ?? []);
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/**
 * A message without a Message-ID still needs a stable id, so a redelivery of
 * the same bytes is recognised as a duplicate.
 */
function syntheticMessageId(bytes: Buffer): string {
  return `<${createHash('sha256').update(bytes).digest('hex').slice(0, 40)}@missing-message-id.invalid>`;
}
