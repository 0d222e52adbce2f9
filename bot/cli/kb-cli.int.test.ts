import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PgliteDb } from '../../db/pglite-db.js';
import type { ArticleSummary } from '../../knowledge/curation/article-views.js';
import { knowledgeBaseVersion } from '../../retrieval/knowledge-store.js';
import { saveArticleVersion } from '../../test-support/save-article-version.js';
import { createLocalHashEmbedder } from '../../retrieval/local-hash-embedder.js';
import { articleFixture, type ArticleFixture } from '../../test-support/article-fixture.js';
import { createTestDb } from '../../test-support/test-db.js';
import { runKbCli } from './kb-cli.js';

const embedder = createLocalHashEmbedder();
const now = () => new Date('2026-11-22T09:30:00Z');

const parcelFee: ArticleFixture = {
  id: 'parcel-fee',
  title: 'Parcel delivery fee',
  tags: ['parcels', 'fees'],
  body: '## What it costs\n\nA parcel delivery costs €4.95 per parcel.\nParcels arrive within 2 working days.',
};
const letterDraft: ArticleFixture = {
  id: 'letter-fee',
  title: 'Letter postage',
  status: 'draft',
  tags: ['letters', 'fees'],
  body: '## What it costs\n\nA letter costs €1.10 to send within the country.',
};
const overdueRules: ArticleFixture = {
  id: 'parcel-rules',
  title: 'Parcel rules',
  reviewedAt: '2025-05-01',
  reviewDue: '2026-11-01',
  body: '## What may be sent\n\nParcels weigh at most 30 kg and measure at most 100 cm on each side.',
};

/** Collects what the CLI writes, as a terminal would receive it. */
function output() {
  return {
    text: '',
    isTTY: false,
    write(text: string) {
      this.text += text;
    },
  };
}

