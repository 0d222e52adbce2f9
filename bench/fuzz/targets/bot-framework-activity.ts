import fc from 'fast-check';
import { validateAndFixActivity } from 'botbuilder/lib/activityValidator.js';
import { ValidationError } from '../../../bot/errors/validation-error.js';
import { parseBody } from '../../../bot/http/parse-body.js';
import { botFrameworkActivitySchema } from '../../../channels/bot-framework/bot-framework-activity-schema.js';
import { hostileText } from '../arbitraries/hostile-text.js';
import { mutatedFields, parsedJson, randomFields } from '../arbitraries/untrusted-values.js';
import type { FuzzTarget } from '../fuzz-target.js';
import { PropertyViolation } from '../property-violation.js';
import { rethrowUnlessDocumented } from '../rethrow-unless-documented.js';

const keys = ['type', 'id', 'text', 'locale', 'from', 'conversation', 'attachments', 'timestamp', 'localTimestamp', 'expiration', 'serviceUrl', 'channelData'] as const;

const validActivity = fc.record({
  type: fc.constantFrom('message', 'message', 'conversationUpdate', 'typing', 'invoke', 'event'),
  id: fc.string({ maxLength: 30 }),
  channelId: fc.constantFrom('msteams', 'directline', 'webchat', 'emulator'),
  serviceUrl: fc.constant('https://smba.trafficmanager.net/emea/'),
  timestamp: fc.oneof(fc.date({ noInvalidDate: true }).map((date) => date.toISOString()), hostileText({ maxPieces: 3 })),
  localTimestamp: hostileText({ maxPieces: 3 }),
  from: fc.record({ id: fc.string({ minLength: 1, maxLength: 40 }), name: hostileText({ maxPieces: 3 }) }),
  recipient: fc.record({ id: fc.constant('assistant-bot') }),
  conversation: fc.record({ id: fc.string({ minLength: 1, maxLength: 60 }) }),
  text: hostileText({ tokens: ['<at>assistant</at>', 'How long does a SEPA transfer take?'] }),
  locale: fc.constantFrom('en-US', 'nl-NL', 'NL', '', 'x-klingon'),
  attachments: fc.array(parsedJson, { maxLength: 3 }),
});

export const botFrameworkActivityTarget: FuzzTarget<unknown> = {
  name: 'bot-framework-activity',
  parser: 'channels/bot-framework/bot-framework-activity-schema.ts#botFrameworkActivitySchema (through parseBody, then botbuilder validateAndFixActivity, as POST /api/messages does)',
  contract: 'throws ValidationError, or accepts an activity botbuilder takes and whose from.id, conversation.id, text and locale the turn can read',
  arbitrary: fc.oneof(
    { weight: 6, arbitrary: mutatedFields(validActivity, keys) },
    { weight: 2, arbitrary: randomFields(keys) },
    { weight: 2, arbitrary: parsedJson },
  ),
  check(body) {
    try {
      parseBody(botFrameworkActivitySchema, body);
    } catch (error) {
      rethrowUnlessDocumented(error, [ValidationError]);
      return;
    }
    // Accepted: botbuilder's own check must pass, and the turn's reads (bot-framework-routes.ts runTurn) must work.
    const activity = validateAndFixActivity(structuredClone(body) as Parameters<typeof validateAndFixActivity>[0]);
    if (activity.type !== 'message') return;
    const text = (activity.text ?? '').trim();
    const reads = [text, activity.from.id, activity.conversation.id, activity.locale?.toLowerCase() ?? '', String(activity.attachments?.length ?? 0)];
    if (reads.some((value) => typeof value !== 'string')) throw new PropertyViolation('a field the turn reads has the wrong type');
  },
};
