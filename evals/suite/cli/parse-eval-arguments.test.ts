import { describe, expect, it } from 'vitest';
import { EvalArgumentsError } from './eval-arguments-error.js';
import { parseEvalArguments } from './parse-eval-arguments.js';

const defaults = {
  dataset: 'evals/datasets',
  knowledgeDir: './knowledge/articles',
  thresholdsFile: 'evals/thresholds.json',
  concurrency: 8,
  outDir: () => 'eval-results/2025-01-01T00-00-00Z',
  seed: () => 4242,
};

describe('parseEvalArguments', () => {
  it('defaults to every dataset, the sample knowledge base, all five channels and the gate', () => {
    expect(parseEvalArguments([], defaults)).toEqual({
      dataset: 'evals/datasets',
      knowledgeDir: './knowledge/articles',
      channels: ['sms', 'whatsapp', 'email', 'web-chat', 'bot-framework'],
      outDir: 'eval-results/2025-01-01T00-00-00Z',
      limit: null,
      seed: 4242,
      thresholdsFile: 'evals/thresholds.json',
      concurrency: 8,
      help: false,
    });
  });

  it('reads every option', () => {
    const parsed = parseEvalArguments(
      ['--dataset', 'set.jsonl', '--kb', 'docs', '--channels', 'sms, web-chat,sms', '--out', 'out', '--limit', '40', '--seed', '1', '--thresholds', 't.json', '--concurrency', '3'],
      defaults,
    );
    expect(parsed).toMatchObject({ dataset: 'set.jsonl', knowledgeDir: 'docs', channels: ['sms', 'web-chat'], outDir: 'out', limit: 40, seed: 1, thresholdsFile: 't.json', concurrency: 3 });
    expect(parseEvalArguments(['--no-gate'], defaults).thresholdsFile).toBeUndefined();
  });

  it.each([
    [['--channels', 'sms,fax'], /--channels .*unknown: fax/],
    [['--limit', '0'], /--limit expects a whole number of at least 1, got "0"/],
    [['--seed', '-3'], /seed/],
    [['--limit', 'ten'], /--limit/],
    [['--verbose'], /verbose/],
    [['stray'], /stray/],
    [['--no-gate', '--thresholds', 't.json'], /contradict/],
  ])('refuses %j, naming the option', (argv, message) => {
    expect(() => parseEvalArguments(argv, defaults)).toThrow(EvalArgumentsError);
    expect(() => parseEvalArguments(argv, defaults)).toThrow(message);
  });
});
