import { describe, expect, it } from 'vitest';
import { measureSms, replaceGsmLookalikes, smsEncodingOf } from './sms-encoding.js';

describe('smsEncodingOf', () => {
  it('keeps text of the GSM 03.38 alphabet, Dutch and French accents included, in GSM-7', () => {
    expect(smsEncodingOf('Hoe blokkeer ik mijn pas? Café, è, Ü, ß, €5 [x] {y} ~ ^ | \\')).toBe('GSM-7');
  });

  it('needs UCS-2 for characters outside it: ë, curly quotes, the ellipsis, emoji', () => {
    for (const text of ['financiële', 'it’s', 'wait…', 'card 😟', 'ç']) expect(smsEncodingOf(text)).toBe('UCS-2');
  });
});

describe('measureSms', () => {
  it('counts an empty body as no segment', () => {
    expect(measureSms('')).toEqual({ encoding: 'GSM-7', units: 0, segments: 0 });
  });

  it('fits 160 GSM-7 characters in one segment and 161 in two', () => {
    expect(measureSms('a'.repeat(160))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(measureSms('a'.repeat(161))).toEqual({ encoding: 'GSM-7', units: 161, segments: 2 });
  });

  it('uses 153 septets per segment once concatenated', () => {
    expect(measureSms('a'.repeat(306)).segments).toBe(2);
    expect(measureSms('a'.repeat(307)).segments).toBe(3);
  });

  it('counts extension characters twice', () => {
    expect(measureSms('€'.repeat(80))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(measureSms(`${'€'.repeat(80)}a`)).toEqual({ encoding: 'GSM-7', units: 161, segments: 2 });
  });

  it('does not split an escape sequence across segments', () => {
    // 306 septets fill two segments of 153 exactly, unless a € (escape + character) would straddle them.
    expect(measureSms(`${'a'.repeat(151)}€${'a'.repeat(153)}`)).toMatchObject({ units: 306, segments: 2 });
    expect(measureSms(`${'a'.repeat(152)}€${'a'.repeat(152)}`)).toMatchObject({ units: 306, segments: 3 });
  });

  it('fits 70 UCS-2 code units in one segment and uses 67 once concatenated', () => {
    expect(measureSms('ë'.repeat(70))).toEqual({ encoding: 'UCS-2', units: 70, segments: 1 });
    expect(measureSms('ë'.repeat(71))).toEqual({ encoding: 'UCS-2', units: 71, segments: 2 });
    expect(measureSms('ë'.repeat(134)).segments).toBe(2);
    expect(measureSms('ë'.repeat(135)).segments).toBe(3);
  });

  it('counts an emoji as two UTF-16 code units', () => {
    expect(measureSms('😟'.repeat(35))).toEqual({ encoding: 'UCS-2', units: 70, segments: 1 });
    expect(measureSms(`${'😟'.repeat(35)}a`)).toEqual({ encoding: 'UCS-2', units: 71, segments: 2 });
  });

  it('does not split a surrogate pair across segments', () => {
    // 134 units fill two segments of 67 exactly, unless an emoji would straddle them.
    expect(measureSms(`${'ë'.repeat(65)}😟${'ë'.repeat(67)}`)).toMatchObject({ units: 134, segments: 2 });
    expect(measureSms(`${'ë'.repeat(66)}😟${'ë'.repeat(66)}`)).toMatchObject({ units: 134, segments: 3 });
  });
});

describe('replaceGsmLookalikes', () => {
  it('replaces curly quotes, dashes, the ellipsis and special spaces so the text stays GSM-7', () => {
    expect(replaceGsmLookalikes('It’s “free” – really…\u00a0ok')).toEqual({
      text: 'It\'s "free" - really... ok',
      replaced: ['’', '“', '”', '–', '…', '\u00a0'],
    });
  });

  it('leaves GSM-7 text alone', () => {
    expect(replaceGsmLookalikes('Plain text.')).toEqual({ text: 'Plain text.', replaced: [] });
  });

  it('leaves text alone that would need UCS-2 anyway', () => {
    expect(replaceGsmLookalikes('financiële “hulp”')).toEqual({ text: 'financiële “hulp”', replaced: [] });
  });
});
