import fc from 'fast-check';
import { createConversationTokens } from '../../../channels/web-chat/conversation-tokens.js';
import { hostileText } from '../arbitraries/hostile-text.js';
import type { FuzzTarget } from '../fuzz-target.js';
import { PropertyViolation } from '../property-violation.js';

interface TokenInput {
  conversationId: string;
  token: string | undefined;
  /** The token was issued for this conversation id, unchanged. */
  issued: boolean;
}

const tokens = createConversationTokens('fuzzing-secret-that-is-at-least-32-characters');
const base64urlCharacter = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_');

const tokenInput: fc.Arbitrary<TokenInput> = fc
  .record({
    conversationId: fc.oneof(fc.uuid(), hostileText({ maxPieces: 6 })),
    kind: fc.constantFrom('issued', 'other-conversation', 'changed', 'well-formed', 'random', 'missing'),
    other: fc.uuid(),
    well: fc.string({ unit: base64urlCharacter, minLength: 43, maxLength: 43 }),
    random: hostileText({ tokens: ['=', '+', '/', '-', '_'], maxPieces: 6 }),
    at: fc.nat(),
    replacement: base64urlCharacter,
  })
  .map(({ conversationId, kind, other, well, random, at, replacement }) => {
    const issued = tokens.issue(conversationId);
    const position = at % issued.length;
    const token = {
      issued,
      'other-conversation': tokens.issue(other),
      changed: issued.slice(0, position) + replacement + issued.slice(position + 1),
      'well-formed': well,
      random,
      missing: undefined,
    }[kind];
    return { conversationId, token, issued: kind === 'issued' || token === issued };
  });

export const conversationTokenTarget: FuzzTarget<TokenInput> = {
  name: 'conversation-token',
  parser: 'channels/web-chat/conversation-tokens.ts#createConversationTokens().verify',
  contract: 'returns a boolean, true for the token issued for that conversation id; never throws',
  arbitrary: tokenInput,
  check({ conversationId, token, issued }) {
    const verified = tokens.verify(conversationId, token);
    if (typeof verified !== 'boolean') throw new PropertyViolation('did not return a boolean');
    if (issued && !verified) throw new PropertyViolation('refused the token it issued');
  },
};
