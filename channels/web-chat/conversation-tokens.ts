import { createHmac, timingSafeEqual } from 'node:crypto';

/** Issues and checks the bearer token that gives access to one web-chat conversation. */
export interface ConversationTokens {
  issue(conversationId: string): string;
  /** Constant-time; false for a missing or malformed token as well as a wrong one. */
  verify(conversationId: string, token: string | undefined): boolean;
}

const minimumSecretLength = 32;
/** 32 HMAC bytes in base64url without padding. Checked first because Node's base64url decoder skips stray characters. */
const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

/**
 * A token is HMAC-SHA256(conversation id) under a server secret, base64url:
 * nothing to store, and no conversation can be reached from another's token.
 */
export function createConversationTokens(secret: string): ConversationTokens {
  if (typeof secret !== 'string' || secret.length < minimumSecretLength) {
    throw new TypeError(
      `The web-chat token secret must be a string of at least ${minimumSecretLength} characters (WEB_CHAT_TOKEN_SECRET)`,
    );
  }
  const sign = (conversationId: string) => createHmac('sha256', secret).update(conversationId, 'utf8').digest();

  return {
    issue(conversationId) {
      return sign(conversationId).toString('base64url');
    },
    verify(conversationId, token) {
      if (token === undefined || !tokenPattern.test(token)) return false;
      return timingSafeEqual(Buffer.from(token, 'base64url'), sign(conversationId));
    },
  };
}
