import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../bot/errors/validation-error.js';
import { isWithinCustomerServiceWindow, renderWhatsAppTemplate, whatsAppTemplateVariablesSchema } from './whatsapp-window.js';

const now = new Date('2026-09-14T10:00:00Z');
const hoursBefore = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
const contentSid = 'HXb5b62575e6e4ff6129ad7c8efe1f983e';

describe('isWithinCustomerServiceWindow', () => {
  it('is open right after the customer wrote and until just before 24 hours have passed', () => {
    expect(isWithinCustomerServiceWindow(hoursBefore(0), now)).toBe(true);
    expect(isWithinCustomerServiceWindow(new Date(hoursBefore(24).getTime() + 1), now)).toBe(true);
  });

  it('is closed 24 hours after the last message and later', () => {
    expect(isWithinCustomerServiceWindow(hoursBefore(24), now)).toBe(false);
    expect(isWithinCustomerServiceWindow(hoursBefore(72), now)).toBe(false);
  });

  it('is closed when the customer never wrote or the time is unknown', () => {
    expect(isWithinCustomerServiceWindow(undefined, now)).toBe(false);
    expect(isWithinCustomerServiceWindow(new Date(Number.NaN), now)).toBe(false);
  });

  it('counts a last message slightly in the future (clock skew) as within', () => {
    expect(isWithinCustomerServiceWindow(new Date(now.getTime() + 5_000), now)).toBe(true);
  });
});

describe('renderWhatsAppTemplate', () => {
  it('gives the content id and the variables as a JSON string', () => {
    expect(renderWhatsAppTemplate({ contentSid, variables: { 1: 'Sanne', 2: 'your question about cards' } })).toEqual({
      contentSid,
      contentVariables: '{"1":"Sanne","2":"your question about cards"}',
    });
  });

  it('accepts a template without variables', () => {
    expect(renderWhatsAppTemplate({ contentSid, variables: {} }).contentVariables).toBe('{}');
  });

  it('refuses a malformed content id and variables WhatsApp would reject, naming each', () => {
    let error: unknown;
    try {
      renderWhatsAppTemplate({ contentSid: 'MG123', variables: { 1: '', name: 'x', 2: 'a\nb', 3: 'a     b' } });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([
      { path: 'contentSid', message: 'must be a Content template id starting with HX' },
      { path: 'variables.1', message: 'must not be empty' },
      { path: 'variables.2', message: 'must not contain new lines, tabs or more than four spaces in a row' },
      { path: 'variables.3', message: 'must not contain new lines, tabs or more than four spaces in a row' },
      { path: 'variables.name', message: 'must be a placeholder number such as "1"' },
    ]);
  });
});

describe('whatsAppTemplateVariablesSchema', () => {
  it('reads a WHATSAPP_TEMPLATE_VARIABLES setting', () => {
    expect(whatsAppTemplateVariablesSchema.parse(JSON.parse('{"1":"Lumen Bank"}'))).toEqual({ 1: 'Lumen Bank' });
  });
});
