import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { hostileText, repeatToLength } from './hostile-text.js';
import { mutatedBytes, randomBytes } from './mutated-bytes.js';

const fixturesDirectory = new URL('../../../channels/email/fixtures/', import.meta.url);
/** The captured messages the email tests use (Gmail, Outlook, Apple Mail, a bounce, an auto-reply, attachments). */
export const emailFixtures: readonly Buffer[] = readdirSync(fixturesDirectory)
  .filter((name) => name.endsWith('.eml'))
  .map((name) => readFileSync(new URL(name, fixturesDirectory)));

const mailbox = fc.oneof(
  fc.constantFrom(
    'Emma Jansen <emma.jansen@gmail.example>',
    '"Visser, Ruud" <r.visser@contoso.example>',
    'help@lumenbank.example',
    'MAILER-DAEMON@mx.example',
    'no-reply@bank.example',
    'undisclosed-recipients:;',
    'Team: a@b.example, "c" <c@d.example>;',
    '<>',
    '"unterminated <a@b.example>',
    '=?utf-8?B?RW1tYSBKYW5zZW4=?= <emma@x.example>',
    '=?iso-8859-1?Q?Ren=E9_M=FCller?= <rene@x.example>',
    '=?utf-8?B?@@@invalid?= <x@y.example>',
    '=?x-unknown-charset?Q?abc?= <x@y.example>',
    'a@b@c',
    '@',
  ),
  fc.emailAddress(),
  hostileText({ tokens: ['<', '>', '@', '"', ',', ';', ':', '=?utf-8?Q?', '?='], maxPieces: 8 }),
);

const messageIds = fc.oneof(
  fc.constantFrom('<beef0005-0005@mail.lumenbank.example>', '<a@b> <c@d>', '<a@b>,<c@d>', '<>', '<<a@b>>', 'no-brackets@x', '<a b@c>'),
  hostileText({ tokens: ['<', '>', '@', ' ', ','], maxPieces: 8 }),
);

const headerValues: Readonly<Record<string, fc.Arbitrary<string>>> = {
  From: mailbox,
  To: fc.array(mailbox, { maxLength: 4 }).map((boxes) => boxes.join(', ')),
  Cc: mailbox,
  'Reply-To': mailbox,
  'Return-Path': fc.oneof(fc.constantFrom('<>', '< >', ''), mailbox),
  Subject: hostileText({ tokens: ['Re: ', 'Fwd: ', 'Antw: ', '=?utf-8?B?', '=?utf-8?Q?', '?=', '=C3=A9'], maxPieces: 8 }),
  'Message-ID': messageIds,
  'In-Reply-To': messageIds,
  References: messageIds,
  Date: fc.oneof(fc.constantFrom('Thu, 5 Jun 2025 19:03:27 +0000', 'Mon, 32 Foo 99999 99:99:99 +9999', ''), hostileText({ maxPieces: 4 })),
  'Auto-Submitted': fc.constantFrom('no', 'auto-replied', 'auto-generated', 'No ', ''),
  Precedence: fc.constantFrom('bulk', 'junk', 'list', 'auto_reply', 'first-class'),
  'List-Id': fc.constantFrom('<news.bank.example>', ''),
  'X-Autoreply': fc.constantFrom('yes', 'no', '0'),
  'X-Auto-Response-Suppress': fc.constantFrom('All', 'None', 'OOF, AutoReply'),
  'MIME-Version': fc.constantFrom('1.0', '2.0', ''),
  Received: hostileText({ maxPieces: 6 }),
};
const headerNames = Object.keys(headerValues);

const header = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...headerNames).chain((name) => (headerValues[name] ?? fc.string()).map((value) => `${name}: ${value}`)) },
  { weight: 1, arbitrary: fc.tuple(hostileText({ maxPieces: 3 }), hostileText({ maxPieces: 5 })).map(([name, value]) => `${name}: ${value}`) },
  { weight: 1, arbitrary: hostileText({ tokens: [':', ' ', '\t'], maxPieces: 6 }) },
);

const charset = fc.constantFrom('utf-8', 'UTF-8', 'iso-8859-1', 'windows-1252', 'us-ascii', 'utf-16', 'utf-16le', 'utf-7', 'iso-2022-jp', 'shift_jis', 'gb2312', 'koi8-r', 'x-bogus', '');
const transferEncoding = fc.constantFrom('7bit', '8bit', 'binary', 'base64', 'quoted-printable', 'x-uuencode', 'bogus');
const leafType = fc.constantFrom(
  'text/plain',
  'text/html',
  'text/calendar',
  'application/octet-stream',
  'application/pdf',
  'image/png',
  'message/rfc822',
  'message/delivery-status',
  'text/rfc822-headers',
  'application/ms-tnef',
);