describe('kb CLI', () => {
  let db: PgliteDb;
  let stdout: ReturnType<typeof output>;
  let stderr: ReturnType<typeof output>;
  const kb = (...argv: string[]) => runKbCli(argv, { db, embedder, defaultLocale: 'en', stdout, stderr, now });
  const save = (fixture: ArticleFixture) => saveArticleVersion(db, embedder, articleFixture(fixture), { actor: 'system:test' });
  const json = <T>() => JSON.parse(stdout.text) as T;

  beforeEach(async () => {
    db = await createTestDb();
    stdout = output();
    stderr = output();
    await save(parcelFee);
    await save(letterDraft);
    await save(overdueRules);
  });
  afterEach(async () => {
    await db.close();
  });

  describe('list', () => {
    it('prints a table of articles with what is served and flags, and a count', async () => {
      expect(await kb('list')).toBe(0);
      const lines = stdout.text.trimEnd().split('\n');
      expect(lines[0]).toMatch(/^id\s+locale\s+latest\s+status\s+served\s+review due\s+flags$/);
      expect(lines[1]).toMatch(/^-+( +-+)+$/);
      expect(lines.slice(2, 5)).toEqual([
        expect.stringMatching(/^letter-fee\s+en\s+1\s+draft\s+-\s+2027-01-10$/),
        expect.stringMatching(/^parcel-fee\s+en\s+1\s+approved\s+1\s+2027-01-10$/),
        expect.stringMatching(/^parcel-rules\s+en\s+1\s+approved\s+1\s+2026-11-01\s+stale$/),
      ]);
      expect(lines.at(-1)).toBe('3 articles');
      expect(stderr.text).toBe('');
    });

    it('prints JSON with --json, filtered by --status, --tag and --stale', async () => {
      expect(await kb('list', '--json')).toBe(0);
      expect(json<ArticleSummary[]>().map((article) => article.id)).toEqual(['letter-fee', 'parcel-fee', 'parcel-rules']);

      const filtered = async (...options: string[]) => {
        stdout.text = '';
        expect(await kb('list', '--json', ...options)).toBe(0);
        return json<ArticleSummary[]>().map((article) => article.id);
      };
      expect(await filtered('--status', 'draft')).toEqual(['letter-fee']);
      expect(await filtered('--tag', 'fees', '--status', 'approved')).toEqual(['parcel-fee']);
      expect(await filtered('--stale')).toEqual(['parcel-rules']);
      expect(await filtered('--locale', 'nl')).toEqual([]);
    });

    it('flags an expired article', async () => {
      await save({ ...parcelFee, id: 'old-offer', validUntil: '2020-12-31' });
      await kb('list', '--json');
      expect(json<ArticleSummary[]>().find((article) => article.id === 'old-offer')).toMatchObject({ expired: true, servedVersion: null });
      stdout.text = '';
      await kb('list');
      expect(stdout.text).toMatch(/^old-offer\s.*\sexpired$/m);
    });

    it('rejects an unknown status with exit code 64', async () => {
      expect(await kb('list', '--status', 'published')).toBe(64);
      expect(stderr.text).toContain('--status must be one of draft, in_review, approved, retired, got "published"');
      expect(stdout.text).toBe('');
    });
  });

  it('shows one article: title, versions, review dates, url, tags and body', async () => {
    expect(await kb('show', 'parcel-rules')).toBe(0);
    expect(stdout.text).toContain('Parcel rules (parcel-rules, en)\nlatest version 1: approved; served: 1\n');
    expect(stdout.text).toContain('owner test-team; reviewed 2025-05-01; review due 2026-11-01 (STALE)');
    expect(stdout.text).toContain('url https://help.example/en/parcel-rules; tags test');
    expect(stdout.text).toContain('Parcels weigh at most 30 kg');

    stdout.text = '';
    expect(await kb('show', 'letter-fee', '--json')).toBe(0);
    expect(json()).toMatchObject({ id: 'letter-fee', latestStatus: 'draft', servedVersion: null });
  });

  it('prints the history of an article, newest first, with who and why', async () => {
    await kb('approve', 'letter-fee', '--actor', 'curator.anna', '--note', 'prices checked');
    stdout.text = '';
    expect(await kb('history', 'letter-fee')).toBe(0);
    const lines = stdout.text.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^version\s+status\s+by\s+at\s+note$/);
    expect(lines[2]).toMatch(/^2\s+approved\s+curator\.anna\s+\d{4}-\d{2}-\d{2}T\S+Z\s+prices checked$/);
    expect(lines[3]).toMatch(/^1\s+draft\s+system:test\s+\S+\s+saved$/);
    expect(lines).toHaveLength(4);
  });

  describe('diff', () => {
    it('prints changed fields and the body as a unified diff', async () => {
      await save({ ...parcelFee, version: 2, status: 'draft', body: parcelFee.body.replace('€4.95', '€5.95') });
      expect(await kb('diff', 'parcel-fee', '1', '2')).toBe(0);
      expect(stdout.text).toContain('status: "approved" -> "draft"\n');
      expect(stdout.text).toContain('- A parcel delivery costs €4.95 per parcel.\n+ A parcel delivery costs €5.95 per parcel.');
    });

    it('says when nothing but the status changed', async () => {
      await kb('approve', 'letter-fee', '--actor', 'curator.anna');
      stdout.text = '';
      expect(await kb('diff', 'letter-fee', '1', '2')).toBe(0);
      expect(stdout.text).toBe('status: "draft" -> "approved"\n\nbody unchanged\n');
    });

    it('rejects versions that are not positive integers, and missing ones, with exit code 64', async () => {
      expect(await kb('diff', 'parcel-fee', '1', 'latest')).toBe(64);
      expect(stderr.text).toContain('A version must be a positive integer, got "latest"');
      stderr.text = '';
      expect(await kb('diff', 'parcel-fee', '1')).toBe(64);
      expect(stderr.text).toContain('Missing to version.');
    });
  });

  it('reports served articles overdue for review', async () => {
    expect(await kb('stale')).toBe(0);
    expect(stdout.text).toMatch(/^parcel-rules\s+test-team\s+2026-11-01\s+21$/m);
    expect(stdout.text).toContain('\n1 served articles overdue for review\n');
    expect(stdout.text).not.toContain('parcel-fee');

    stdout.text = '';
    await kb('stale', '--json');
    expect(json()).toEqual([expect.objectContaining({ id: 'parcel-rules', daysOverdue: 21 })]);
  });

  describe('approve and retire', () => {
    it('approves a draft as the given actor, recorded in the audit log', async () => {
      const before = await knowledgeBaseVersion(db);
      expect(await kb('approve', 'letter-fee', '--actor', 'curator.anna', '--note', 'prices checked')).toBe(0);
      const after = await knowledgeBaseVersion(db);
      expect(after).not.toBe(before);
      expect(stdout.text).toBe(`letter-fee: version 2 approved by curator.anna; knowledge base ${after}\n`);
      const audit = await db.query<{ actor_type: string; actor_id: string; details: { note: string } }>(
        "SELECT actor_type, actor_id, details FROM audit_log WHERE action = 'article.approved' AND subject_id = 'letter-fee'",
      );
      expect(audit).toEqual([{ actor_type: 'expert', actor_id: 'curator.anna', details: expect.objectContaining({ note: 'prices checked' }) }]);
    });

    it('approves a given version and answers in JSON', async () => {
      await save({ ...parcelFee, version: 2, body: parcelFee.body.replace('€4.95', '€5.95') });
      expect(await kb('approve', 'parcel-fee', '--version', '1', '--actor', 'curator.anna', '--json')).toBe(0);
      expect(json()).toEqual({ id: 'parcel-fee', version: 3, status: 'approved', kbVersion: await knowledgeBaseVersion(db) });
      const [served] = await db.query<{ body: string }>("SELECT body FROM served_article_versions WHERE article_id = 'parcel-fee'");
      expect(served?.body).toContain('€4.95');
    });

    it('retires an article as the given actor, recorded in the audit log', async () => {
      expect(await kb('retire', 'parcel-fee', '--actor', 'curator.ben', '--note', 'service discontinued')).toBe(0);
      expect(stdout.text).toMatch(/^parcel-fee: version 2 retired by curator\.ben; knowledge base kb-[0-9a-f]{16}\n$/);
      const audit = await db.query<{ actor_id: string; action: string }>(
        "SELECT actor_id, action FROM audit_log WHERE subject_id = 'parcel-fee' AND action <> 'article.version_saved'",
      );
      expect(audit).toEqual([{ actor_id: 'curator.ben', action: 'article.retired' }]);
      expect(await db.query("SELECT 1 FROM served_article_versions WHERE article_id = 'parcel-fee'")).toEqual([]);
    });

    it('exits with 1 and says why when the action does not fit the article', async () => {
      expect(await kb('approve', 'parcel-fee', '--actor', 'curator.anna')).toBe(1);
      expect(stderr.text).toBe('Article parcel-fee is already approved (version 1)\n');
      stderr.text = '';
      await kb('retire', 'parcel-fee', '--actor', 'curator.anna');
      expect(await kb('retire', 'parcel-fee', '--actor', 'curator.anna')).toBe(1);
      expect(stderr.text).toBe('Article parcel-fee is already retired (version 2)\n');
    });
  });

  it('prints the knowledge-base version', async () => {
    expect(await kb('version')).toBe(0);
    expect(stdout.text).toBe(`${await knowledgeBaseVersion(db)}\n`);
    stdout.text = '';
    await kb('version', '--json');
    expect(json()).toEqual({ kbVersion: await knowledgeBaseVersion(db) });
  });

  it('re-embeds every chunk with the configured embedder', async () => {
    const [row] = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM chunks');
    expect(await kb('reindex')).toBe(0);
    expect(stdout.text).toBe(`Re-embedded ${row?.count} chunks with local-hash-v1-384\n`);
    expect(stderr.text).toBe(`embedding: ${row?.count}/${row?.count}\n`);
  });

  describe('ingest', () => {
    let directory: string;
    const write = (path: string, content: string) => {
      mkdirSync(join(directory, path, '..'), { recursive: true });
      writeFileSync(join(directory, path), content);
    };
    const markdown = (fixture: ArticleFixture) =>
      [
        '---',
        `id: ${fixture.id}`,
        `title: ${fixture.title}`,
        'locale: en',
        'status: approved',
        'owner: shipping-team',
        'version: 1',
        'reviewed_at: 2026-01-10',
        'review_due: 2027-01-10',
        `url: https://help.example/en/${fixture.id}`,
        '---',
        '',
        fixture.body,
      ].join('\n');

    beforeEach(() => {
      directory = mkdtempSync(join(tmpdir(), 'kb-cli-ingest-'));
      write('shipping/courier-service.md', markdown({ id: 'courier-service', title: 'Courier service', body: 'A courier collects a parcel within 2 hours for €12.50.' }));
      write('faq/pickup-points.txt', 'Pickup points\n\nParcels wait at a pickup point for 7 days before they are returned.');
    });
    afterEach(() => {
      rmSync(directory, { recursive: true, force: true });
    });

    it('ingests a folder and reports the counts, with progress on stderr', async () => {
      expect(await kb('ingest', directory, '--actor', 'curator.anna', '--owner', 'support')).toBe(0);
      expect(stdout.text).toMatch(/^2 files, 2 documents in \d+\.\d\d s\n/);
      expect(stdout.text).toContain('  created   2: faq-pickup-points, courier-service\n');
      expect(stdout.text).toContain('  updated   0\n  unchanged 0\n  retired   0\n');
      expect(stdout.text).toMatch(/ {2}chunks {4}[1-9]\d*\n$/);
      expect(stderr.text).toBe('embedding and storing: 2/2\n');
      const rows = await db.query<{ article_id: string; owner: string; created_by: string }>(
        "SELECT article_id, owner, created_by FROM article_versions WHERE article_id IN ('courier-service', 'faq-pickup-points') ORDER BY article_id",
      );
      expect(rows).toEqual([
        { article_id: 'courier-service', owner: 'shipping-team', created_by: 'curator.anna' },
        { article_id: 'faq-pickup-points', owner: 'support', created_by: 'curator.anna' },
      ]);

      stdout.text = '';
      expect(await kb('ingest', directory, '--json')).toBe(0);
      expect(json()).toMatchObject({ dryRun: false, created: [], unchanged: 2, chunks: 0 });
    });

    it('writes nothing in a dry run', async () => {
      expect(await kb('ingest', directory, '--dry-run')).toBe(0);
      expect(stdout.text).toMatch(/^Dry run: nothing written\. 2 files, 2 documents/);
      expect(stdout.text).toContain('  created   2: faq-pickup-points, courier-service\n');
      expect(await db.query("SELECT id FROM articles WHERE id IN ('courier-service', 'faq-pickup-points')")).toEqual([]);
    });

    it('exits with 2 and a FAILED line for a bad file, and still ingests the rest', async () => {
      write('shipping/broken.md', '---\nid: Not Valid\n---\nbody');
      write('notes.docx', 'not read');
      expect(await kb('ingest', directory)).toBe(2);
      expect(stdout.text).toMatch(/^ {2}FAILED shipping\/broken\.md: .*id/m);
      expect(stdout.text).toContain('  skipped (unsupported type): notes.docx\n');
      expect(stdout.text).toContain('  created   2: faq-pickup-points, courier-service\n');
    });

    it('rejects an unknown --locale with exit code 64', async () => {
      expect(await kb('ingest', directory, '--locale', 'fr')).toBe(64);
      expect(stderr.text).toContain('--locale must be en or nl, got "fr"');
    });
  });

  describe('usage errors', () => {
    it('answers an unknown command with exit code 64 and the usage', async () => {
      expect(await kb('publish', 'parcel-fee')).toBe(64);
      expect(stderr.text).toMatch(/^Unknown command "publish"\.\n\nUsage: npm run kb -- <command> \[options\]/);
    });

    it('answers an unknown option with exit code 64 and the usage', async () => {
      expect(await kb('list', '--colour')).toBe(64);
      expect(stderr.text).toContain("Unknown option '--colour'");
      expect(stderr.text).toContain('Usage: npm run kb');
    });

    it('prints the usage with exit code 64 without a command, and 0 when asked for help', async () => {
      expect(await kb()).toBe(64);
      expect(stdout.text).toContain('Usage: npm run kb');
      stdout.text = '';
      expect(await kb('help')).toBe(0);
      expect(await kb('--help')).toBe(0);
      expect(stdout.text).toContain('Usage: npm run kb');
    });

    it.each([['show'], ['history'], ['approve'], ['retire'], ['diff'], ['ingest']])(
      '%s without its argument exits with 64 and the usage',
      async (command) => {
        expect(await kb(command)).toBe(64);
        expect(stderr.text).toMatch(/^Missing (article id|path)\.\n\nUsage: npm run kb/);
      },
    );

    it.each([['show'], ['history'], ['approve'], ['retire']])('%s of an unknown article exits with 1 and says so', async (command) => {
      expect(await kb(command, 'no-such-article', '--actor', 'curator.anna')).toBe(1);
      expect(stderr.text).toBe('article "no-such-article" not found\n');
      expect(stdout.text).toBe('');
    });
  });
});
