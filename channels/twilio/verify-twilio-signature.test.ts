import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { readFormFixture } from './fixtures/read-form-fixture.js';
import { publicUrl, verifyTwilioSignature } from './verify-twilio-signature.js';

const authToken = '0123456789abcdef0123456789abcdef';
const params = readFormFixture('sms-inbound.form.txt');
const signedUrl = 'https://assistant.lumenbank.example/api/twilio/messages';
const signature = twilio.getExpectedTwilioSignature(authToken, signedUrl, params);

const check = {
  authToken,
  publicBaseUrl: 'https://assistant.lumenbank.example',
  path: '/api/twilio/messages',
  params,
  signature,
};

describe('verifyTwilioSignature', () => {
  it('accepts a request Twilio signed for the public URL', () => {
    expect(verifyTwilioSignature(check)).toBe(true);
  });

  it('accepts it whatever the trailing slash on the base URL', () => {
    expect(verifyTwilioSignature({ ...check, publicBaseUrl: 'https://assistant.lumenbank.example/' })).toBe(true);
  });

  it('accepts a signature made with the default port in the URL', () => {
    const withPort = twilio.getExpectedTwilioSignature(authToken, 'https://assistant.lumenbank.example:443/api/twilio/messages', params);
    expect(verifyTwilioSignature({ ...check, signature: withPort })).toBe(true);
  });

  it('includes the query string in the signed URL', () => {
    const url = `${signedUrl}?outboxId=42`;
    const signed = twilio.getExpectedTwilioSignature(authToken, url, params);
    expect(verifyTwilioSignature({ ...check, path: '/api/twilio/messages?outboxId=42', signature: signed })).toBe(true);
    expect(verifyTwilioSignature({ ...check, path: '/api/twilio/messages?outboxId=43', signature: signed })).toBe(false);
  });

  it('keeps a path prefix of the public base URL', () => {
    const url = 'https://bank.example/assistant/api/twilio/messages';
    const signed = twilio.getExpectedTwilioSignature(authToken, url, params);
    expect(verifyTwilioSignature({ ...check, publicBaseUrl: 'https://bank.example/assistant', signature: signed })).toBe(true);
  });

  it('refuses the URL the server saw behind a proxy when Twilio signed the public one', () => {
    expect(verifyTwilioSignature({ ...check, publicBaseUrl: 'http://10.0.0.7:3000' })).toBe(false);
  });

  it('refuses a changed field', () => {
    expect(verifyTwilioSignature({ ...check, params: { ...params, Body: 'Send me money' } })).toBe(false);
  });

  it('refuses an added field', () => {
    expect(verifyTwilioSignature({ ...check, params: { ...params, Extra: 'x' } })).toBe(false);
  });

  it('refuses another auth token', () => {
    expect(verifyTwilioSignature({ ...check, authToken: 'fedcba9876543210fedcba9876543210' })).toBe(false);
  });

  it('refuses a missing or empty signature', () => {
    expect(verifyTwilioSignature({ ...check, signature: undefined })).toBe(false);
    expect(verifyTwilioSignature({ ...check, signature: '' })).toBe(false);
  });

  it('refuses when no auth token is configured', () => {
    expect(verifyTwilioSignature({ ...check, authToken: '' })).toBe(false);
  });

  it('refuses a body that is not form fields', () => {
    expect(verifyTwilioSignature({ ...check, params: undefined })).toBe(false);
    expect(verifyTwilioSignature({ ...check, params: 'Body=hi' })).toBe(false);
  });

  it('refuses a JSON body, even one the library cannot turn into text (found by bench/fuzz)', () => {
    const json = JSON.parse('{"Body": {"toString": 1}, "NumMedia": 0}') as unknown;
    expect(verifyTwilioSignature({ ...check, params: json })).toBe(false);
    expect(verifyTwilioSignature({ ...check, params: { ...params, Body: ['hi', { valueOf: 1 }] } })).toBe(false);
  });

  it('accepts a repeated field, which the form decoder gives as an array', () => {
    const repeated = { ...params, Extra: ['a', 'b'] };
    const signed = twilio.getExpectedTwilioSignature(authToken, signedUrl, repeated);
    expect(verifyTwilioSignature({ ...check, params: repeated, signature: signed })).toBe(true);
  });
});

describe('publicUrl', () => {
  it('joins base and path with exactly one slash', () => {
    expect(publicUrl('https://a.example/', '/x?y=1')).toBe('https://a.example/x?y=1');
    expect(publicUrl('https://a.example', 'x')).toBe('https://a.example/x');
  });
});
