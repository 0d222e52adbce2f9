import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { defaultTopicPolicyPath, parseTopicPolicy } from '../../../guardrails/input/topics/load-topic-policy.js';
import { matchRestrictedTopics } from '../../../guardrails/input/topics/match-restricted-topics.js';
import { customerText } from '../arbitraries/customer-text.js';
import type { FuzzTarget } from '../fuzz-target.js';
import { PropertyViolation } from '../property-violation.js';

const policy = parseTopicPolicy(readFileSync(defaultTopicPolicyPath, 'utf8'), defaultTopicPolicyPath);

export const restrictedTopicsTarget: FuzzTarget<{ text: string; locale: 'en' | 'nl' }> = {
  name: 'restricted-topics',
  parser: 'guardrails/input/topics/match-restricted-topics.ts#matchRestrictedTopics (with policy/restricted-topics.yaml)',
  contract: 'returns at most one match per topic for any text; never throws',
  arbitrary: fc.record({ text: customerText, locale: fc.constantFrom('en' as const, 'nl' as const) }),
  check({ text, locale }) {
    const matches = matchRestrictedTopics(text, locale, policy);
    if (new Set(matches.map((match) => match.topic)).size !== matches.length) throw new PropertyViolation('a topic matched twice');
  },
};
