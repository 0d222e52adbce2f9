import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseJsonLines } from '../parse-json-lines.js';
import { evalCaseSchema } from '../suite/dataset/eval-case.js';

/**
 * Checks the evaluation datasets in evals/datasets/*.jsonl against the format
 * and against the shipped knowledge base: ids unique across files, every
 * expected article exists (front matter `id:` of knowledge/articles/**), facts
 * are copied verbatim from an expected article, and the personal data in
 * pii.jsonl is well-formed (Luhn-valid card numbers, IBANs with valid checksums).
 */

const datasetsDir = fileURLToPath(new URL('.', import.meta.url));
const articlesDir = fileURLToPath(new URL('../../knowledge/articles/', import.meta.url));

// The runner's own schema, tightened for shipped data: ids are slugs and texts are not blank.
const caseSchema = evalCaseSchema.extend({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens'),
  turns: z.array(z.object({ role: z.literal('customer'), text: z.string().trim().min(1) }).strict()).min(1),
});
type DatasetCase = z.infer<typeof caseSchema>;

interface ShippedArticle {
  id: string;
  locale: string;
  status: string;
  text: string;
}

function loadArticles(): Map<string, ShippedArticle> {
  const articles = new Map<string, ShippedArticle>();
  for (const relative of readdirSync(articlesDir, { recursive: true, encoding: 'utf8' })) {
    if (!relative.endsWith('.md')) continue;
    const text = readFileSync(join(articlesDir, relative), 'utf8');
    const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
    const field = (name: string) => new RegExp(`^${name}:\\s*(.+?)\\s*$`, 'm').exec(frontMatter)?.[1] ?? '';
    const id = field('id');
    if (id !== '') articles.set(id, { id, locale: field('locale'), status: field('status'), text });
  }
  return articles;
}

const datasetFiles = readdirSync(datasetsDir)
  .filter((name) => name.endsWith('.jsonl'))
  .sort();
const parsed = datasetFiles.map((file) => {
  const path = join(datasetsDir, file);
  try {
    return { file, cases: parseJsonLines(readFileSync(path, 'utf8'), path, caseSchema, (record) => record.id), error: undefined };
  } catch (error) {
    return { file, cases: [] as DatasetCase[], error };
  }
});
const allCases = parsed.flatMap(({ file, cases }) => cases.map((datasetCase) => ({ file, datasetCase })));
const articles = loadArticles();

function luhnValid(digits: string): boolean {
  let sum = 0;
  [...digits].reverse().forEach((char, index) => {
    let n = Number(char);
    if (index % 2 === 1) n = n * 2 > 9 ? n * 2 - 9 : n * 2;
    sum += n;
  });
  return sum % 10 === 0;
}

function ibanValid(iban: string): boolean {
  const compact = iban.replace(/\s/g, '');
  const numeric = [...(compact.slice(4) + compact.slice(0, 4))].map((char) => (/[A-Z]/.test(char) ? String(char.charCodeAt(0) - 55) : char)).join('');
  let remainder = 0;
  for (const digit of numeric) remainder = (remainder * 10 + Number(digit)) % 97;
  return remainder === 1;
}

