import { z } from 'zod';
import { parsePhrasePattern } from './phrase-pattern.js';
import type { TopicPriority } from './topic-policy.js';

/** Most urgent first; matches are reported in this order. */
export const topicPriorities = ['urgent', 'high', 'normal', 'low'] as const satisfies readonly TopicPriority[];

const identifier = z.string().regex(/^[a-z][a-z0-9_]*$/, 'use lower-case letters, digits and underscores, starting with a letter');

const phrasePatternSchema = z.string().transform((source, context) => {
  const parsed = parsePhrasePattern(source);
  if (parsed.ok) return parsed.pattern;
  context.addIssue({ code: 'custom', message: `pattern ${JSON.stringify(source)}: ${parsed.reason}` });
  return z.NEVER;
});

const patternListSchema = z.array(phrasePatternSchema).min(1, 'list at least one pattern');

const topicSchema = z
  .object({
    id: identifier,
    description: z.string().trim().min(1),
    skill: identifier,
    priority: z.enum(topicPriorities),
    patterns: z.object({ en: patternListSchema, nl: patternListSchema }).strict(),
  })
  .strict();

export const topicPolicySchema = z
  .object({
    version: z.literal(1),
    topics: z.array(topicSchema).min(1),
  })
  .strict()
  .superRefine((policy, context) => {
    const seen = new Set<string>();
    policy.topics.forEach((topic, index) => {
      if (seen.has(topic.id)) context.addIssue({ code: 'custom', path: ['topics', index, 'id'], message: `duplicate topic id "${topic.id}"` });
      seen.add(topic.id);
    });
  });
