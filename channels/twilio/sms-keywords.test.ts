import { describe, expect, it } from 'vitest';
import { classifySmsKeyword, smsKeywordReplies, smsKeywords } from './sms-keywords.js';
import { measureSms } from './sms-encoding.js';

describe('classifySmsKeyword', () => {
  it.each([
    ...smsKeywords.stop.map((word) => [word, 'stop'] as const),
    ...smsKeywords.start.map((word) => [word, 'start'] as const),
    ...smsKeywords.help.map((word) => [word, 'help'] as const),
  ])('%s is %s', (word, keyword) => {
    expect(classifySmsKeyword(word)).toBe(keyword);
  });

  it.each(['stop', 'Stop.', '  STOP!\n', 'opt-out', 'Opt out', 'stop all', '"Unsubscribe"', 'ＳＴＯＰ', 'help?', 'Yes!!'])(
    'ignores case, spaces and punctuation in %j',
    (text) => {
      expect(classifySmsKeyword(text)).toBeDefined();
    },
  );

  it.each(['please stop the payment', 'stop my card', 'help me block my card', 'yes I lost it', 'STOPP', 'stop2', '', '   ', '!!!'])(
    'only the whole message counts: %j is no keyword',
    (text) => {
      expect(classifySmsKeyword(text)).toBeUndefined();
    },
  );

  it('does not take Dutch words for keywords Twilio does not act on', () => {
    expect(classifySmsKeyword('stoppen')).toBeUndefined();
    expect(classifySmsKeyword('ja')).toBeUndefined();
  });
});

describe('smsKeywordReplies', () => {
  it.each(['en', 'nl'] as const)('fits each %s reply in one GSM-7 segment and says how to opt out', (locale) => {
    for (const text of Object.values(smsKeywordReplies[locale])) {
      expect(measureSms(text)).toMatchObject({ encoding: 'GSM-7', segments: 1 });
      expect(text).toContain('STOP');
    }
  });
});
