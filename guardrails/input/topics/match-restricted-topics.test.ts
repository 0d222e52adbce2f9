import { describe, expect, it } from 'vitest';
import { parseTopicPolicy } from './load-topic-policy.js';
import { matchRestrictedTopics } from './match-restricted-topics.js';

const policy = parseTopicPolicy(
  `
version: 1
topics:
  - id: complaint
    description: Wants to complain.
    skill: complaints
    priority: normal
    patterns:
      en: [want to complain]
      nl: [klacht indienen]
  - id: legal_advice
    description: Legal advice.
    skill: legal
    priority: low
    patterns:
      en: [can i sue, lawyer*]
      nl: [advocaat]
  - id: ongoing_fraud
    description: Being scammed.
    skill: fraud
    priority: urgent
    patterns:
      en: [been scammed, scammer]
      nl: [opgelicht]
`,
  'inline',
);

describe('matchRestrictedTopics', () => {
  it('returns nothing for a plain question', () => {
    expect(matchRestrictedTopics('How long does a replacement card take?', 'en', policy)).toEqual([]);
    expect(matchRestrictedTopics('', 'en', policy)).toEqual([]);
  });

  it('reports the topic, its skill and priority, and the evidence', () => {
    expect(matchRestrictedTopics('I have been scammed!', 'en', policy)).toEqual([
      { topic: 'ongoing_fraud', skill: 'fraud', priority: 'urgent', pattern: 'been scammed', matchedText: 'been scammed', patternLocale: 'en' },
    ]);
  });

  it('orders several topics by priority, most urgent first', () => {
    const matches = matchRestrictedTopics('I want to complain, I have been scammed, can I sue?', 'en', policy);
    expect(matches.map((match) => match.topic)).toEqual(['ongoing_fraud', 'complaint', 'legal_advice']);
  });

  it('reports a topic once, with the first pattern in file order that matches', () => {
    const matches = matchRestrictedTopics('My lawyer asks: can I sue?', 'en', policy);
    expect(matches).toHaveLength(1);
    expect(matches[0]?.pattern).toBe('can i sue');
  });

  it('also tries the other locale, preferring the message locale for the evidence', () => {
    const matches = matchRestrictedTopics('ik ben opgelicht door een scammer', 'en', policy);
    expect(matches[0]).toMatchObject({ topic: 'ongoing_fraud', pattern: 'scammer', patternLocale: 'en' });
    expect(matchRestrictedTopics('ik ben opgelicht', 'en', policy)[0]).toMatchObject({ pattern: 'opgelicht', patternLocale: 'nl' });
  });
});
