export { defaultTopicPolicyPath, parseTopicPolicy, readTopicPolicy } from './load-topic-policy.js';
export { matchRestrictedTopics } from './match-restricted-topics.js';
export { TopicPolicyError, type TopicPolicyIssue } from './topic-policy-error.js';
export type { RestrictedTopic, RestrictedTopicMatch, TopicLocale, TopicPolicy, TopicPriority } from './topic-policy.js';
export { topicPriorities } from './topic-policy-schema.js';
