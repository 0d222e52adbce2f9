import { describe, expect, it } from 'vitest';
import { piiKinds } from '../../guardrails/input/pii/pii-match.js';
import { redactPii } from '../../guardrails/input/pii/redact-pii.js';
import { measurePiiCorpus, type PiiKindFigures } from './measure-pii-corpus.js';
import { parsePiiCorpus, readPiiCorpus } from './pii-corpus.js';

const corpus = await readPiiCorpus();
const figures = measurePiiCorpus(corpus);

function describeFigures(kind: string, kindFigures: PiiKindFigures): string {
  const { recalled, validCount, recall, correctMatches, matches, precision, missedTexts, wrongMatches } = kindFigures;
  return [
    `${kind}: recall ${recalled}/${validCount} = ${recall.toFixed(3)}, precision ${correctMatches}/${matches} = ${precision.toFixed(3)}`,
    ...missedTexts.map((text) => `  missed: ${text}`),
    ...wrongMatches.map(({ text, matched }) => `  wrong: "${matched}" in: ${text}`),
  ].join('\n');
}

describe('PII corpus', () => {
  it.each(piiKinds)('holds at least 50 valid and 50 near-miss strings of %s', (kind) => {
    expect(figures[kind].validCount).toBeGreaterThanOrEqual(50);
    expect(figures[kind].nearMissCount).toBeGreaterThanOrEqual(50);
  });

  it.each(piiKinds)('finds %s with recall of at least 0.99', (kind) => {
    expect(figures[kind].recall, describeFigures(kind, figures[kind])).toBeGreaterThanOrEqual(0.99);
  });

  it.each(piiKinds)('finds %s with precision of at least 0.95', (kind) => {
    expect(figures[kind].precision, describeFigures(kind, figures[kind])).toBeGreaterThanOrEqual(0.95);
  });

  it('redacts every corpus text idempotently', () => {
    for (const entry of corpus) {
      const once = redactPii(entry.text).text;
      expect(redactPii(once).text, entry.text).toBe(once);
    }
  });
});

describe('parsePiiCorpus', () => {
  it('reads valid and near-miss lines and skips blank ones', () => {
    const content = [
      '{"kind":"card","text":"card 4111 1111 1111 1111","valid":true,"value":"4111 1111 1111 1111"}',
      '',
      '{"kind":"card","text":"card 4111 1111 1111 1112","valid":false,"note":"luhn-invalid"}',
    ].join('\n');
    expect(parsePiiCorpus(content, 'corpus.jsonl')).toHaveLength(2);
  });

  it('reports each bad line as file:line with the reason', () => {
    const content = [
      '{"kind":"card","text":"ok 4111111111111111","valid":true,"value":"4111111111111111"}',
      'not json',
      '{"kind":"passport","text":"x","valid":false}',
      '{"kind":"card","text":"card 1234","valid":true,"value":"4111"}',
      '{"kind":"card","text":"card","valid":true}',
    ].join('\n');
    expect(() => parsePiiCorpus(content, 'corpus.jsonl')).toThrow(
      /corpus\.jsonl:2: not valid JSON\n {2}corpus\.jsonl:3: kind.*\n {2}corpus\.jsonl:4: value: must occur exactly once in text\n {2}corpus\.jsonl:5: value/,
    );
  });
});
