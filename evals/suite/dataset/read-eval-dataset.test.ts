import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatasetFormatError } from '../../dataset-format-error.js';
import { readEvalDataset } from './read-eval-dataset.js';

const line = (record: unknown) => JSON.stringify(record);
const lostCard = { id: 'lost-card', locale: 'en', turns: [{ role: 'customer', text: 'I lost my card' }], expect: { decision: 'answer', articles: ['card-lost-or-stolen'] } };

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'eval-dataset-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function caught(path: string): Promise<DatasetFormatError> {
  const error = await readEvalDataset(path).catch((thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(DatasetFormatError);
  return error as DatasetFormatError;
}

describe('readEvalDataset', () => {
  it('reads every .jsonl file of a folder, by name, and nothing else', async () => {
    await writeFile(join(folder, 'b.jsonl'), `${line({ ...lostCard, id: 'b-1', group: 'card', tags: ['cards'] })}\n`);
    await writeFile(join(folder, 'a.jsonl'), `${line(lostCard)}\n\n${line({ ...lostCard, id: 'mongolia', expect: { decision: 'handoff', reason: 'not_covered' } })}\n`);
    await writeFile(join(folder, 'notes.md'), 'not a dataset');
    const dataset = await readEvalDataset(folder);
    expect(dataset.files.map((file) => file.slice(folder.length + 1))).toEqual(['a.jsonl', 'b.jsonl']);
    expect(dataset.cases.map((item) => item.id)).toEqual(['lost-card', 'mongolia', 'b-1']);
    expect(dataset.cases[2]).toMatchObject({ group: 'card', tags: ['cards'] });
  });

  it('reports every bad line as file:line with the reason', async () => {
    const file = join(folder, 'bad.jsonl');
    await writeFile(
      file,
      [
        line(lostCard),
        '{"id": "broken",',
        line({ ...lostCard, id: 'no-turns', turns: [] }),
        line({ ...lostCard, id: 'agent-turn', turns: [{ role: 'agent', text: 'Hello' }] }),
        line({ ...lostCard, id: 'maybe', expect: { decision: 'maybe' } }),
        line({ ...lostCard, id: 'bad-reason', expect: { decision: 'handoff', reason: 'because' } }),
        line({ ...lostCard, id: 'extra', expected: {} }),
        line(lostCard),
      ].join('\n'),
    );
    const error = await caught(file);
    expect(error.problems.map((problem) => problem.line)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(error.message).toMatch(/bad\.jsonl:2: not valid JSON/);
    expect(error.message).toMatch(/bad\.jsonl:3: turns: /);
    expect(error.message).toMatch(/bad\.jsonl:4: turns\.0\.role: /);
    expect(error.message).toMatch(/bad\.jsonl:5: expect\.decision: /);
    expect(error.message).toMatch(/bad\.jsonl:6: expect\.reason: /);
    expect(error.message).toMatch(/bad\.jsonl:7: .*expected/);
    expect(error.message).toMatch(/bad\.jsonl:8: duplicate id "lost-card" \(first on line 1\)/);
  });

  it('refuses an id already used in an earlier file, naming the later line', async () => {
    await writeFile(join(folder, 'a.jsonl'), line(lostCard));
    await writeFile(join(folder, 'b.jsonl'), `${line({ ...lostCard, id: 'other' })}\n${line(lostCard)}`);
    const error = await caught(folder);
    expect(error.message).toMatch(/b\.jsonl:2: duplicate id "lost-card" \(already in .*a\.jsonl\)/);
  });

  it('refuses a folder without datasets', async () => {
    const error = await caught(folder);
    expect(error.message).toContain('no .jsonl files in this folder');
  });
});
