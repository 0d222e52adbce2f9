import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../bot/errors/validation-error.js';
import { readFormFixture } from './fixtures/read-form-fixture.js';
import { parseTwilioInbound } from './twilio-inbound-schema.js';

const accountSid = 'AC8e2d4f6a8b0c2d4e6f8a0b2c4d6e8f0a';

function issuesOf(form: unknown): { path: string; message: string }[] {
  try {
    parseTwilioInbound(form);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return [...(error as ValidationError).issues];
  }
  throw new Error('expected a ValidationError');
}

describe('parseTwilioInbound', () => {
  it('reads an inbound SMS', () => {
    expect(parseTwilioInbound(readFormFixture('sms-inbound.form.txt'))).toEqual({
      channel: 'sms',
      messageSid: 'SM5f0a6e0c9f5d4f6b8a2e1c3d4b5a6f70',
      accountSid,
      from: '+31612345678',
      to: '+3197010250123',
      text: 'Hoe blokkeer ik mijn pas?',
      media: [],
    });
  });

  it('reads a WhatsApp message without the whatsapp: prefixes, with the profile name and emoji intact', () => {
    expect(parseTwilioInbound(readFormFixture('whatsapp-inbound.form.txt'))).toEqual({
      channel: 'whatsapp',
      messageSid: 'SM9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d',
      accountSid,
      from: '+31612345678',
      to: '+3197010250456',
      text: 'I lost my card 😟',
      media: [],
      profileName: 'Sanne de Vries',
    });
  });

  it('reads the media of an MMS in order', () => {
    const message = parseTwilioInbound(readFormFixture('mms-inbound.form.txt'));
    expect(message.messageSid).toBe('MM0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f');
    expect(message.media).toEqual([
      { url: expect.stringMatching(/\/Media\/ME1a2b/), contentType: 'image/jpeg' },
      { url: expect.stringMatching(/\/Media\/ME6d5c/), contentType: 'application/pdf' },
    ]);
  });

  it('reads a media-only WhatsApp message as empty text with its media', () => {
    const message = parseTwilioInbound(readFormFixture('whatsapp-image-inbound.form.txt'));
    expect(message).toMatchObject({ channel: 'whatsapp', text: '', media: [{ contentType: 'image/jpeg' }] });
  });

  it('keeps the text exactly as the customer wrote it', () => {
    const form = { ...readFormFixture('sms-inbound.form.txt'), Body: '  STOP\n' };
    expect(parseTwilioInbound(form).text).toBe('  STOP\n');
  });

  it('accepts a short code as our number on SMS', () => {
    const form = { ...readFormFixture('sms-inbound.form.txt'), To: '4567' };
    expect(parseTwilioInbound(form).to).toBe('4567');
  });

  it('leaves out an empty profile name', () => {
    const form = { ...readFormFixture('whatsapp-inbound.form.txt'), ProfileName: '' };
    expect(parseTwilioInbound(form)).not.toHaveProperty('profileName');
  });

  it('names every missing or malformed field', () => {
    const { MessageSid: _sid, Body: _body, ...form } = readFormFixture('sms-inbound.form.txt');
    expect(issuesOf({ ...form, AccountSid: 'ACnope', NumMedia: 'two' })).toEqual(
      expect.arrayContaining([
        { path: 'MessageSid', message: 'is required' },
        { path: 'Body', message: 'is required (empty for a media-only message)' },
        { path: 'AccountSid', message: 'must be a Twilio id starting with AC' },
        { path: 'NumMedia', message: 'must be a whole number' },
      ]),
    );
  });

  it('refuses a message whose media fields do not match NumMedia', () => {
    const form = { ...readFormFixture('whatsapp-image-inbound.form.txt'), NumMedia: '2' };
    expect(issuesOf(form)).toEqual([
      { path: 'MediaUrl1', message: 'must be an http(s) URL, as NumMedia is 2' },
      { path: 'MediaContentType1', message: 'must be a media type like image/jpeg, as NumMedia is 2' },
    ]);
  });

  it('refuses more than ten media items', () => {
    expect(issuesOf({ ...readFormFixture('sms-inbound.form.txt'), NumMedia: '11' })).toEqual([
      { path: 'NumMedia', message: 'must be at most 10' },
    ]);
  });

  it('refuses a sender that is not an E.164 number', () => {
    expect(issuesOf({ ...readFormFixture('sms-inbound.form.txt'), From: '0612345678' })).toEqual([
      { path: 'From', message: 'must be a phone number in E.164 format, like +31612345678' },
    ]);
  });

  it('refuses addresses that disagree on the channel', () => {
    expect(issuesOf({ ...readFormFixture('whatsapp-inbound.form.txt'), To: '+3197010250456' })).toEqual([
      { path: 'To', message: 'must carry the whatsapp: prefix, as From does' },
    ]);
    expect(issuesOf({ ...readFormFixture('sms-inbound.form.txt'), To: 'whatsapp:+3197010250123' })).toEqual([
      { path: 'To', message: 'must not carry the whatsapp: prefix, as From does' },
    ]);
  });

  it('refuses a field sent twice (an array after form decoding)', () => {
    expect(issuesOf({ ...readFormFixture('sms-inbound.form.txt'), Body: ['a', 'b'] })[0]?.path).toBe('Body');
  });

  it('refuses a body that is not form fields, with a message that says so', () => {
    expect(() => parseTwilioInbound(undefined)).toThrow(/form fields/);
    expect(() => parseTwilioInbound('Body=hi')).toThrow(ValidationError);
  });

  it('does not change its input', () => {
    const form = readFormFixture('mms-inbound.form.txt');
    const copy = structuredClone(form);
    parseTwilioInbound(form);
    expect(form).toEqual(copy);
  });
});
