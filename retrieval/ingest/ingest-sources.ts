import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, posix, relative, resolve, sep } from 'node:path';
import type { Db } from '../../db/db.js';
import type { ArticleStatus } from '../../knowledge/article-front-matter.js';
import { retireArticle } from '../../knowledge/curation/curation-actions.js';
import { writeArticleVersions, type ArticleMetadata, type NewArticleVersion } from '../article-version-writer.js';
import type { Embedder } from '../embedder.js';
import type { IngestReport } from './ingest-report.js';
import { listSourceFiles } from './list-source-files.js';
import { readSourceFile, supportedExtensions } from './read-source-file.js';
import type { SourceDocument } from './source-document.js';
import { SourceFormatError } from './source-format-error.js';

export interface IngestOptions {
  /** A file or a directory (read recursively). */
  path: string;
  /** Recorded in the audit log as the author of every change. */
  actor: string;
  dryRun?: boolean;
  defaultLocale: 'en' | 'nl';
  /** Status of documents whose source carries none (everything but markdown with front matter). */
  defaultStatus: ArticleStatus;
  /** Owner of documents whose source names none. */
  defaultOwner: string;
  /** Today's date (YYYY-MM-DD): review dates of documents without front matter. */
  today: string;
  /** Documents written per transaction. */
  batchSize?: number;
  /** Where sources are recorded relative to; the working directory by default. */
  workingDirectory?: string;
  onProgress?: (progress: { phase: 'read' | 'write'; done: number; total: number }) => void;
}

interface Candidate {
  document: SourceDocument;
  source: string;
  contentHash: string;
}

/**
 * Ingests a folder or file of help-centre sources. Incremental by content
 * hash: unchanged documents are neither embedded nor written; changed ones
 * get a new version; articles whose source disappeared from the ingested
 * scope are retired. A bad file is reported with its path and reason, and
 * everything else is still ingested; a bad file never retires its articles.
 */
export async function ingestSources(db: Db, embedder: Embedder, options: IngestOptions): Promise<IngestReport> {
  const started = performance.now();
  const workingDirectory = options.workingDirectory ?? process.cwd();
  const report: IngestReport = {
    dryRun: options.dryRun === true,
    files: 0,
    documents: 0,
    created: [],
    updated: [],
    unchanged: 0,
    retired: [],
    chunks: 0,
    failures: [],
    skipped: [],
    seconds: 0,
  };

  const { baseDirectory, files } = await listSourceFiles(options.path);
  const baseKey = toSourceKey(relative(workingDirectory, resolve(baseDirectory)));
  const isDirectory = files.length !== 1 || resolve(options.path) !== resolve(files[0]?.absolutePath ?? '');
  const inScope = isDirectory
    ? (source: string) => baseKey === '.' || source.startsWith(`${baseKey}/`)
    : (source: string) => {
        const file = posix.join(baseKey, files[0]?.relativePath ?? '');
        return source === file || source.startsWith(`${file}#`);
      };

  const candidates: Candidate[] = [];
  const failedSources: string[] = [];
  const seenIds = new Map<string, string>();
  for (const [index, file] of files.entries()) {
    options.onProgress?.({ phase: 'read', done: index + 1, total: files.length });
    if (!supportedExtensions.includes(extname(file.relativePath).toLowerCase())) {
      report.skipped.push(file.relativePath);
      continue;
    }
    report.files += 1;
    const fileSource = posix.join(baseKey, file.relativePath);
    try {
      const documents = await readSourceFile({
        relativePath: file.relativePath,
        content: await readFile(file.absolutePath),
        defaultLocale: options.defaultLocale,
      });
      for (const document of documents) {
        const duplicateOf = seenIds.get(document.id);
        if (duplicateOf !== undefined) {
          report.failures.push({ path: document.sourcePath, reason: `article id "${document.id}" is already used by ${duplicateOf}` });
          continue;
        }
        seenIds.set(document.id, document.sourcePath);
        candidates.push({ document, source: posix.join(baseKey, document.sourcePath), contentHash: hashDocument(document) });
      }
    } catch (error) {
      failedSources.push(fileSource);
      report.failures.push({ path: file.relativePath, reason: reasonOf(error) });
    }
  }
  report.documents = candidates.length;

  const existing = new Map(
    (await db.query<{ id: string; source: string | null; source_hash: string | null }>('SELECT id, source, source_hash FROM articles')).map(
      (row) => [row.id, row],
    ),
  );
  const changed = candidates.filter((candidate) => existing.get(candidate.document.id)?.source_hash !== candidate.contentHash);
  report.unchanged = candidates.length - changed.length;
  for (const candidate of changed) (existing.has(candidate.document.id) ? report.updated : report.created).push(candidate.document.id);

  const toRetire = await findRemovedArticles(db, inScope, new Set(candidates.map((candidate) => candidate.document.id)), failedSources);

  if (!report.dryRun) {
    const batchSize = options.batchSize ?? 50;
    for (let start = 0; start < changed.length; start += batchSize) {
      const batch = changed.slice(start, start + batchSize);
      const written = await writeArticleVersions(
        db,
        embedder,
        batch.map((candidate) => toNewVersion(candidate, options, existing.has(candidate.document.id))),
        options.actor,
      );
      report.chunks += written.reduce((sum, version) => sum + version.chunkCount, 0);
      options.onProgress?.({ phase: 'write', done: Math.min(start + batchSize, changed.length), total: changed.length });
    }
    for (const id of toRetire) await retireArticle(db, id, { actor: options.actor, note: 'source removed' });
    // Fresh statistics keep the planner on the partial HNSW and GIN indexes after a large change.
    if (changed.length > 0 || toRetire.length > 0) await db.exec('ANALYZE chunks; ANALYZE article_versions');
  }
  report.retired = toRetire;
  report.seconds = (performance.now() - started) / 1000;
  return report;
}

