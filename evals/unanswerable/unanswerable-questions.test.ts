import { describe, expect, it } from 'vitest';
import { DatasetFormatError } from '../dataset-format-error.js';
import { parseUnanswerableQuestions, readUnanswerableQuestions } from './unanswerable-questions.js';

const valid = '{"id":"un-001","locale":"en","question":"What is the capital of Mongolia?","kind":"out_of_scope"}';

function formatError(text: string): DatasetFormatError {
  try {
    parseUnanswerableQuestions(text, 'set.jsonl');
  } catch (error) {
    if (error instanceof DatasetFormatError) return error;
    throw error;
  }
  throw new Error('expected a DatasetFormatError');
}

describe('parseUnanswerableQuestions', () => {
  it('parses lines and skips blank ones', () => {
    expect(parseUnanswerableQuestions(`${valid}\n\n`, 'set.jsonl')).toEqual([
      { id: 'un-001', locale: 'en', question: 'What is the capital of Mongolia?', kind: 'out_of_scope' },
    ]);
  });

  it('reports every bad line as file:line with the reason', () => {
    const error = formatError(
      [
        valid,
        '{"id":"un-002","locale":"de","question":"Wie spät ist es?","kind":"out_of_scope"}',
        '{"id":"un-003","locale":"en","question":"Weather?"',
        '{"id":"un-004","locale":"en","question":"Weather?","kind":"chitchat","extra":1}',
      ].join('\n'),
    );
    expect(error.path).toBe('set.jsonl');
    expect(error.problems.map((problem) => problem.line)).toEqual([2, 3, 4]);
    expect(error.problems[0]?.message).toContain('locale');
    expect(error.problems[1]?.message).toBe('not valid JSON');
    expect(error.problems[2]?.message).toMatch(/kind.*; .*extra/i);
    expect(error.message).toContain('set.jsonl:3: not valid JSON');
  });

  it('rejects a duplicate id, naming the first line', () => {
    const error = formatError(`${valid}\n${valid}`);
    expect(error.problems).toEqual([{ line: 2, message: 'duplicate id "un-001" (first on line 1)' }]);
  });

  it('rejects an empty question and a malformed id', () => {
    const error = formatError('{"id":"q1","locale":"nl","question":"  ","kind":"not_covered"}');
    expect(error.problems[0]?.message).toMatch(/id: expected an id like "un-001"; question:/);
  });
});

describe('the shipped unanswerable set', () => {
  it('loads, with at least 80 questions, about a quarter in Dutch, and both kinds in both languages', async () => {
    const questions = await readUnanswerableQuestions();
    expect(questions.length).toBeGreaterThanOrEqual(80);
    const dutchShare = questions.filter((question) => question.locale === 'nl').length / questions.length;
    expect(dutchShare).toBeGreaterThanOrEqual(0.2);
    expect(dutchShare).toBeLessThanOrEqual(0.35);
    for (const locale of ['en', 'nl'] as const) {
      for (const kind of ['out_of_scope', 'not_covered'] as const) {
        expect(questions.some((question) => question.locale === locale && question.kind === kind)).toBe(true);
      }
    }
  });

  it('asks each question once', async () => {
    const questions = await readUnanswerableQuestions();
    const texts = questions.map((question) => question.question.toLowerCase());
    expect(new Set(texts).size).toBe(texts.length);
  });
});
