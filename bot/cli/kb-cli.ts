import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import type { Db } from '../../db/db.js';
import { articleStatuses, type ArticleStatus } from '../../knowledge/article-front-matter.js';
import { approveArticle, diffArticleVersions, retireArticle } from '../../knowledge/curation/curation-actions.js';
import { articleHistory, getArticle, listArticles, staleReport } from '../../knowledge/curation/curation-queries.js';
import type { Embedder } from '../../retrieval/embedder.js';
import { ingestSources } from '../../retrieval/ingest/ingest-sources.js';
import { knowledgeBaseVersion } from '../../retrieval/knowledge-store.js';
import { reindex } from '../../retrieval/vector-index.js';
import { AppError } from '../errors/app-error.js';
import { ValidationError } from '../errors/validation-error.js';
import { formatTable } from './format-table.js';
import { createProgressBar, type ProgressOutput } from './progress-bar.js';

export interface KbCliContext {
  db: Db;
  embedder: Embedder;
  defaultLocale: 'en' | 'nl';
  stdout: ProgressOutput;
  stderr: ProgressOutput;
  now?: () => Date;
}

export const kbUsage = `Usage: npm run kb -- <command> [options]

Commands:
  list [--status S] [--locale L] [--tag T] [--stale]   articles and what is served
  show <id>                                            one article, latest version
  history <id>                                         every version, who and when
  diff <id> <from> <to>                                what changed between two versions
  stale                                                served articles overdue for review
  approve <id> [--version N] [--note TEXT]             serve the latest (or given) version
  retire <id> [--note TEXT]                            stop serving an article
  ingest <path> [--dry-run] [--status S] [--owner O] [--locale L]
                                                       .md .html .txt .pdf .jsonl .csv, a file or a folder
  reindex                                              re-embed every chunk with the configured embedder
  version                                              the knowledge-base version id now served

Options for every command: --json (machine-readable output), --actor NAME (who, for the audit log;
default: your user name).`;

