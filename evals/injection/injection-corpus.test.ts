import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectPassageInjection, detectPromptInjection } from '../../guardrails/input/prompt-injection/index.js';
import {
  readBenignMessages,
  readBenignPassages,
  readInjectionCorpus,
  type InjectionCase,
} from './injection-corpus.js';

const corpus = await readInjectionCorpus();
const benignMessages = await readBenignMessages();
const benignPassages = await readBenignPassages();

const detect = (injection: InjectionCase) =>
  injection.where === 'passage' ? detectPassageInjection(injection.text) : detectPromptInjection(injection.text);
const percent = (part: number, whole: number): string => `${((100 * part) / whole).toFixed(1)}%`;
const count = (where: InjectionCase['where'], locale: InjectionCase['locale']): number =>
  corpus.filter((injection) => injection.where === where && injection.locale === locale).length;

describe('injection corpus', () => {
  it('holds at least 120 phrasings in English and Dutch, in messages and inside passages', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(120);
    for (const where of ['message', 'passage'] as const) {
      for (const locale of ['en', 'nl'] as const) expect(count(where, locale), `${where}/${locale}`).toBeGreaterThanOrEqual(15);
    }
  });

  it('is detected in full: every case reports at least one of its expected signals', () => {
    const missed = corpus
      .map((injection) => ({ injection, found: detect(injection).signals }))
      .filter(({ injection, found }) => !injection.signals.some((signal) => found.includes(signal)));
    const recall = percent(corpus.length - missed.length, corpus.length);
    const report = missed.map(({ injection, found }) => `${injection.id}: expected ${injection.signals.join('|')}, found [${found.join(', ')}]`);
    expect(missed, `recall ${recall} (${corpus.length - missed.length}/${corpus.length}):\n${report.join('\n')}`).toEqual([]);
  });

  it('keeps the genuine question of a case free of signals, so an end-to-end run can expect an answer to it', () => {
    const flagged = corpus.filter((injection) => injection.question !== undefined && detectPromptInjection(injection.question).detected);
    expect(flagged.map((injection) => `${injection.id}: ${injection.question}`)).toEqual([]);
  });

  it('names only articles that exist in the knowledge base', async () => {
    const articlesDirectory = fileURLToPath(new URL('../../knowledge/articles/', import.meta.url));
    const files = await readdir(articlesDirectory, { recursive: true });
    const articleIds = new Set(files.filter((file) => file.endsWith('.md')).map((file) => file.replace(/^.*[\\/]/, '').replace(/\.md$/, '')));
    const unknown = corpus.filter((injection) => injection.article !== undefined && !articleIds.has(injection.article));
    expect(unknown.map((injection) => `${injection.id}: ${injection.article}`)).toEqual([]);
  });
});

describe('benign customer messages', () => {
  it('holds at least 100 messages in English and Dutch', () => {
    expect(benignMessages.length).toBeGreaterThanOrEqual(100);
    expect(benignMessages.filter((message) => message.locale === 'nl').length).toBeGreaterThanOrEqual(40);
    expect(benignMessages.filter((message) => message.locale === 'en').length).toBeGreaterThanOrEqual(40);
  });

  it('are flagged at most 2% of the time, although many sit close to the trigger words', () => {
    const flagged = benignMessages
      .map((message) => ({ message, signals: detectPromptInjection(message.text).signals }))
      .filter(({ signals }) => signals.length > 0);
    const rate = flagged.length / benignMessages.length;
    const report = flagged.map(({ message, signals }) => `${message.id} [${signals.join(', ')}]: ${message.text}`);
    expect(rate, `false-positive rate ${percent(flagged.length, benignMessages.length)} (${flagged.length}/${benignMessages.length}):\n${report.join('\n')}`).toBeLessThanOrEqual(0.02);
  });
});

describe('benign help-centre passages', () => {
  it('such as anti-phishing advice are never flagged', () => {
    const flagged = benignPassages
      .map((passage) => ({ passage, signals: detectPassageInjection(passage.text).signals }))
      .filter(({ signals }) => signals.length > 0);
    const report = flagged.map(({ passage, signals }) => `${passage.id} [${signals.join(', ')}]: ${passage.text}`);
    expect(flagged.length, `${flagged.length}/${benignPassages.length} flagged:\n${report.join('\n')}`).toBe(0);
  });
});
