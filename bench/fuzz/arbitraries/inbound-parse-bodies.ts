import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { hostileText, prototypeKeys } from './hostile-text.js';
import { headerBlock, rawEmailMessage } from './mime-messages.js';
import { mutatedBytes, randomBytes } from './mutated-bytes.js';
import { mutatedFields, parsedJson, randomFields } from './untrusted-values.js';

/** A multipart body and the Content-Type it came with. */
export interface InboundParseRequest {
  body: Buffer;
  contentType: string;
}

const sendGridBody = readFileSync(new URL('../../../channels/email/fixtures/sendgrid-inbound-parse.multipart', import.meta.url));

export const inboundParseFieldNames = ['from', 'to', 'subject', 'text', 'html', 'headers', 'envelope', 'email', 'attachments', 'charsets', 'dkim', 'SPF', 'spam_score'] as const;

const charsetsJson = fc.oneof(
  fc
    .dictionary(fc.oneof(fc.constantFrom(...inboundParseFieldNames), fc.constantFrom(...prototypeKeys)), fc.constantFrom('utf-8', 'iso-8859-1', 'windows-1252', 'utf-16le', 'utf-16be', 'iso-2022-jp', 'replacement', 'x-bogus', ' Latin1 ', ''))
    .map((charsets) => JSON.stringify(charsets)),
  fc.constantFrom('{', '[]', 'null', '{"text": 5}', '"utf-8"', '{"__proto__": {"text": "utf-16le"}}'),
);

const envelopeJson = fc.oneof(
  fc.record({ from: fc.oneof(fc.emailAddress(), fc.constant(null)), to: fc.array(fc.emailAddress(), { maxLength: 2 }) }).map((envelope) => JSON.stringify(envelope)),
  fc.constantFrom('{"from": 5}', '{"to": "x"}', 'not json', '{"__proto__": {"from": "x@y"}}', 'null'),
);

/** Text bodies, encoded in a charset the `charsets` field may or may not name. */
const fieldValue = (name: string): fc.Arbitrary<Buffer> => {
  const text =
    name === 'charsets'
      ? charsetsJson
      : name === 'envelope'
        ? envelopeJson
        : name === 'headers'
          ? headerBlock
          : name === 'email'
            ? rawEmailMessage.map((bytes) => bytes.toString('latin1'))
            : hostileText({ tokens: ['€', '\u2019', 'é'] });
  return fc.tuple(text, fc.constantFrom<BufferEncoding>('utf8', 'latin1', 'utf16le')).map(([value, encoding]) => Buffer.from(value, encoding));
};

const partName = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...inboundParseFieldNames) }, { weight: 1, arbitrary: fc.constantFrom(...prototypeKeys) }, { weight: 1, arbitrary: hostileText({ maxPieces: 2 }) });

const part = partName.chain((name) =>
  fc
    .record({
      value: fieldValue(name),
      disposition: fc.constantFrom(`form-data; name="${name}"`, `form-data; name=${name}`, `form-data; name="${name}"; filename="scan.pdf"`, `form-data; name="${name}"; filename*=UTF-8''x.pdf`, 'form-data', 'attachment', ''),
      contentType: fc.constantFrom('', 'Content-Type: text/plain; charset=utf-8\r\n', 'Content-Type: application/octet-stream\r\n'),
      separator: fc.constantFrom('\r\n\r\n', '\n\n', '\r\n'),
    })
    .map(({ value, disposition, contentType, separator }) => Buffer.concat([Buffer.from(`Content-Disposition: ${disposition}\r\n${contentType}`.replace(/\r\n$/, '') + separator), value])),
);

const boundaryText = fc.oneof(fc.constantFrom('xYzZY', '----WebKitFormBoundary7MA4YWxkTrZu0gW', 'a', '--', '"', 'x'.repeat(200)), hostileText({ maxPieces: 2 }));

const multipartRequest: fc.Arbitrary<InboundParseRequest> = fc
  .record({
    boundary: boundaryText,
    declared: fc.option(boundaryText, { nil: undefined }),
    quoted: fc.boolean(),
    parts: fc.array(part, { maxLength: 12 }),
    closed: fc.boolean(),
    manyParts: fc.option(fc.integer({ min: 150, max: 260 }), { freq: 20, nil: undefined }),
  })
  .map(({ boundary, declared, quoted, parts, closed, manyParts }) => {
    const delimiter = Buffer.from(`--${boundary}\r\n`);
    const chunks = parts.flatMap((chunk) => [delimiter, chunk, Buffer.from('\r\n')]);
    const padding = Array.from({ length: manyParts ?? 0 }, () => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="x"\r\n\r\ny\r\n`));
    const body = Buffer.concat([...chunks, ...padding, Buffer.from(closed ? `--${boundary}--\r\n` : '')]);
    const named = declared ?? boundary;
    return { body, contentType: `multipart/form-data; boundary=${quoted ? `"${named}"` : named}` };
  });

const contentType = fc.oneof(
  fc.constantFrom('multipart/form-data; boundary=xYzZY', 'MULTIPART/FORM-DATA;BOUNDARY="xYzZY"', 'multipart/form-data', 'application/x-www-form-urlencoded', 'application/x-www-form-urlencoded; charset=latin1', 'text/plain', ''),
  hostileText({ tokens: ['multipart/form-data', '; boundary=', '"'], maxPieces: 4 }),
);

/** Inbound-parse POST bodies: generated multipart forms, the captured SendGrid post mutated, urlencoded forms and random bytes. */
export const inboundParseRequest: fc.Arbitrary<InboundParseRequest> = fc.oneof(
  { weight: 6, arbitrary: multipartRequest },
  { weight: 3, arbitrary: mutatedBytes(fc.constant(sendGridBody)).map((body) => ({ body, contentType: 'multipart/form-data; boundary=xYzZY' })) },
  { weight: 1, arbitrary: fc.record({ body: hostileText({ tokens: ['&', '=', '%', '+', 'from=', 'text='] }).map((text) => Buffer.from(text, 'utf8')), contentType: fc.constant('application/x-www-form-urlencoded') }) },
  { weight: 1, arbitrary: fc.record({ body: randomBytes, contentType }) },
);

const validParsedFields = fc.record(
  {
    from: fc.constantFrom('Pieter van Dijk <p.vandijk@hotmail.example>', 'emma@gmail.example'),
    to: fc.constant('help@inbound.lumenbank.example'),
    subject: hostileText({ maxPieces: 6 }),
    text: hostileText({ tokens: ['\n> ', 'Op ma 2 jun 2025 schreef Lumen Bank <h@l.example>:'] }),
    html: hostileText({ tokens: ['<div>', '</div>', '<br>', '<hr>', '&lt;'] }),
    headers: headerBlock,
    envelope: envelopeJson,
    attachments: fc.constantFrom('0', '2', '-1', '1.5', 'abc', '1e400', 'Infinity', ''),
    email: rawEmailMessage.map((bytes) => bytes.toString('utf8')),
  },
  { requiredKeys: ['from'] },
);

/** The fields a route hands the webhook parser: valid ones mutated, random ones, any JSON. */
export const inboundParseFields: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: mutatedFields(validParsedFields, inboundParseFieldNames) },
  { weight: 2, arbitrary: randomFields(inboundParseFieldNames) },
  { weight: 1, arbitrary: parsedJson },
);