/** Runs one `kb` command; returns the process exit code. */
export async function runKbCli(argv: readonly string[], context: KbCliContext): Promise<number> {
  const now = context.now ?? (() => new Date());
  const today = now().toISOString().slice(0, 10);
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        actor: { type: 'string' },
        status: { type: 'string' },
        locale: { type: 'string' },
        tag: { type: 'string' },
        stale: { type: 'boolean', default: false },
        version: { type: 'string' },
        note: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        owner: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    context.stderr.write(`${(error as Error).message}\n\n${kbUsage}\n`);
    return 64;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  const print = (json: unknown, text: string) => context.stdout.write(`${values.json ? JSON.stringify(json, null, 2) : text}\n`);
  const actor = values.actor ?? safeUserName();

  try {
    switch (command) {
      case 'list': {
        const articles = await listArticles(context.db, today, {
          ...(values.status === undefined ? {} : { status: parseStatus(values.status) }),
          ...(values.locale === undefined ? {} : { locale: values.locale }),
          ...(values.tag === undefined ? {} : { tag: values.tag }),
          stale: values.stale,
        });
        print(
          articles,
          formatTable(
            ['id', 'locale', 'latest', 'status', 'served', 'review due', 'flags'],
            articles.map((article) => [
              article.id,
              article.locale,
              article.latestVersion,
              article.latestStatus,
              article.servedVersion ?? '-',
              article.reviewDue,
              [article.stale ? 'stale' : '', article.expired ? 'expired' : ''].filter(Boolean).join(','),
            ]),
          ) + `\n${articles.length} articles`,
        );
        return 0;
      }
      case 'show': {
        const article = await getArticle(context.db, requireArgument(rest[0], 'article id'), today);
        print(
          article,
          [
            `${article.title} (${article.id}, ${article.locale})`,
            `latest version ${article.latestVersion}: ${article.latestStatus}; served: ${article.servedVersion ?? 'none'}`,
            `owner ${article.owner}; reviewed ${article.reviewedAt ?? '-'}; review due ${article.reviewDue ?? '-'}` +
              (article.validUntil ? `; valid until ${article.validUntil}` : '') +
              (article.stale ? ' (STALE)' : '') +
              (article.expired ? ' (EXPIRED)' : ''),
            `url ${article.url ?? '-'}; tags ${article.tags.join(', ') || '-'}`,
            '',
            article.body,
          ].join('\n'),
        );
        return 0;
      }
      case 'history': {
        const id = requireArgument(rest[0], 'article id');
        const history = await articleHistory(context.db, id);
        print(
          history,
          formatTable(
            ['version', 'status', 'by', 'at', 'note'],
            history.map((entry) => [entry.version, entry.status, entry.createdBy, entry.createdAt, entry.changeNote]),
          ),
        );
        return 0;
      }
      case 'diff': {
        const id = requireArgument(rest[0], 'article id');
        const diff = await diffArticleVersions(
          context.db,
          id,
          parseVersion(requireArgument(rest[1], 'from version')),
          parseVersion(requireArgument(rest[2], 'to version')),
        );
        const fields = Object.entries(diff.changedFields).map(
          ([field, [from, to]]) => `${field}: ${JSON.stringify(from)} -> ${JSON.stringify(to)}`,
        );
        print(diff, [...fields, fields.length > 0 ? '' : 'metadata unchanged', diff.unified || 'body unchanged'].join('\n'));
        return 0;
      }
      case 'stale': {
        const stale = await staleReport(context.db, today);
        print(
          stale,
          formatTable(
            ['id', 'owner', 'review due', 'days overdue'],
            stale.map((article) => [article.id, article.owner, article.reviewDue, article.daysOverdue]),
          ) + `\n${stale.length} served articles overdue for review`,
        );
        return 0;
      }
      case 'approve': {
        const id = requireArgument(rest[0], 'article id');
        const version = await approveArticle(context.db, id, {
          actor,
          ...(values.version === undefined ? {} : { version: parseVersion(values.version) }),
          ...(values.note === undefined ? {} : { note: values.note }),
        });
        const kbVersion = await knowledgeBaseVersion(context.db);
        print({ id, version, status: 'approved', kbVersion }, `${id}: version ${version} approved by ${actor}; knowledge base ${kbVersion}`);
        return 0;
      }
      case 'retire': {
        const id = requireArgument(rest[0], 'article id');
        const version = await retireArticle(context.db, id, { actor, ...(values.note === undefined ? {} : { note: values.note }) });
        const kbVersion = await knowledgeBaseVersion(context.db);
        print({ id, version, status: 'retired', kbVersion }, `${id}: version ${version} retired by ${actor}; knowledge base ${kbVersion}`);
        return 0;
      }
      case 'ingest': {
        const path = requireArgument(rest[0], 'path');
        const bar = createProgressBar(context.stderr, 'embedding and storing');
        const report = await ingestSources(context.db, context.embedder, {
          path,
          actor,
          dryRun: values['dry-run'],
          defaultLocale: values.locale === undefined ? context.defaultLocale : parseLocale(values.locale),
          defaultStatus: values.status === undefined ? 'approved' : parseStatus(values.status),
          defaultOwner: values.owner ?? 'ingest',
          today,
          onProgress: (progress) => {
            if (progress.phase === 'write') bar.update(progress.done, progress.total);
          },
        });
        const lines = [
          `${report.dryRun ? 'Dry run: nothing written. ' : ''}${report.files} files, ${report.documents} documents in ${report.seconds.toFixed(2)} s`,
          `  created   ${report.created.length}${listIds(report.created)}`,
          `  updated   ${report.updated.length}${listIds(report.updated)}`,
          `  unchanged ${report.unchanged}`,
          `  retired   ${report.retired.length}${listIds(report.retired)}`,
          `  chunks    ${report.chunks}`,
          ...(report.skipped.length > 0 ? [`  skipped (unsupported type): ${report.skipped.join(', ')}`] : []),
          ...report.failures.map((failure) => `  FAILED ${failure.path}: ${failure.reason}`),
        ];
        print(report, lines.join('\n'));
        return report.failures.length > 0 ? 2 : 0;
      }
      case 'reindex': {
        const bar = createProgressBar(context.stderr, 'embedding');
        const count = await reindex(context.db, context.embedder, (done, total) => bar.update(done, total));
        print({ chunks: count, embedder: context.embedder.id }, `Re-embedded ${count} chunks with ${context.embedder.id}`);
        return 0;
      }
      case 'version': {
        const kbVersion = await knowledgeBaseVersion(context.db);
        print({ kbVersion }, kbVersion);
        return 0;
      }
      case undefined:
      case 'help':
        context.stdout.write(`${kbUsage}\n`);
        return command === undefined && !values.help ? 64 : 0;
      default:
        context.stderr.write(`Unknown command "${command}".\n\n${kbUsage}\n`);
        return 64;
    }
  } catch (error) {
    if (error instanceof AppError) {
      context.stderr.write(`${error.message}\n`);
      return error instanceof ValidationError ? 64 : 1;
    }
    throw error;
  }
}

function requireArgument(value: string | undefined, name: string): string {
  if (value === undefined || value.trim() === '') throw new ValidationError(`Missing ${name}.\n\n${kbUsage}`);
  return value;
}

function parseVersion(value: string): number {
  const version = Number(value);
  if (!Number.isInteger(version) || version < 1) throw new ValidationError(`A version must be a positive integer, got "${value}"`);
  return version;
}

function parseStatus(value: string): ArticleStatus {
  if (!(articleStatuses as readonly string[]).includes(value)) {
    throw new ValidationError(`--status must be one of ${articleStatuses.join(', ')}, got "${value}"`);
  }
  return value as ArticleStatus;
}

function parseLocale(value: string): 'en' | 'nl' {
  if (value !== 'en' && value !== 'nl') throw new ValidationError(`--locale must be en or nl, got "${value}"`);
  return value;
}

function listIds(ids: readonly string[]): string {
  if (ids.length === 0) return '';
  return ids.length <= 8 ? `: ${ids.join(', ')}` : `: ${ids.slice(0, 8).join(', ')} and ${ids.length - 8} more`;
}

function safeUserName(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}
