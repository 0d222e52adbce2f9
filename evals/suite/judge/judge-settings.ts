import { z } from 'zod';
import { JudgeSettingsError } from './judge-settings-error.js';

/** Where the optional LLM judge lives; only the eval reads these, never the service. */
export interface JudgeSettings {
  baseUrl: string;
  apiKey: string;
  model: string;
  timeoutMs: number;
  responseFormat: 'json_schema' | 'json_object';
}

const blankIsUnset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const judgeEnvironmentSchema = z.object({
  EVAL_JUDGE_BASE_URL: z.preprocess(blankIsUnset, z.url({ protocol: /^https?$/ }).optional()),
  EVAL_JUDGE_API_KEY: z.preprocess(blankIsUnset, z.string().optional()),
  EVAL_JUDGE_MODEL: z.preprocess(blankIsUnset, z.string().optional()),
  EVAL_JUDGE_TIMEOUT_MS: z.preprocess(blankIsUnset, z.coerce.number().int().min(1000).max(600_000).default(30_000)),
  EVAL_JUDGE_RESPONSE_FORMAT: z.preprocess(blankIsUnset, z.enum(['json_schema', 'json_object']).default('json_schema')),
});

/**
 * The judge's settings from the environment (as `readEnvironment` in
 * bot/config.ts reads it, `.env` included), or undefined when
 * `EVAL_JUDGE_BASE_URL` is unset: the judge is never required. Empty values
 * count as unset.
 */
export function judgeSettingsFrom(environment: Readonly<Record<string, string | undefined>>): JudgeSettings | undefined {
  const parsed = judgeEnvironmentSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new JudgeSettingsError(
      `Invalid judge settings: ${problems.join('; ')} (EVAL_JUDGE_BASE_URL is an http(s) URL of an OpenAI-compatible API, ` +
        'EVAL_JUDGE_TIMEOUT_MS milliseconds from 1000 to 600000, EVAL_JUDGE_RESPONSE_FORMAT json_schema or json_object)',
    );
  }
  const value = parsed.data;
  if (value.EVAL_JUDGE_BASE_URL === undefined) return undefined;
  if (value.EVAL_JUDGE_MODEL === undefined) {
    throw new JudgeSettingsError('EVAL_JUDGE_MODEL is unset: name the judge model at EVAL_JUDGE_BASE_URL (e.g. gpt-4o-mini)');
  }
  return {
    baseUrl: value.EVAL_JUDGE_BASE_URL,
    // Local servers (Ollama, vLLM) take any key; the SDK insists on one.
    apiKey: value.EVAL_JUDGE_API_KEY ?? 'not-needed',
    model: value.EVAL_JUDGE_MODEL,
    timeoutMs: value.EVAL_JUDGE_TIMEOUT_MS,
    responseFormat: value.EVAL_JUDGE_RESPONSE_FORMAT,
  };
}
