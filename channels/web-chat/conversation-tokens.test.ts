import { describe, expect, it } from 'vitest';
import { createConversationTokens } from './conversation-tokens.js';

const secret = 'a-test-secret-that-is-long-enough-0123456789';
const conversationId = '5b0f3c1e-8d2a-4b7e-9c41-2f6a1d9e7b30';

describe('createConversationTokens', () => {
  const tokens = createConversationTokens(secret);

  it('issues a base64url HMAC-SHA256 of the conversation id', () => {
    expect(tokens.issue(conversationId)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(tokens.issue(conversationId)).toBe(tokens.issue(conversationId));
  });

  it('accepts the token issued for the conversation', () => {
    expect(tokens.verify(conversationId, tokens.issue(conversationId))).toBe(true);
  });

  it("refuses another conversation's token", () => {
    expect(tokens.verify(conversationId, tokens.issue('00000000-0000-4000-8000-000000000000'))).toBe(false);
  });

  it('refuses a token issued under another secret', () => {
    const other = createConversationTokens(`${secret}-rotated`);
    expect(tokens.verify(conversationId, other.issue(conversationId))).toBe(false);
  });

  it('refuses a missing, empty, truncated or padded token', () => {
    const token = tokens.issue(conversationId);
    for (const wrong of [undefined, '', token.slice(0, -1), `${token}=`, `${token}A`, `${token.slice(0, 20)}!${token.slice(21)}`]) {
      expect(tokens.verify(conversationId, wrong)).toBe(false);
    }
  });

  it('refuses to work with a short secret', () => {
    expect(() => createConversationTokens('short')).toThrow(/WEB_CHAT_TOKEN_SECRET/);
  });
});
