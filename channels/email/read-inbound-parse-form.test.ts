import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../bot/errors/validation-error.js';
import { readInboundParseForm } from './read-inbound-parse-form.js';

const sendgridBody = readFileSync(new URL('./fixtures/sendgrid-inbound-parse.multipart', import.meta.url));

function multipart(boundary: string, parts: readonly string[]): Buffer {
  return Buffer.from(`${parts.map((part) => `--${boundary}\r\n${part}\r\n`).join('')}--${boundary}--\r\n`, 'utf8');
}

describe('readInboundParseForm', () => {
  it('reads the text fields of a SendGrid post and counts its file without reading it', () => {
    const form = readInboundParseForm(sendgridBody, 'multipart/form-data; boundary=xYzZY');
    expect(form.files).toBe(1);
    expect(form.fields.from).toBe('Pieter van Dijk <p.vandijk@hotmail.example>');
    expect(form.fields.attachments).toBe('1');
    expect(form.fields).not.toHaveProperty('attachment1');
    expect(form.fields.envelope).toBe('{"to":["help@inbound.lumenbank.example"],"from":"p.vandijk@hotmail.example"}');
  });

  it('decodes fields in the charset SendGrid names for them', () => {
    const form = readInboundParseForm(sendgridBody, 'multipart/form-data; boundary=xYzZY');
    expect(form.fields.text).toContain('gestuurd van €25.');
    expect(form.fields.html).toContain('gestuurd van €25.');
  });

  it('accepts a quoted boundary', () => {
    const body = multipart('abc 123', ['Content-Disposition: form-data; name="from"\r\n\r\na@example.com']);
    expect(readInboundParseForm(body, 'multipart/form-data; boundary="abc 123"').fields).toEqual({ from: 'a@example.com' });
  });

  it('keeps line breaks inside a field', () => {
    const body = multipart('b', ['Content-Disposition: form-data; name="text"\r\n\r\nline one\r\nline two\r\n']);
    expect(readInboundParseForm(body, 'multipart/form-data; boundary=b').fields.text).toBe('line one\r\nline two\r\n');
  });

  it('falls back to UTF-8 for an unknown charset label or malformed charsets', () => {
    const body = multipart('b', [
      'Content-Disposition: form-data; name="text"\r\n\r\nCafé',
      'Content-Disposition: form-data; name="charsets"\r\n\r\n{"text":"x-unknown-charset"}',
    ]);
    expect(readInboundParseForm(body, 'multipart/form-data; boundary=b').fields.text).toBe('Café');
    const broken = multipart('b', ['Content-Disposition: form-data; name="text"\r\n\r\nCafé', 'Content-Disposition: form-data; name="charsets"\r\n\r\n{not json']);
    expect(readInboundParseForm(broken, 'multipart/form-data; boundary=b').fields.text).toBe('Café');
  });

  it('reads fields named like Object.prototype members, with or without a charsets field (found by bench/fuzz)', () => {
    const fields = ['constructor', 'toString', 'hasOwnProperty'].map((name) => `Content-Disposition: form-data; name="${name}"\r\n\r\nCafé`);
    for (const charsets of [[], ['Content-Disposition: form-data; name="charsets"\r\n\r\n{"text":"utf-8"}']]) {
      const form = readInboundParseForm(multipart('b', [...fields, ...charsets]), 'multipart/form-data; boundary=b');
      expect(form.fields).toMatchObject({ constructor: 'Café', toString: 'Café', hasOwnProperty: 'Café' });
    }
  });

  it('reads an urlencoded body', () => {
    const body = Buffer.from('from=a%40example.com&subject=Pas+kwijt&text=Hoe+blokkeer+ik+mijn+pas%3F');
    expect(readInboundParseForm(body, 'application/x-www-form-urlencoded').fields).toEqual({
      from: 'a@example.com',
      subject: 'Pas kwijt',
      text: 'Hoe blokkeer ik mijn pas?',
    });
  });

  it('refuses another content type', () => {
    expect(() => readInboundParseForm(Buffer.from('{}'), 'application/json')).toThrow(ValidationError);
  });

  it('refuses a body with too many parts', () => {
    const body = multipart('b', Array.from({ length: 201 }, (_, index) => `Content-Disposition: form-data; name="f${index}"\r\n\r\nx`));
    expect(() => readInboundParseForm(body, 'multipart/form-data; boundary=b')).toThrow(/more than 200 parts/);
  });

  it('returns nothing for a body without the boundary', () => {
    expect(readInboundParseForm(Buffer.from('garbage'), 'multipart/form-data; boundary=b')).toEqual({ fields: {}, files: 0 });
  });
});
