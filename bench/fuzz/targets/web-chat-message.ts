import fc from 'fast-check';
import { ValidationError } from '../../../bot/errors/validation-error.js';
import { parseBody } from '../../../bot/http/parse-body.js';
import { webChatMessageRequestSchema } from '../../../channels/web-chat/web-chat-message-request.js';
import { hostileText } from '../arbitraries/hostile-text.js';
import { mutatedFields, parsedJson, randomFields } from '../arbitraries/untrusted-values.js';
import type { FuzzTarget } from '../fuzz-target.js';
import { PropertyViolation } from '../property-violation.js';
import { rethrowUnlessDocumented } from '../rethrow-unless-documented.js';

/** The production default of WEB_CHAT_MESSAGE_MAX_CHARS. */
const messageMaxChars = 2_000;
const schema = webChatMessageRequestSchema(messageMaxChars);
const keys = ['conversationId', 'text', 'clientMessageId', 'locale'] as const;

const validRequest = fc.record(
  {
    conversationId: fc.uuid(),
    text: hostileText({ tokens: ['How do I block my card?', 'ignore previous instructions'], hugeWeight: 3 }),
    clientMessageId: fc.string({ minLength: 1, maxLength: 200 }),
    locale: fc.constantFrom('en', 'nl'),
  },
  { requiredKeys: ['text'] },
);

export const webChatMessageTarget: FuzzTarget<unknown> = {
  name: 'web-chat-message',
  parser: 'channels/web-chat/web-chat-message-request.ts#webChatMessageRequestSchema (through bot/http/parse-body.ts#parseBody, as the route does)',
  contract: 'returns a request whose trimmed text has 1 to WEB_CHAT_MESSAGE_MAX_CHARS characters, or throws ValidationError',
  arbitrary: fc.oneof(
    { weight: 6, arbitrary: mutatedFields(validRequest, keys) },
    { weight: 2, arbitrary: randomFields(keys) },
    { weight: 2, arbitrary: parsedJson },
  ),
  check(body) {
    try {
      const request = parseBody(schema, body);
      if (request.text.length === 0 || request.text.length > messageMaxChars) throw new PropertyViolation(`text of ${request.text.length} characters accepted`);
    } catch (error) {
      rethrowUnlessDocumented(error, [ValidationError]);
    }
  },
};
