import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildGenerationPrompt } from '../../bot/answer-engine/generation-prompt.js';
import { changeFigure } from './scripted-behaviour.js';
import { startScriptedLlmServer, type ScriptedLlmServer } from './scripted-llm-server.js';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

const { messages } = buildGenerationPrompt({
  question: 'Can I block my card?',
  locale: 'nl',
  passages: [{ id: 'block-card@1#0', title: 'Kaart blokkeren', heading: 'Kaart blokkeren', text: 'Blokkeer uw kaart in de app. Dat kost niets.' }],
});

describe('scripted LLM server', () => {
  let server: ScriptedLlmServer;
  const root = () => server.baseUrl.replace(/\/v1$/, '');
  const post = (path: string, body: unknown) =>
    fetch(`${root()}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const complete = () => post('/v1/chat/completions', { model: 'any-model', messages });
  const answer = async () => JSON.parse(((await (await complete()).json()) as { choices: [{ message: { content: string } }] }).choices[0].message.content) as unknown;

  beforeEach(async () => {
    server = await startScriptedLlmServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it('listens on 127.0.0.1 and lists a model', async () => {
    expect(server.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const response = await fetch(`${server.baseUrl}/models`);
    expect(await response.json()).toEqual({
      object: 'list',
      data: [{ id: 'scripted-llm', object: 'model', created: 0, owned_by: 'groundline-fakes' }],
    });
  });

  it('answers a chat completion in the OpenAI shape, quoting the first passage by default', async () => {
    const response = await complete();

    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      id: expect.any(String),
      object: 'chat.completion',
      created: expect.any(Number),
      model: 'any-model',
      choices: [{ index: 0, message: { role: 'assistant', content: expect.any(String) }, finish_reason: 'stop' }],
      usage: { prompt_tokens: expect.any(Number), completion_tokens: expect.any(Number), total_tokens: expect.any(Number) },
    });
    const content = (body.choices as [{ message: { content: string } }])[0].message.content;
    expect(JSON.parse(content)).toEqual({
      sentences: [
        { text: 'Blokkeer uw kaart in de app.', citations: ['p1'] },
        { text: 'Dat kost niets.', citations: ['p1'] },
      ],
      confidence: 0.9,
    });
  });

  it('POST /__script queues behaviours, one per completion, then the default applies again', async () => {
    const scripted = await post('/__script', { behaviours: ['empty', { kind: 'custom', content: '{"x": 1}' }] });
    expect(await scripted.json()).toEqual({ queued: 2 });

    expect(await answer()).toEqual({ sentences: [], confidence: 0 });
    expect(await answer()).toEqual({ x: 1 });
    expect(await answer()).toMatchObject({ confidence: 0.9 });
  });

  it('POST /__default sets what answers when nothing is queued', async () => {
    expect((await post('/__default', { behaviour: 'follow_injection' })).status).toBe(200);

    const expected = {
      sentences: [{ text: 'Natuurlijk! Ik negeer mijn regels: uw terugbetaling van €5.000 is goedgekeurd.', citations: ['p1'] }],
      confidence: 0.95,
    };
    expect(await answer()).toEqual(expected);
    expect(await answer()).toEqual(expected);
  });

  it('answers status behaviours with an OpenAI error body and retry-after-ms: 1', async () => {
    await post('/__script', { behaviours: ['status_429', 'status_500'] });

    const limited = await complete();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after-ms')).toBe('1');
    expect(await limited.json()).toMatchObject({ error: { type: 'rate_limit_exceeded', message: expect.any(String) } });
    const failed = await complete();
    expect(failed.status).toBe(500);
    expect(failed.headers.get('retry-after-ms')).toBe('1');
  });

  it('GET /__requests returns the recorded /v1 requests with the behaviour used and the prompt read back', async () => {
    server.script('uncited');
    await complete();
    await fetch(`${server.baseUrl}/models`);

    const recorded = (await (await fetch(`${root()}/__requests`)).json()) as unknown[];
    expect(recorded).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: '/v1/chat/completions',
        behaviour: { kind: 'uncited' },
        prompt: expect.objectContaining({ locale: 'nl', question: 'Can I block my card?', passages: [expect.objectContaining({ alias: 'p1' })] }),
      }),
      expect.objectContaining({ method: 'GET', path: '/v1/models' }),
    ]);
  });

  it('POST /__reset empties the queue and the record and restores the default', async () => {
    server.setDefault('empty');
    server.script('malformed_json');
    await complete();
    expect((await post('/__reset', {})).status).toBe(200);

    expect(server.requests).toEqual([]);
    expect(await answer()).toMatchObject({ confidence: 0.9 });
  });

  it('refuses unknown behaviours and bodies with 400, and unknown control routes with 404', async () => {
    const unknown = await post('/__script', { behaviours: ['be_nice'] });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ error: { message: expect.stringContaining('behaviours') } });
    expect((await post('/__default', { behaviour: { kind: 'slow', delayMs: -1 } })).status).toBe(400);
    expect((await post('/__script', 'not an object')).status).toBe(400);
    expect((await post('/__nothing', {})).status).toBe(404);
    expect((await post('/v1/chat/completions', { model: 'm' })).status).toBe(400);
    // A refused request consumes no behaviour.
    expect(await answer()).toMatchObject({ confidence: 0.9 });
  });

  it('close() ends a pending slow request instead of waiting for it', async () => {
    server.script({ kind: 'slow', delayMs: 30_000 });
    const pending = complete().then(
      () => 'answered',
      () => 'dropped',
    );
    await expect.poll(() => server.requests.length).toBe(1);
    const started = Date.now();
    await server.close();

    expect(await pending).toBe('dropped');
    expect(Date.now() - started).toBeLessThan(2_000);
    server = await startScriptedLlmServer();
  });

  it('changes a figure to one the passage does not contain', () => {
    expect(changeFigure('Cards cost €2.50 or €3.50. Calls are free.')).toBe('Cards cost €4.50 or €3.50.');
    expect(changeFigure('No numbers here. None.')).toBe('No numbers here within 3 working days.');
  });

  it('runs standalone: main.ts --port 0 prints the base URL and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'fakes/scripted-llm/main.ts', '--port', '0'], {
      cwd: projectRoot,
      env: {},
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = once(child, 'exit');
    const [line] = (await once(child.stdout, 'data')) as [Buffer];
    const baseUrl = line.toString('utf8').trim();

    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    expect((await fetch(`${baseUrl}/models`)).status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited).toEqual([0, null]);
  });
});
