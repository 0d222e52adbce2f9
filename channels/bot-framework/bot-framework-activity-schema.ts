import { z } from 'zod';

const account = z.looseObject({ id: z.string({ error: 'is required' }).min(1, 'must not be empty') });

/**
 * The fields of an inbound Bot Framework activity that the turn reads, checked
 * before botbuilder sees the body: botbuilder itself only checks that `type`
 * is a string, so a message without `from` or `conversation`, or with a `text`
 * that is not a string, would otherwise fail inside the turn. A message needs
 * a sender and a conversation; other activity types are acknowledged unread.
 * Connectors send many more fields and write `null` for absent ones.
 */
export const botFrameworkActivitySchema = z
  .looseObject({
    type: z.string({ error: 'is required' }).min(1, 'must not be empty'),
    id: z.string().nullish(),
    text: z.string().nullish(),
    locale: z.string().nullish(),
    from: account.optional(),
    conversation: account.optional(),
    attachments: z.array(z.unknown()).nullish(),
  })
  .superRefine((activity, context) => {
    if (activity.type !== 'message') return;
    for (const field of ['from', 'conversation'] as const) {
      if (activity[field] === undefined) context.addIssue({ code: 'custom', path: [field], message: 'is required on a message' });
    }
  });
