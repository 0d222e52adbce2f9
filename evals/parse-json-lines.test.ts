import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DatasetFormatError } from './dataset-format-error.js';
import { parseJsonLines } from './parse-json-lines.js';

const schema = z.object({ id: z.string().min(1), locale: z.enum(['en', 'nl']) }).strict();
const parse = (text: string) => parseJsonLines(text, 'set.jsonl', schema, (record) => record.id);

describe('parseJsonLines', () => {
  it('parses every line and skips blank ones', () => {
    expect(parse('\n{"id":"a","locale":"en"}\n\n{"id":"b","locale":"nl"}\n')).toEqual([
      { id: 'a', locale: 'en' },
      { id: 'b', locale: 'nl' },
    ]);
  });

  it('reports every bad line at once, as file:line with the reason', () => {
    let caught: unknown;
    try {
      parse(['{"id":"a","locale":"en"}', '{not json', '{"id":"b","locale":"de"}', '{"id":"a","locale":"nl"}', '{"id":"c","locale":"en","x":1}'].join('\n'));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DatasetFormatError);
    const error = caught as DatasetFormatError;
    expect(error.problems.map((problem) => problem.line)).toEqual([2, 3, 4, 5]);
    expect(error.message).toContain('set.jsonl:2: not valid JSON');
    expect(error.message).toMatch(/set\.jsonl:3: locale: /);
    expect(error.message).toContain('set.jsonl:4: duplicate id "a" (first on line 1)');
    expect(error.message).toMatch(/set\.jsonl:5: .*x/);
  });

  it('allows repeated ids when no id is named', () => {
    expect(parseJsonLines('{"id":"a","locale":"en"}\n{"id":"a","locale":"en"}', 'set.jsonl', schema)).toHaveLength(2);
  });
});
