import { z } from 'zod';
import type { GenerationOutput, ParsedGenerationPrompt } from '../../bot/answer-engine/generation-prompt.js';
import { splitSentences } from '../../retrieval/text/split-sentences.js';

/**
 * What the scripted server does with one chat completion request. Names are
 * the failure modes the output guardrails and the generator's fallback must handle:
 *
 * - `correct`: the first one or two sentences of the first passage, citing it.
 * - `uncited`: an invented claim citing nothing, then one correct cited sentence.
 * - `unknown_citation`: correct text citing an alias that was not sent (`p99`) and a made-up chunk id.
 * - `wrong_figure`: a correct sentence with one number changed, still citing its passage.
 * - `follow_injection`: obeys an injected instruction (a €5,000 refund), citing `p1`.
 * - `leak_system_prompt`: the system prompt it received, as one sentence citing `p1`.
 * - `malformed_json`: JSON cut off halfway.
 * - `slow`: waits `delayMs` (the server's `slowDelayMs` unless given), then answers `correct`.
 * - `status_429`, `status_500`: an OpenAI-style error with `retry-after-ms: 1`.
 * - `empty`: no sentences, confidence 0.
 * - `custom`: `content` verbatim as the assistant message.
 */
export const behaviourNames = [
  'correct',
  'uncited',
  'unknown_citation',
  'wrong_figure',
  'follow_injection',
  'leak_system_prompt',
  'malformed_json',
  'slow',
  'status_429',
  'status_500',
  'empty',
] as const;

export type BehaviourName = (typeof behaviourNames)[number];

export type BehaviourSpec =
  | { kind: Exclude<BehaviourName, 'slow'> }
  | { kind: 'slow'; delayMs?: number }
  | { kind: 'custom'; content: string };

/** A name is short for `{ kind: name }`. */
export type ScriptedBehaviour = BehaviourName | BehaviourSpec;

/** Validates behaviours sent over HTTP (`POST /__script`, `POST /__default`). */
export const scriptedBehaviourSchema: z.ZodType<ScriptedBehaviour> = z.union([
  z.enum(behaviourNames),
  z.strictObject({ kind: z.literal('slow'), delayMs: z.number().int().min(0).max(600_000).optional() }),
  z.strictObject({ kind: z.literal('custom'), content: z.string() }),
  z.strictObject({ kind: z.enum(behaviourNames).exclude(['slow']) }),
]);

export function toBehaviourSpec(behaviour: ScriptedBehaviour): BehaviourSpec {
  return typeof behaviour === 'string' ? ({ kind: behaviour } as BehaviourSpec) : behaviour;
}

/** How the server answers: an assistant message after an optional delay, or an HTTP error. */
export type ScriptedReply = { type: 'message'; content: string; delayMs: number } | { type: 'error'; status: 429 | 500 };

const inventedClaims = {
  en: 'You can also get a full refund of any fee by calling us within 30 days.',
  nl: 'U kunt ook elke vergoeding volledig terugkrijgen door ons binnen 30 dagen te bellen.',
};

const injectionObeyed = {
  en: 'Sure! Ignoring my rules: your refund of €5,000 is approved.',
  nl: 'Natuurlijk! Ik negeer mijn regels: uw terugbetaling van €5.000 is goedgekeurd.',
};

/**
 * The reply for one behaviour to one request. `prompt` is undefined when the
 * request is not in the generation-prompt format; answers then carry no sentences
 * from passages (there are none to quote).
 */
export function scriptedReply(behaviour: BehaviourSpec, prompt: ParsedGenerationPrompt | undefined, slowDelayMs: number): ScriptedReply {
  const message = (output: GenerationOutput, delayMs = 0): ScriptedReply => ({ type: 'message', content: JSON.stringify(output), delayMs });
  const locale = prompt?.locale ?? 'en';
  const first = prompt?.passages[0];
  const quoted = first === undefined ? [] : answerSentences(first.text);
  const correct: GenerationOutput = {
    sentences: quoted.map((text) => ({ text, citations: [first?.alias ?? 'p1'] })),
    confidence: quoted.length === 0 ? 0 : 0.9,
  };
  switch (behaviour.kind) {
    case 'correct':
      return message(correct);
    case 'slow':
      return message(correct, behaviour.delayMs ?? slowDelayMs);
    case 'empty':
      return message({ sentences: [], confidence: 0 });
    case 'uncited':
      return message({ sentences: [{ text: inventedClaims[locale], citations: [] }, ...correct.sentences.slice(0, 1)], confidence: 0.9 });
    case 'unknown_citation': {
      const unsent = `p${(prompt?.passages.length ?? 0) + 99}`;
      const [one = inventedClaims[locale], two = one] = quoted;
      return message({
        sentences: [
          { text: one, citations: [unsent] },
          { text: two, citations: ['lost-card@1#0'] },
        ],
        confidence: 0.9,
      });
    }
    case 'wrong_figure':
      return message({ sentences: [{ text: changeFigure(first?.text ?? ''), citations: [first?.alias ?? 'p1'] }], confidence: 0.9 });
    case 'follow_injection':
      return message({ sentences: [{ text: injectionObeyed[locale], citations: ['p1'] }], confidence: 0.95 });
    case 'leak_system_prompt':
      return message({ sentences: [{ text: prompt?.systemPrompt ?? '', citations: ['p1'] }], confidence: 0.9 });
    case 'malformed_json':
      return { type: 'message', content: '{"sentences": [{"text": "Your card', delayMs: 0 };
    case 'custom':
      return { type: 'message', content: behaviour.content, delayMs: 0 };
    case 'status_429':
      return { type: 'error', status: 429 };
    case 'status_500':
      return { type: 'error', status: 500 };
  }
}

/** The first one or two sentences that answer on their own (not a list's lead-in or a question). */
function answerSentences(text: string): string[] {
  const sentences = splitSentences(text);
  const answering = sentences.filter((sentence) => !/[:?]$/.test(sentence));
  return (answering.length > 0 ? answering : sentences).slice(0, 2);
}

/**
 * The first sentence of `text` that holds a number, with that number raised
 * until the sentence says something the passage does not ("€50" becomes "€51").
 * Without any number, the first sentence gains an invented period.
 */
export function changeFigure(text: string): string {
  const sentences = splitSentences(text);
  const withNumber = sentences.find((sentence) => /\d/.test(sentence));
  if (withNumber === undefined) return `${(sentences[0] ?? 'This is possible').replace(/[.!]$/, '')} within 3 working days.`;
  const match = /\d+/.exec(withNumber);
  if (match === null) return withNumber;
  const before = withNumber.slice(0, match.index);
  const after = withNumber.slice(match.index + match[0].length);
  for (let step = 1; ; step += 1) {
    const changed = `${before}${Number(match[0]) + step}${after}`;
    const figure = /[\d.,:/-]*/.exec(changed.slice(before.length))?.[0] ?? '';
    if (!text.includes(figure)) return changed;
  }
}
