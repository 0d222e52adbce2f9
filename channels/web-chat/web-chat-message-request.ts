import { z } from 'zod';

/** `POST /api/web-chat/messages` body. */
export function webChatMessageRequestSchema(messageMaxChars: number) {
  return z
    .object({
      conversationId: z.string().uuid('must be a conversation id returned by an earlier reply').optional(),
      text: z
        .string({ error: 'is required and must be a string' })
        .trim()
        .min(1, 'must not be empty')
        .max(messageMaxChars, `must be at most ${messageMaxChars} characters`),
      /** Client-chosen id; sending the same one again returns the same reply instead of a second one. */
      clientMessageId: z.string().min(1).max(200).optional(),
      locale: z.enum(['en', 'nl']).optional(),
    })
    .strict();
}

export type WebChatMessageRequest = z.infer<ReturnType<typeof webChatMessageRequestSchema>>;
