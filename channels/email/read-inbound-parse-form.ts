import { z } from 'zod';
import { ValidationError } from '../../bot/errors/validation-error.js';
import { jsonFieldSchema } from './json-field-schema.js';

/** The text fields of an inbound-parse POST, and how many file parts (attachments) it carried, unread. */
export interface InboundParseForm {
  fields: Record<string, string>;
  files: number;
}

const maxParts = 200;

/**
 * Reads an inbound-parse webhook body (`multipart/form-data`, as SendGrid
 * posts it, or `application/x-www-form-urlencoded`) without a form library.
 * Text fields are decoded in the charset the `charsets` field names for them
 * (SendGrid passes the customer's bytes through), UTF-8 otherwise. File parts
 * are counted and skipped. The caller bounds the body size (e.g.
 * `express.raw({ type: [...], limit })`).
 */
export function readInboundParseForm(body: Buffer, contentType: string): InboundParseForm {
  if (/^application\/x-www-form-urlencoded\b/i.test(contentType)) {
    return { fields: Object.fromEntries(new URLSearchParams(body.toString('utf8'))), files: 0 };
  }
  const boundary = /^multipart\/form-data\b.*;\s*boundary=(?:"([^"]+)"|([^\s;]+))/i.exec(contentType);
  const boundaryText = boundary?.[1] ?? boundary?.[2];
  if (boundaryText === undefined) {
    throw new ValidationError('The inbound-parse body must be multipart/form-data with a boundary, or urlencoded', [
      { path: 'content-type', message: 'must be multipart/form-data or application/x-www-form-urlencoded' },
    ]);
  }

  const raw: { name: string; value: Buffer }[] = [];
  let files = 0;
  for (const part of multipartParts(body, boundaryText)) {
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd === -1) continue;
    const headers = part.subarray(0, headerEnd).toString('utf8');
    const disposition = /^content-disposition:\s*form-data(.*)$/im.exec(headers)?.[1] ?? '';
    const name = /;\s*name="([^"]*)"/i.exec(disposition)?.[1] ?? /;\s*name=([^;\s]+)/i.exec(disposition)?.[1];
    if (name === undefined) continue;
    if (/;\s*filename\*?=/i.test(disposition)) {
      files += 1;
      continue;
    }
    raw.push({ name, value: part.subarray(headerEnd + 4) });
  }

  const charsets = readCharsets(raw.find((field) => field.name === 'charsets')?.value.toString('utf8'));
  const fields: Record<string, string> = {};
  for (const field of raw) fields[field.name] = decode(field.value, charsets.get(field.name));
  return { fields, files };
}

function* multipartParts(body: Buffer, boundary: string): Generator<Buffer> {
  const delimiter = Buffer.from(`--${boundary}`);
  let start = body.indexOf(delimiter);
  let count = 0;
  while (start !== -1) {
    const afterDelimiter = start + delimiter.length;
    if (body.subarray(afterDelimiter, afterDelimiter + 2).toString() === '--') return;
    const next = body.indexOf(delimiter, afterDelimiter);
    if (next === -1) return;
    count += 1;
    if (count > maxParts) throw new ValidationError(`The inbound-parse body has more than ${maxParts} parts`);
    // The part sits between the CRLF after this delimiter and the CRLF before the next one.
    yield body.subarray(afterDelimiter + 2, Math.max(afterDelimiter + 2, next - 2));
    start = next;
  }
}

/** The `charsets` field: `{"text":"iso-8859-1","html":"utf-8",...}`; anything unreadable means UTF-8. */
const charsetsSchema = jsonFieldSchema(z.record(z.string(), z.string()));

function readCharsets(value: string | undefined): ReadonlyMap<string, string> {
  const result = charsetsSchema.safeParse(value);
  // A Map, not the object: a field named "constructor" or "toString" must not find Object.prototype's function as its charset.
  return new Map(result.success ? Object.entries(result.data) : []);
}

function decode(value: Buffer, charset: string | undefined): string {
  if (charset === undefined) return value.toString('utf8');
  if (windows1252Labels.has(charset.trim().toLowerCase())) return decodeWindows1252(value);
  try {
    return new TextDecoder(charset).decode(value);
  } catch {
    // An unknown charset label: UTF-8 with replacement characters is better than refusing the mail.
    return value.toString('utf8');
  }
}

/** Labels that WHATWG (and every mail client) reads as windows-1252, iso-8859-1 included. */
const windows1252Labels = new Set(['windows-1252', 'cp1252', 'x-cp1252', 'iso-8859-1', 'iso8859-1', 'latin1', 'l1', 'us-ascii', 'ascii']);

/** What windows-1252 puts at 0x80..0x9f; the other bytes are their own code points. */
const windows1252High = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Node 20's TextDecoder reads windows-1252 as plain Latin-1 and loses the euro
 * sign and the curly quotes (0x80..0x9f), which Outlook uses all the time.
 */
function decodeWindows1252(value: Buffer): string {
  let text = '';
  for (const byte of value) text += byte >= 0x80 && byte <= 0x9f ? windows1252High.charAt(byte - 0x80) : String.fromCharCode(byte);
  return text;
}
