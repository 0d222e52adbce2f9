import fc from 'fast-check';
import { DatasetFormatError } from '../../../evals/dataset-format-error.js';
import { parseUnanswerableQuestions } from '../../../evals/unanswerable/unanswerable-questions.js';
import { hostileText, mutatedText } from '../arbitraries/hostile-text.js';
import { jsonLinesText } from '../arbitraries/json-lines-text.js';
import { parsedJson } from '../arbitraries/untrusted-values.js';
import type { FuzzTarget } from '../fuzz-target.js';
import { rethrowUnlessDocumented } from '../rethrow-unless-documented.js';

const record = fc
  .record(
    {
      id: fc.constantFrom('un-001', 'un-002', 'un-1', 'un-0000000000000000000001', 'constructor'),
      locale: fc.constantFrom('en', 'nl', 'EN'),
      question: hostileText({ maxPieces: 8 }),
      kind: fc.constantFrom('out_of_scope', 'not_covered', 'other'),
      extra: parsedJson,
    },
    { requiredKeys: [] },
  )
  .map((value) => JSON.stringify(value));

export const unanswerableJsonlTarget: FuzzTarget<string> = {
  name: 'unanswerable-jsonl',
  parser: 'evals/unanswerable/unanswerable-questions.ts#parseUnanswerableQuestions (parseJsonLines with unanswerableQuestionSchema)',
  contract: 'returns the questions, or throws DatasetFormatError listing every bad line',
  arbitrary: jsonLinesText(fc.oneof({ weight: 3, arbitrary: record }, { weight: 1, arbitrary: mutatedText(record, ['{', '"', ',', ':']) })),
  check(text) {
    try {
      parseUnanswerableQuestions(text, 'unanswerable-questions.jsonl');
    } catch (error) {
      rethrowUnlessDocumented(error, [DatasetFormatError]);
    }
  },
};
