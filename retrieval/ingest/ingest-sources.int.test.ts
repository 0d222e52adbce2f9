import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PgliteDb } from '../../db/pglite-db.js';
import { createTestDb } from '../../test-support/test-db.js';
import { hybridSearch } from '../hybrid-search.js';
import { createLocalHashEmbedder } from '../local-hash-embedder.js';
import { ingestSources, type IngestOptions } from './ingest-sources.js';
import { expectServingFlagsConsistent } from '../../test-support/expect-serving-flags-consistent.js';

const embedder = createLocalHashEmbedder();

function article(id: string, fields: { status?: string; validUntil?: string; body?: string } = {}): string {
  return [
    '---',
    `id: ${id}`,
    `title: ${id.replace(/-/g, ' ')}`,
    'locale: en',
    `status: ${fields.status ?? 'approved'}`,
    'owner: test-team',
    'version: 1',
    'reviewed_at: 2026-01-10',
    'review_due: 2027-01-10',
    ...(fields.validUntil ? [`valid_until: ${fields.validUntil}`] : []),
    'tags: [test]',
    `url: https://help.example/en/${id}`,
    '---',
    '',
    `# ${id}`,
    '',
    fields.body ?? `## Details\n\nThe ${id.replace(/-/g, ' ')} service costs €5.00 per month and starts within 2 working days.`,
  ].join('\n');
}

describe('ingestSources', () => {
  let db: PgliteDb;
  let directory: string;
  const options = (overrides: Partial<IngestOptions> = {}): IngestOptions => ({
    path: directory,
    actor: 'curator.anna',
    defaultLocale: 'en',
    defaultStatus: 'approved',
    defaultOwner: 'ingest',
    today: '2026-11-22',
    workingDirectory: join(directory, '..'),
    ...overrides,
  });
  const write = (path: string, content: string) => {
    mkdirSync(join(directory, path, '..'), { recursive: true });
    writeFileSync(join(directory, path), content);
  };

  beforeEach(async () => {
    db = await createTestDb();
    directory = join(mkdtempSync(join(tmpdir(), 'ingest-')), 'kb');
    mkdirSync(directory);
  });
  afterEach(async () => {
    await expectServingFlagsConsistent(db);
    await db.close();
    rmSync(join(directory, '..'), { recursive: true, force: true });
  });

  it('ingests a folder, reports a bad file with its path and reason, and still ingests the rest', async () => {
    write('cards/parcel-service.md', article('parcel-service'));
    write('cards/broken.md', '---\nid: Not Valid\n---\nbody');
    write('notes.docx', 'binary-ish');
    write('faq/garden.txt', 'Garden service\n\nThe garden service waters plants every Tuesday.');

    const report = await ingestSources(db, embedder, options());
    expect(report.created.sort()).toEqual(['faq-garden', 'parcel-service']);
    expect(report.failures).toEqual([{ path: 'cards/broken.md', reason: expect.stringContaining('id') }]);
    expect(report.skipped).toEqual(['notes.docx']);
    expect(report.chunks).toBeGreaterThan(1);
  });

  it('costs nothing for unchanged documents, versions changed ones, and retires removed ones', async () => {
    write('a.md', article('alpha-service'));
    write('b.md', article('beta-service'));
    await ingestSources(db, embedder, options());

    const again = await ingestSources(db, embedder, options());
    expect(again).toMatchObject({ created: [], updated: [], unchanged: 2, retired: [], chunks: 0 });

    write('a.md', article('alpha-service', { body: '## Details\n\nThe alpha service now costs €6.00 per month.' }));
    rmSync(join(directory, 'b.md'));
    const changed = await ingestSources(db, embedder, options());
    expect(changed).toMatchObject({ created: [], updated: ['alpha-service'], unchanged: 0, retired: ['beta-service'] });

    const versions = await db.query<{ article_id: string; version: number; status: string }>(
      'SELECT article_id, version, status FROM article_versions ORDER BY article_id, version',
    );
    expect(versions).toEqual([
      { article_id: 'alpha-service', version: 1, status: 'approved' },
      { article_id: 'alpha-service', version: 2, status: 'approved' },
      { article_id: 'beta-service', version: 1, status: 'approved' },
      { article_id: 'beta-service', version: 2, status: 'retired' },
    ]);
    const found = await hybridSearch(db, embedder, { query: 'beta service cost', locale: 'en' });
    expect(found.map((chunk) => chunk.articleId)).not.toContain('beta-service');
    const alpha = await hybridSearch(db, embedder, { query: 'alpha service cost', locale: 'en' });
    expect(alpha[0]?.text).toContain('€6.00');
  });

  it('never retires the articles of a file that failed to read', async () => {
    write('a.md', article('alpha-service'));
    await ingestSources(db, embedder, options());
    write('a.md', '---\nbroken: [\n---\n');
    const report = await ingestSources(db, embedder, options());
    expect(report.retired).toEqual([]);
    expect(report.failures).toHaveLength(1);
  });

  it('writes nothing in a dry run but reports what would change', async () => {
    write('a.md', article('alpha-service'));
    const report = await ingestSources(db, embedder, options({ dryRun: true }));
    expect(report).toMatchObject({ dryRun: true, created: ['alpha-service'], chunks: 0 });
    expect(await db.query('SELECT id FROM articles')).toEqual([]);
  });

  it('reports two documents claiming one id, keeping the first', async () => {
    write('a.md', article('alpha-service'));
    write('z.md', article('alpha-service'));
    const report = await ingestSources(db, embedder, options());
    expect(report.created).toEqual(['alpha-service']);
    expect(report.failures).toEqual([{ path: 'z.md', reason: 'article id "alpha-service" is already used by a.md' }]);
  });

  it.each([
    ['draft', { status: 'draft' }],
    ['in review', { status: 'in_review' }],
    ['retired', { status: 'retired' }],
    ['expired', { validUntil: '2021-01-01' }],
  ])('stores but never returns a %s article', async (_label, fields) => {
    write('hidden.md', article('hidden-service', fields));
    const report = await ingestSources(db, embedder, options());
    expect(report.created).toEqual(['hidden-service']);
    const found = await hybridSearch(db, embedder, { query: 'hidden service costs per month', locale: 'en' });
    expect(found).toEqual([]);
  });

  it('records every stored version in the audit log with who did it', async () => {
    write('a.md', article('alpha-service'));
    await ingestSources(db, embedder, options());
    rmSync(join(directory, 'a.md'));
    await ingestSources(db, embedder, options());
    const audit = await db.query<{ actor_type: string; actor_id: string; action: string; subject_id: string }>(
      "SELECT actor_type, actor_id, action, subject_id FROM audit_log WHERE subject_type = 'article' ORDER BY id",
    );
    expect(audit).toEqual([
      { actor_type: 'expert', actor_id: 'curator.anna', action: 'article.version_saved', subject_id: 'alpha-service' },
      { actor_type: 'expert', actor_id: 'curator.anna', action: 'article.retired', subject_id: 'alpha-service' },
    ]);
  });

  it('reports progress while writing', async () => {
    for (const name of ['a', 'b', 'c']) write(`${name}.md`, article(`${name}-service`));
    const writes: number[] = [];
    await ingestSources(db, embedder, {
      ...options(),
      batchSize: 1,
      onProgress: (progress) => {
        if (progress.phase === 'write') writes.push(progress.done);
      },
    });
    expect(writes).toEqual([1, 2, 3]);
  });
});
