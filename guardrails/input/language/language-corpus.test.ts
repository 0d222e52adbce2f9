import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readUnanswerableQuestions } from '../../../evals/unanswerable/unanswerable-questions.js';
import { detectLanguage } from './detect-language.js';

const corpusEntrySchema = z
  .object({
    text: z.string().min(1),
    locale: z.enum(['en', 'nl', 'other']),
    /** ISO 639-1 code of the language the message is actually in. */
    language: z.string().regex(/^[a-z]{2}$/),
  })
  .strict();

const corpusPath = new URL('./language-corpus.jsonl', import.meta.url);
const corpus = readFileSync(corpusPath, 'utf8')
  .split('\n')
  .flatMap((line, index) => {
    if (line.trim() === '') return [];
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch {
      throw new Error(`language-corpus.jsonl:${index + 1}: not valid JSON`);
    }
    const result = corpusEntrySchema.safeParse(data);
    if (!result.success) throw new Error(`language-corpus.jsonl:${index + 1}: ${result.error.issues.map((issue) => issue.message).join('; ')}`);
    return [result.data];
  });

/**
 * Each message is detected with the WRONG fallback (Dutch for English
 * messages, English for the rest), so a guess that falls back never counts as
 * right: the accuracy measures evidence, not luck.
 */
function accuracy(locale: 'en' | 'nl' | 'other'): { correct: number; total: number; misses: string[] } {
  const entries = corpus.filter((entry) => entry.locale === locale);
  const misses = entries.filter((entry) => {
    const detection = detectLanguage(entry.text, entry.locale === 'en' ? 'nl' : 'en');
    return detection.locale !== entry.locale || detection.usedFallback;
  });
  return { correct: entries.length - misses.length, total: entries.length, misses: misses.map((entry) => entry.text) };
}

describe('language corpus', () => {
  it('has at least 150 labelled messages in all three classes', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(150);
    for (const locale of ['en', 'nl', 'other'] as const) expect(corpus.filter((entry) => entry.locale === locale).length).toBeGreaterThanOrEqual(30);
  });

  it.each(['en', 'nl'] as const)('detects %s with at least 97% accuracy', (locale) => {
    const { correct, total, misses } = accuracy(locale);
    expect(correct / total, `missed: ${JSON.stringify(misses)}`).toBeGreaterThanOrEqual(0.97);
  });

  it('detects other languages with at least 90% accuracy', () => {
    const { correct, total, misses } = accuracy('other');
    expect(correct / total, `missed: ${JSON.stringify(misses)}`).toBeGreaterThanOrEqual(0.9);
  });
});

describe('questions written for another purpose', () => {
  it('detects the language of every unanswerable eval question', async () => {
    const misses = (await readUnanswerableQuestions()).filter((question) => {
      const detection = detectLanguage(question.question, question.locale === 'en' ? 'nl' : 'en');
      return detection.locale !== question.locale || detection.usedFallback;
    });
    expect(misses.map((question) => `${question.id}: ${question.question}`)).toEqual([]);
  });
});