/** A body encoded as its header says, or deliberately wrong (base64 with garbage, quoted-printable with bad escapes). */
function encodeBody(text: string, encoding: string, broken: boolean): string {
  if (broken) return `${text}\r\n=ZZ=\r\n@@@===\r\n`;
  if (encoding === 'base64') return Buffer.from(text, 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n');
  if (encoding === 'quoted-printable') return text.replace(/[=\u0080-\uffff]/g, (character) => `=${(character.charCodeAt(0) & 0xff).toString(16).toUpperCase().padStart(2, '0')}`);
  return text;
}

const leafPart = fc
  .record({
    type: leafType,
    charset,
    encoding: transferEncoding,
    broken: fc.boolean(),
    attachment: fc.option(hostileText({ tokens: ['.pdf', '"', ';', '=?utf-8?Q?'], maxPieces: 4 }), { nil: undefined }),
    extraHeaders: fc.array(header, { maxLength: 2 }),
    body: hostileText({ tokens: ['<html>', '<p>', '</div>', '<br>', '&amp;', '&#x0;', 'On Mon, Jun 2, 2025 at 10:00 Emma <e@x.example> wrote:', '> quoted', '-- ', '\r\n.\r\n'] }),
  })
  .map((part) => {
    const disposition = part.attachment === undefined ? [] : [`Content-Disposition: attachment; filename="${part.attachment}"`];
    const headers = [`Content-Type: ${part.type}${part.charset === '' ? '' : `; charset="${part.charset}"`}`, `Content-Transfer-Encoding: ${part.encoding}`, ...disposition, ...part.extraHeaders];
    return `${headers.join('\r\n')}\r\n\r\n${encodeBody(part.body, part.encoding, part.broken)}`;
  });

const boundary = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: fc.constantFrom(...'abcdefABCDEF0123456789_-=.'), minLength: 1, maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '"', '--', 'a b', '()<>@,;:\\"/[]?=', 'x'.repeat(300)) },
  { weight: 1, arbitrary: hostileText({ maxPieces: 3 }) },
);

const { part: mimePart } = fc.letrec<{ part: string; multipart: string }>((tie) => ({
  part: fc.oneof({ maxDepth: 4, depthIdentifier: 'mime' }, leafPart, tie('multipart')),
  multipart: fc
    .record({
      subtype: fc.constantFrom('mixed', 'alternative', 'related', 'report; report-type=delivery-status', 'signed', 'digest'),
      boundary,
      declared: fc.oneof(fc.constant(undefined), boundary),
      children: fc.array(tie('part'), { maxLength: 4, depthIdentifier: 'mime' }),
      preamble: fc.option(hostileText({ maxPieces: 3 }), { nil: undefined }),
      closed: fc.boolean(),
    })
    .map(({ subtype, boundary: used, declared, children, preamble, closed }) => {
      const header = `Content-Type: multipart/${subtype}; boundary="${declared ?? used}"`;
      const body = children.map((child) => `--${used}\r\n${child}\r\n`).join('');
      return `${header}\r\n\r\n${preamble ?? ''}\r\n${body}${closed ? `--${used}--\r\n` : ''}`;
    }),
}));

/** A message built from generated headers and a MIME tree up to four levels deep, with broken boundaries, charsets and encodings. */
const generatedMessage = fc
  .record({
    headers: fc.array(header, { maxLength: 12 }),
    body: mimePart,
    lineEnding: fc.constantFrom('\r\n', '\n', '\r'),
    folded: fc.boolean(),
    latin1: fc.boolean(),
  })
  .map(({ headers, body, lineEnding, folded, latin1 }) => {
    const headerBlock = headers.map((line) => (folded ? line.replace(/, /g, ',\r\n\t') : line)).join('\r\n');
    const text = `${headerBlock}\r\n${body}`.replace(/\r\n/g, lineEnding);
    // Latin-1 turns every character into one byte: raw 8-bit headers and bodies, as old clients send them.
    return Buffer.from(text, latin1 ? 'latin1' : 'utf8');
  });

/** Structures that have crashed mail parsers: deep nesting, thousands of parts, a huge header line, thousands of headers. */
const pathologicalMessage = fc.oneof(
  fc.integer({ min: 20, max: 400 }).map((depth) => {
    const opening = Array.from({ length: depth }, (_, level) => `Content-Type: multipart/mixed; boundary="b${level}"\r\n\r\n--b${level}\r\n`).join('');
    return `From: a@b.example\r\n${opening}Content-Type: text/plain\r\n\r\nhello\r\n`;
  }),
  fc.integer({ min: 100, max: 1_500 }).map(
    (parts) => `From: a@b.example\r\nContent-Type: multipart/mixed; boundary="x"\r\n\r\n${'--x\r\nContent-Type: text/plain\r\n\r\nhi\r\n'.repeat(parts)}--x--\r\n`,
  ),
  fc.integer({ min: 10_000, max: 100_000 }).map((length) => `Subject: ${repeatToLength('=?utf-8?B?QQ==?= ', length)}\r\nFrom: a@b.example\r\n\r\nhi\r\n`),
  fc.integer({ min: 1_000, max: 70_000 }).map((count) => `${'X-Header: value\r\n'.repeat(count)}From: a@b.example\r\n\r\nhi\r\n`),
  fc.integer({ min: 10_000, max: 200_000 }).map((length) => `From: a@b.example\r\nContent-Type: text/html\r\n\r\n${'<div>'.repeat(length / 5)}`),
);

/** Raw RFC 5322 messages: generated trees, mutated captured messages, pathological structures and random bytes. */
export const rawEmailMessage: fc.Arbitrary<Buffer> = fc.oneof(
  { weight: 20, arbitrary: generatedMessage },
  { weight: 12, arbitrary: mutatedBytes(fc.constantFrom(...emailFixtures)) },
  { weight: 1, arbitrary: pathologicalMessage.map((text) => Buffer.from(text, 'utf8')) },
  { weight: 4, arbitrary: randomBytes },
);

/** A header block on its own, as an inbound-parse webhook posts it in `headers`. */
export const headerBlock: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.array(header, { maxLength: 15 }), fc.constantFrom('\r\n', '\n', '\r')).map(([lines, ending]) => lines.join(ending)) },
  { weight: 2, arbitrary: mutatedBytes(fc.constantFrom(...emailFixtures)).map((bytes) => bytes.toString('utf8')) },
  { weight: 1, arbitrary: hostileText({ tokens: ['\r\n', '\n ', '\t', ':', 'Auto-Submitted:', 'List-Id:', 'Return-Path: <>'] }) },
);
