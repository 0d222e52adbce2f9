import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../bot/errors/validation-error.js';
import { readFormFixture } from './fixtures/read-form-fixture.js';
import { isFinalMessageStatus, isLaterMessageStatus, parseStatusCallback, twilioMessageStatuses } from './parse-status-callback.js';

describe('parseStatusCallback', () => {
  it('reads a delivered SMS', () => {
    expect(parseStatusCallback(readFormFixture('sms-status-delivered.form.txt'))).toEqual({
      messageSid: 'SM3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f',
      status: 'delivered',
    });
  });

  it('reads an undelivered SMS with its error code as a number', () => {
    expect(parseStatusCallback(readFormFixture('sms-status-undelivered.form.txt'))).toEqual({
      messageSid: 'SM3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f',
      status: 'undelivered',
      errorCode: 30003,
    });
  });

  it('reads a WhatsApp read receipt', () => {
    expect(parseStatusCallback(readFormFixture('whatsapp-status-read.form.txt'))).toEqual({
      messageSid: 'SM7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b',
      status: 'read',
    });
  });

  it.each(twilioMessageStatuses)('accepts the status %s', (status) => {
    expect(parseStatusCallback({ ...readFormFixture('sms-status-delivered.form.txt'), MessageStatus: status }).status).toBe(status);
  });

  it('treats an empty error code as none', () => {
    expect(parseStatusCallback({ ...readFormFixture('sms-status-delivered.form.txt'), ErrorCode: '' })).not.toHaveProperty('errorCode');
  });

  it('names every bad field', () => {
    const { To: _to, ...form } = readFormFixture('sms-status-undelivered.form.txt');
    let error: unknown;
    try {
      parseStatusCallback({ ...form, MessageSid: 'XX1', MessageStatus: 'lost', ErrorCode: 'E1' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual(['MessageSid', 'MessageStatus', 'ErrorCode', 'To']);
    expect((error as ValidationError).message).toMatch(/^Invalid Twilio status callback: MessageSid must be a Twilio message id/);
  });

  it('refuses a body that is not form fields', () => {
    expect(() => parseStatusCallback(null)).toThrow(/form fields/);
  });
});

describe('isLaterMessageStatus', () => {
  it('moves forward through the usual order', () => {
    expect(isLaterMessageStatus(undefined, 'queued')).toBe(true);
    expect(isLaterMessageStatus('queued', 'sent')).toBe(true);
    expect(isLaterMessageStatus('sent', 'delivered')).toBe(true);
    expect(isLaterMessageStatus('delivered', 'read')).toBe(true);
    expect(isLaterMessageStatus('sending', 'failed')).toBe(true);
  });

  it('ignores a callback that arrives after a later one', () => {
    expect(isLaterMessageStatus('delivered', 'sent')).toBe(false);
    expect(isLaterMessageStatus('read', 'delivered')).toBe(false);
    expect(isLaterMessageStatus('sent', 'sent')).toBe(false);
  });

  it('never turns one final status into another', () => {
    expect(isLaterMessageStatus('failed', 'delivered')).toBe(false);
    expect(isLaterMessageStatus('undelivered', 'read')).toBe(false);
    expect(isLaterMessageStatus('delivered', 'undelivered')).toBe(false);
  });
});

describe('isFinalMessageStatus', () => {
  it('knows which statuses end delivery', () => {
    expect(twilioMessageStatuses.filter(isFinalMessageStatus)).toEqual(['canceled', 'delivered', 'undelivered', 'failed', 'read']);
  });
});
