import fc from 'fast-check';
import { DatasetFormatError } from '../../../evals/dataset-format-error.js';
import { parseJsonLines } from '../../../evals/parse-json-lines.js';
import { retrievalQuestionSchema } from '../../../evals/retrieval/retrieval-set.js';
import { hostileText, mutatedText } from '../arbitraries/hostile-text.js';
import { jsonLinesText } from '../arbitraries/json-lines-text.js';
import { parsedJson } from '../arbitraries/untrusted-values.js';
import type { FuzzTarget } from '../fuzz-target.js';
import { rethrowUnlessDocumented } from '../rethrow-unless-documented.js';

const record = fc
  .record(
    {
      id: fc.constantFrom('rs-001', 'rs-002', '', '__proto__'),
      locale: fc.constantFrom('en', 'nl', 'fr', ''),
      question: hostileText({ maxPieces: 8 }),
      articles: fc.array(fc.constantFrom('card-lost-or-stolen', 'sepa-transfers', ''), { maxLength: 3 }),
      group: fc.string(),
      style: fc.constantFrom('sms', 'typo', ''),
      extra: parsedJson,
    },
    { requiredKeys: [] },
  )
  .map((value) => JSON.stringify(value));

export const retrievalSetJsonlTarget: FuzzTarget<string> = {
  name: 'retrieval-set-jsonl',
  parser: 'evals/parse-json-lines.ts#parseJsonLines with evals/retrieval/retrieval-set.ts#retrievalQuestionSchema',
  contract: 'returns the questions, or throws DatasetFormatError listing every bad line',
  arbitrary: jsonLinesText(fc.oneof({ weight: 3, arbitrary: record }, { weight: 1, arbitrary: mutatedText(record, ['{', '"', ',', ':', '[']) })),
  check(text) {
    try {
      parseJsonLines(text, 'retrieval-set.jsonl', retrievalQuestionSchema, (question) => question.id);
    } catch (error) {
      rethrowUnlessDocumented(error, [DatasetFormatError]);
    }
  },
};