/** Articles last ingested from inside the scope that this run did not see, not already retired. */
async function findRemovedArticles(
  db: Db,
  inScope: (source: string) => boolean,
  seen: ReadonlySet<string>,
  failedSources: readonly string[],
): Promise<string[]> {
  const rows = await db.query<{ id: string; source: string }>(
    `SELECT a.id, a.source FROM articles a
     JOIN LATERAL (SELECT status FROM article_versions v WHERE v.article_id = a.id ORDER BY version DESC LIMIT 1) l ON true
     WHERE a.source IS NOT NULL AND l.status <> 'retired'
     ORDER BY a.id`,
  );
  const cameFromFailedFile = (source: string) =>
    failedSources.some((failed) => source === failed || source.startsWith(`${failed}#`));
  return rows
    .filter((row) => inScope(row.source) && !seen.has(row.id) && !cameFromFailedFile(row.source))
    .map((row) => row.id);
}

function toNewVersion(candidate: Candidate, options: IngestOptions, exists: boolean): NewArticleVersion {
  const { document } = candidate;
  const metadata: ArticleMetadata = document.frontMatter ?? {
    id: document.id,
    title: document.title,
    locale: document.locale,
    status: options.defaultStatus,
    owner: options.defaultOwner,
    version: 1,
    reviewed_at: options.today,
    review_due: addDays(options.today, 365),
    tags: [],
    url: document.url,
    translations: {},
  };
  return {
    metadata,
    body: document.body,
    contentHash: candidate.contentHash,
    source: candidate.source,
    changeNote: exists ? 'source changed' : 'ingested',
  };
}

function hashDocument(document: SourceDocument): string {
  const { sourcePath: _sourcePath, ...content } = document;
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Sources are recorded relative to the working directory, with forward slashes. */
function toSourceKey(path: string): string {
  const key = path.split(sep).join('/');
  return key === '' ? '.' : key;
}

function reasonOf(error: unknown): string {
  // The report shows the path already, so a SourceFormatError gives only its reason.
  if (error instanceof SourceFormatError) return error.reason;
  return error instanceof Error ? error.message : String(error);
}
