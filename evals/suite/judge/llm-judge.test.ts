import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startScriptedLlmServer, type ScriptedLlmServer } from '../../../fakes/scripted-llm/index.js';
import { handMadeCase, handMadeCaseResult, handMadeResult } from '../metrics/hand-made-results.js';
import { judgeAnswers } from './judge-answers.js';
import { JudgeSettingsError } from './judge-settings-error.js';
import { judgeSettingsFrom } from './judge-settings.js';
import { createLlmJudge } from './llm-judge.js';

describe('judgeSettingsFrom', () => {
  it('leaves the judge off unless EVAL_JUDGE_BASE_URL is set (empty counts as unset)', () => {
    expect(judgeSettingsFrom({})).toBeUndefined();
    expect(judgeSettingsFrom({ EVAL_JUDGE_BASE_URL: ' ', EVAL_JUDGE_MODEL: 'm' })).toBeUndefined();
  });

  it('reads the endpoint, key and model, with defaults for the rest', () => {
    expect(judgeSettingsFrom({ EVAL_JUDGE_BASE_URL: 'http://127.0.0.1:11434/v1', EVAL_JUDGE_MODEL: 'llama3.1' })).toEqual({
      baseUrl: 'http://127.0.0.1:11434/v1',
      apiKey: 'not-needed',
      model: 'llama3.1',
      timeoutMs: 30_000,
      responseFormat: 'json_schema',
    });
  });

  it('names the variable that is wrong', () => {
    expect(() => judgeSettingsFrom({ EVAL_JUDGE_BASE_URL: 'http://127.0.0.1/v1' })).toThrow(/EVAL_JUDGE_MODEL is unset/);
    expect(() => judgeSettingsFrom({ EVAL_JUDGE_BASE_URL: 'not a url', EVAL_JUDGE_MODEL: 'm' })).toThrow(JudgeSettingsError);
    expect(() => judgeSettingsFrom({ EVAL_JUDGE_BASE_URL: 'http://127.0.0.1/v1', EVAL_JUDGE_MODEL: 'm', EVAL_JUDGE_TIMEOUT_MS: 'soon' })).toThrow(
      /EVAL_JUDGE_TIMEOUT_MS/,
    );
  });
});

describe('the LLM judge against the scripted OpenAI-compatible server', () => {
  let server: ScriptedLlmServer;
  beforeAll(async () => {
    server = await startScriptedLlmServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(() => server.reset());

  const answered = (id: string, text: string) =>
    handMadeCaseResult(
      handMadeCase(id, { decision: 'answer' }, { turns: [{ role: 'customer', text: `How do I block my card? (${id})` }] }),
      handMadeResult('web-chat', {
        decision: 'answer',
        text,
        retrieved: ['card'],
        sentences: [{ text, chunkIds: ['card#0'] }],
        chunkTexts: { 'card#0': 'Block your card in the app under Cards, Block card.' },
      }),
      handMadeResult('sms', { decision: 'answer', text }),
    );
  const handedOff = handMadeCaseResult(handMadeCase('mongolia', { decision: 'handoff' }), handMadeResult('web-chat', { decision: 'handoff', text: 'A person will reply.' }));

  it('scores each answered case on the reference channel, and counts a reply it cannot read as not judged', async () => {
    server.script(
      { kind: 'custom', content: JSON.stringify({ faithfulness: 1, relevance: 0.8, reason: 'Quoted from the source.' }) },
      { kind: 'custom', content: 'I think it is fine.' },
    );
    const judge = createLlmJudge({ baseUrl: server.baseUrl, apiKey: 'judge-key', model: 'judge-model', timeoutMs: 5000, responseFormat: 'json_schema' });
    const summary = await judgeAnswers([answered('first', 'Block it in the app.'), handedOff, answered('second', 'Call us.')], 'web-chat', judge, 1);

    expect(summary).toMatchObject({ model: 'judge-model', channel: 'web-chat', answered: 2, judged: 1, failed: 1, judgeFaithfulness: 1, judgeRelevance: 0.8 });
    expect(summary.byCase.first).toEqual({ judged: true, faithfulness: 1, relevance: 0.8, reason: 'Quoted from the source.' });
    expect(summary.byCase.second).toMatchObject({ judged: false, error: expect.stringMatching(/did not write JSON/) });
    expect(summary.byCase.mongolia).toBeUndefined();

    const [request] = server.requests;
    expect(request?.authorization).toBe('Bearer judge-key');
    const body = request?.body as { model: string; response_format: { type: string }; messages: { role: string; content: string }[] };
    expect(body.model).toBe('judge-model');
    expect(body.response_format.type).toBe('json_schema');
    const prompt = body.messages.find((message) => message.role === 'user')?.content ?? '';
    expect(prompt).toContain('How do I block my card? (first)');
    expect(prompt).toContain('<reply>\nBlock it in the app.\n</reply>');
    expect(prompt).toContain('Block your card in the app under Cards, Block card.');
  });

  it('refuses a verdict outside 0..1', async () => {
    server.script({ kind: 'custom', content: JSON.stringify({ faithfulness: 7, relevance: 0.5, reason: 'x' }) });
    const judge = createLlmJudge({ baseUrl: server.baseUrl, apiKey: 'k', model: 'm', timeoutMs: 5000, responseFormat: 'json_object' });
    const summary = await judgeAnswers([answered('only', 'Block it.')], 'web-chat', judge, 1);
    expect(summary).toMatchObject({ judged: 0, failed: 1, judgeFaithfulness: null });
    expect((server.requests[0]?.body as { response_format: { type: string } }).response_format.type).toBe('json_object');
  });
});
