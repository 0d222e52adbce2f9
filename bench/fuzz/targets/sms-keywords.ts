import fc from 'fast-check';
import { classifySmsKeyword, smsKeywords } from '../../../channels/twilio/sms-keywords.js';
import { hostileText } from '../arbitraries/hostile-text.js';
import type { FuzzTarget } from '../fuzz-target.js';
import { PropertyViolation } from '../property-violation.js';

const keywordWords = Object.values(smsKeywords).flat();
const dressedUp = (word: string) => [word, word.toLowerCase(), ` ${word}! `, `${word}.`, word.split('').join('\u200b'), word.split('').join(' ')];

export const smsKeywordsTarget: FuzzTarget<string> = {
  name: 'sms-keywords',
  parser: 'channels/twilio/sms-keywords.ts#classifySmsKeyword',
  contract: 'returns stop, start, help or undefined for any text; never throws',
  arbitrary: fc.oneof(
    { weight: 3, arbitrary: hostileText({ tokens: keywordWords.flatMap(dressedUp), maxPieces: 4 }) },
    { weight: 1, arbitrary: hostileText() },
  ),
  check(text) {
    const keyword = classifySmsKeyword(text);
    if (keyword !== undefined && !(keyword in smsKeywords)) throw new PropertyViolation(`unknown keyword ${keyword}`);
  },
};