describe('shipped evaluation datasets', () => {
  it('ships the themed files next to the foundation smoke set', () => {
    expect(datasetFiles).toEqual(
      expect.arrayContaining([
        'foundation-smoke.jsonl',
        'answerable-paraphrases.jsonl',
        'unanswerable.jsonl',
        'restricted-topics.jsonl',
        'injection.jsonl',
        'pii.jsonl',
        'multi-turn.jsonl',
        'clarify.jsonl',
      ]),
    );
  });

  it.each(parsed.map(({ file, error }) => ({ file, error })))('$file parses as JSON Lines in the dataset format', ({ error }) => {
    expect(error).toBeUndefined();
  });

  it('has unique ids across all files', () => {
    const fileOfId = new Map<string, string>();
    const duplicates: string[] = [];
    for (const { file, datasetCase } of allCases) {
      const first = fileOfId.get(datasetCase.id);
      if (first !== undefined) duplicates.push(`${datasetCase.id} (${first} and ${file})`);
      fileOfId.set(datasetCase.id, file);
    }
    expect(duplicates).toEqual([]);
  });

  it('found the shipped articles', () => {
    expect(articles.size).toBeGreaterThan(50);
  });

  it('refers only to article ids that exist among the shipped articles', () => {
    const unknown = allCases.flatMap(({ file, datasetCase }) =>
      (datasetCase.expect.articles ?? []).filter((id) => !articles.has(id)).map((id) => `${file} ${datasetCase.id}: ${id}`),
    );
    expect(unknown).toEqual([]);
  });

  it('expects only approved articles in the locale of the case', () => {
    const wrong = allCases.flatMap(({ file, datasetCase }) =>
      (datasetCase.expect.articles ?? [])
        .map((id) => articles.get(id))
        .filter((article): article is ShippedArticle => article !== undefined)
        .filter((article) => article.status !== 'approved' || article.locale !== datasetCase.locale)
        .map((article) => `${file} ${datasetCase.id}: ${article.id} (${article.status}, ${article.locale})`),
    );
    expect(wrong).toEqual([]);
  });

  it('lists articles for every answer and none for handoff or clarify', () => {
    const wrong = allCases
      .filter(({ datasetCase: { expect: expected } }) => (expected.decision === 'answer') !== (expected.articles !== undefined))
      .map(({ file, datasetCase }) => `${file} ${datasetCase.id}`);
    expect(wrong).toEqual([]);
  });

  it('copies every fact verbatim from one of the expected articles', () => {
    const missing = allCases.flatMap(({ file, datasetCase }) => {
      const texts = (datasetCase.expect.articles ?? []).map((id) => articles.get(id)?.text ?? '');
      return (datasetCase.expect.facts ?? []).filter((fact) => !texts.some((text) => text.includes(fact))).map((fact) => `${file} ${datasetCase.id}: ${fact}`);
    });
    expect(missing).toEqual([]);
  });

  it('has at least 200 cases', () => {
    expect(allCases.length).toBeGreaterThanOrEqual(200);
  });

  it('has at least 60 cases that expect a handoff', () => {
    expect(allCases.filter(({ datasetCase }) => datasetCase.expect.decision === 'handoff').length).toBeGreaterThanOrEqual(60);
  });

  it('gives every answerable paraphrase group 3 to 5 cases', () => {
    const paraphrases = allCases.filter(({ file }) => file === 'answerable-paraphrases.jsonl').map(({ datasetCase }) => datasetCase);
    expect(paraphrases.length).toBeGreaterThan(0);
    expect(paraphrases.filter((datasetCase) => datasetCase.group === undefined || datasetCase.expect.decision !== 'answer').map(({ id }) => id)).toEqual([]);
    const sizes = new Map<string, number>();
    for (const { datasetCase } of allCases) {
      if (datasetCase.group === undefined || datasetCase.expect.decision !== 'answer') continue;
      sizes.set(datasetCase.group, (sizes.get(datasetCase.group) ?? 0) + 1);
    }
    expect([...sizes].filter(([, size]) => size < 3 || size > 5)).toEqual([]);
  });

  it('uses well-formed personal data in pii.jsonl', () => {
    const texts = allCases.filter(({ file }) => file === 'pii.jsonl').flatMap(({ datasetCase }) => datasetCase.turns.map((turn) => turn.text));
    const cardNumbers = texts.flatMap((text) => [...text.matchAll(/\b\d(?:[ -]?\d){12,18}\b/g)].map((match) => match[0].replace(/\D/g, '')));
    const ibans = texts.flatMap((text) => [...text.matchAll(/\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){10,30}\b/g)].map((match) => match[0]));
    expect(cardNumbers.length).toBeGreaterThan(0);
    expect(ibans.length).toBeGreaterThan(0);
    expect(cardNumbers.filter((digits) => !luhnValid(digits))).toEqual([]);
    expect(ibans.filter((iban) => !ibanValid(iban))).toEqual([]);
  });
});
