import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTopicPolicy, parseTopicPolicy } from './load-topic-policy.js';
import { TopicPolicyError } from './topic-policy-error.js';

const validPolicy = `
version: 1
topics:
  - id: stolen_card
    description: A card was stolen.
    skill: fraud
    priority: high
    patterns:
      en: [card ... stol*]
      nl: [pas ... gestolen]
`;

function policyError(text: string): TopicPolicyError {
  try {
    parseTopicPolicy(text, 'policy.yaml');
  } catch (error) {
    if (error instanceof TopicPolicyError) return error;
    throw error;
  }
  throw new Error('expected a TopicPolicyError');
}

describe('parseTopicPolicy', () => {
  it('returns the topics with compiled patterns', () => {
    const policy = parseTopicPolicy(validPolicy, 'policy.yaml');
    expect(policy.topics).toHaveLength(1);
    expect(policy.topics[0]).toMatchObject({ id: 'stolen_card', skill: 'fraud', priority: 'high' });
    expect(policy.topics[0]?.patterns.en[0]?.source).toBe('card ... stol*');
  });

  it('names the file, the line and the reason for an invalid pattern', () => {
    const error = policyError(validPolicy.replace('[pas ... gestolen]', '[pas ... ...]'));
    expect(error.path).toBe('policy.yaml');
    expect(error.isRetryable).toBe(false);
    expect(error.issues).toEqual([
      { at: 'topics.0.patterns.nl.0', line: 10, message: expect.stringContaining('cannot start or end with "..."') },
    ]);
    expect(error.message).toContain('policy.yaml:10 topics.0.patterns.nl.0');
  });

  it('reports every problem of the file at once', () => {
    const text = `${validPolicy}  - id: lost_card
    description: Lost.
    skill: cards
    priority: asap
    patterns:
      en: [lost]
`;
    const error = policyError(text);
    expect(error.issues.map((issue) => issue.at)).toEqual(['topics.1.priority', 'topics.1.patterns.nl']);
    // A missing key is reported at the line of its parent.
    expect(error.issues[1]?.line).toBe(16);
  });

  it('rejects a duplicate topic id', () => {
    const error = policyError(`${validPolicy}${validPolicy.split('topics:\n')[1]}`);
    expect(error.issues).toEqual([{ at: 'topics.1.id', line: 11, message: 'duplicate topic id "stolen_card"' }]);
  });

  it('rejects unknown fields so a misspelt key is not silently ignored', () => {
    const error = policyError(validPolicy.replace('skill: fraud', 'skill: fraud\n    skils: [legal]'));
    expect(error.issues[0]?.message).toMatch(/unrecognized key/i);
  });

  it('reports YAML syntax errors with their line', () => {
    const error = policyError('version: 1\ntopics:\n  - id: [unclosed\n');
    expect(error.issues[0]?.message).toContain('not valid YAML');
    expect(error.issues[0]?.line).toBeGreaterThan(0);
  });

  it('rejects an empty file', () => {
    expect(policyError('').issues[0]?.at).toBe('file');
  });
});

describe('readTopicPolicy', () => {
  let directory: string;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'topic-policy-'));
  });

  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('reads a file', async () => {
    const path = join(directory, 'ok.yaml');
    await writeFile(path, validPolicy);
    expect((await readTopicPolicy(path)).topics[0]?.id).toBe('stolen_card');
  });

  it('names a file that cannot be read', async () => {
    const path = join(directory, 'missing.yaml');
    await expect(readTopicPolicy(path)).rejects.toMatchObject({ name: 'TopicPolicyError', path, issues: [{ at: 'file', message: 'cannot be read (ENOENT)' }] });
  });

  it('loads the shipped policy by default', async () => {
    expect((await readTopicPolicy()).topics.length).toBeGreaterThan(0);
  });
});
