import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRetrievalSet } from '../../evals/retrieval/retrieval-set.js';
import { startScriptedLlmServer, type ScriptedLlmServer } from '../../fakes/scripted-llm/scripted-llm-server.js';
import type { ScriptedBehaviour } from '../../fakes/scripted-llm/scripted-behaviour.js';
import { extractFigures } from '../../guardrails/output/figures-in-cited-text.js';
import { supportScore } from '../../guardrails/output/support-check.js';
import { postJson, startTestApp, type TestApp } from '../../test-support/start-test-app.js';
import type { AnswerSentence, ReasonCode } from './answer-outcome.js';

// The budget a turn gives the language model; the scripted "slow" answer takes longer.
const timeoutMs = 1500;

interface AdversarialKind {
  name: string;
  /** Answers to the generator's requests for one turn, in order (retries included). */
  behaviours: ScriptedBehaviour[];
  /** The reason code the guardrails must record for this kind of bad output. */
  reason: ReasonCode;
}

const kinds: AdversarialKind[] = [
  { name: 'uncited claim', behaviours: ['uncited'], reason: 'uncited_sentence_dropped' },
  { name: 'citations to chunks not retrieved', behaviours: ['unknown_citation'], reason: 'uncited_sentence_dropped' },
  { name: 'wrong amount or date', behaviours: ['wrong_figure'], reason: 'unsupported_figure_dropped' },
  { name: 'an injected instruction followed', behaviours: ['follow_injection'], reason: 'unsupported_figure_dropped' },
  { name: 'the system prompt', behaviours: ['leak_system_prompt'], reason: 'system_prompt_leak_dropped' },
  {
    name: 'an off-knowledge-base claim',
    behaviours: [{ kind: 'custom', content: JSON.stringify({ sentences: [{ text: 'The weather in Amsterdam is lovely today, so enjoy a walk along the canals.', citations: ['p1'] }], confidence: 0.9 }) }],
    reason: 'unsupported_sentence_dropped',
  },
  {
    name: "another customer's data",
    behaviours: [{ kind: 'custom', content: JSON.stringify({ sentences: [{ text: 'Jan de Vries received his refund on NL91ABNA0417164300 yesterday.', citations: ['p1'] }], confidence: 0.9 }) }],
    reason: 'personal_data_dropped',
  },
  { name: 'malformed JSON', behaviours: ['malformed_json', 'malformed_json'], reason: 'generator_fallback' },
  {
    name: 'a response slower than the timeout',
    behaviours: [
      { kind: 'slow', delayMs: timeoutMs * 3 },
      { kind: 'slow', delayMs: timeoutMs * 3 },
    ],
    reason: 'generator_fallback',
  },
  { name: '429 on every attempt', behaviours: ['status_429', 'status_429'], reason: 'generator_fallback' },
  { name: '500 on every attempt', behaviours: ['status_500', 'status_500'], reason: 'generator_fallback' },
];
const casesPerKind = 4;

type RecordedAnswer = {
  decision: string;
  reasons: ReasonCode[];
  generator: string;
  sentences: AnswerSentence[];
  retrieved: { chunkId: string }[];
};

describe('a language model writing bad output', () => {
  let llm: ScriptedLlmServer;
  let app: TestApp;
  let questions: string[];

  beforeAll(async () => {
    llm = await startScriptedLlmServer();
    app = await startTestApp({
      GENERATOR: 'openai',
      OPENAI_BASE_URL: llm.baseUrl,
      OPENAI_API_KEY: 'scripted-test-key',
      GENERATION_TIMEOUT_MS: String(timeoutMs),
      GENERATION_MAX_RETRIES: '1',
    });
    // Plain English questions each asked once, so no decision comes from the cache.
    questions = (await readRetrievalSet()).filter((question) => question.locale === 'en').map((question) => question.question);
  });
  afterAll(async () => {
    await app?.close();
    await llm?.close();
  });

  async function latestAnswer(conversationId: string): Promise<RecordedAnswer> {
    const [row] = await app.db.query<RecordedAnswer>(
      'SELECT decision, reasons, generator, sentences, retrieved FROM answers WHERE conversation_id = $1 ORDER BY created_at DESC LIMIT 1',
      [conversationId],
    );
    if (!row) throw new Error('no answer recorded');
    return row;
  }

  async function chunkText(chunkId: string): Promise<string> {
    const [row] = await app.db.query<{ text: string }>('SELECT text FROM chunks WHERE id = $1', [chunkId]);
    return row?.text ?? '';
  }

  it(`catches ${kinds.length * casesPerKind} scripted bad outputs with the right reason and delivers no unsupported sentence`, async () => {
    const caught: string[] = [];
    for (const kind of kinds) {
      let cases = 0;
      while (cases < casesPerKind) {
        const question = questions.shift();
        if (question === undefined) throw new Error('ran out of questions');
        llm.reset();
        llm.script(...kind.behaviours);
        const { status, body } = await postJson(`${app.baseUrl}/api/web-chat/messages`, { text: question, locale: 'en' });
        expect(status).toBe(200);
        const replies = body.replies as { text: string }[];
        expect(replies[0]?.text.length, 'the customer always gets a reply').toBeGreaterThan(0);
        const answer = await latestAnswer(body.conversationId as string);
        // Questions the input guards hand over never reach the model; they test nothing here.
        if (llm.requests.length === 0) continue;
        cases += 1;
        expect(answer.reasons, `${kind.name}: "${question}"`).toContain(kind.reason);

        const retrieved = new Set(answer.retrieved.map((chunk) => chunk.chunkId));
        for (const sentence of answer.sentences) {
          expect(sentence.chunkIds.every((id) => retrieved.has(id))).toBe(true);
          const cited = (await Promise.all(sentence.chunkIds.map(chunkText))).join('\n');
          expect(supportScore(sentence.text, cited, 'en'), sentence.text).toBeGreaterThanOrEqual(0.7);
          const citedFigures = new Set(extractFigures(cited));
          expect(extractFigures(sentence.text).filter((figure) => !citedFigures.has(figure)), sentence.text).toEqual([]);
        }
        caught.push(kind.name);
      }
    }
    expect(caught).toHaveLength(kinds.length * casesPerKind);
  }, 120_000);

  it('answers from the model when it writes a correct, cited answer', async () => {
    llm.reset();
    llm.script('correct');
    const { body } = await postJson(`${app.baseUrl}/api/web-chat/messages`, { text: 'How long does a SEPA transfer take to arrive?', locale: 'en' });
    const answer = await latestAnswer(body.conversationId as string);
    expect(answer).toMatchObject({ decision: 'answer', generator: 'openai:gpt-4o-mini' });
    expect(answer.reasons).toEqual([]);
  });
});
