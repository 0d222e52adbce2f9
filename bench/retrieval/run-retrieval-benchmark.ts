import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { migrate } from '../../db/migrate.js';
import { createPgliteDb, type PgliteDb } from '../../db/pglite-db.js';
import { holdoutSetPath, readRetrievalSet, type RetrievalQuestion } from '../../evals/retrieval/retrieval-set.js';
import type { Embedder } from '../../retrieval/embedder.js';
import { hybridSearch } from '../../retrieval/hybrid-search.js';
import { ingestSources } from '../../retrieval/ingest/ingest-sources.js';
import { createLocalHashEmbedder } from '../../retrieval/local-hash-embedder.js';
import { rankArticles } from '../../retrieval/retrieve-passages.js';
import { createQueryExpander } from '../../retrieval/query-expansion/query-expander.js';
import { readSynonymLexicon } from '../../retrieval/query-expansion/synonym-lexicon.js';
import { createTermStatisticsCache } from '../../retrieval/term-statistics-cache.js';
import { ensureVectorIndex } from '../../retrieval/vector-index.js';
import { createLangchainBaseline } from './langchain-baseline.js';
import { measureRanking, percentile, type RankingQuality } from './measure-ranking.js';
import { growSyntheticCorpus } from './synthetic-corpus.js';

// `npm run bench:retrieval [-- --json] [-- --large N] [-- --quality-only] [-- --no-synonyms]`: retrieval quality on the
// retrieval set, query latency at ~1k and ~20k chunks, ingestion against the
// raw-insert floor, and LangChain's PGVectorStore as the peer baseline, all on
// one embedded PGlite with the default embedder.

const json = process.argv.includes('--json');
const qualityOnly = process.argv.includes('--quality-only');
// Without knowledge/synonyms.yaml: what the curated customer phrases add.
const withoutSynonyms = process.argv.includes('--no-synonyms');
const largeIndex = process.argv.indexOf('--large');
const largeTarget = largeIndex > 0 ? Number(process.argv[largeIndex + 1]) : 20_000;
const knowledgeDirectory = fileURLToPath(new URL('../../knowledge/articles', import.meta.url));
const log = (line: string) => {
  if (!json) process.stdout.write(`${line}\n`);
};

async function main(): Promise<void> {
  const embedder = createLocalHashEmbedder();
  const questions = await readRetrievalSet();
  // Written independently of the synonyms and the tuning, to show what tuning on the main set is worth.
  const holdout = await readRetrievalSet(holdoutSetPath);
  const db = await createPgliteDb();
  try {
    await migrate(db);
    await ensureVectorIndex(db, embedder);

    if (qualityOnly) {
      await ingestSources(db, embedder, {
        path: knowledgeDirectory,
        actor: 'system:benchmark',
        defaultLocale: 'en',
        defaultStatus: 'approved',
        defaultOwner: 'benchmark',
        today: '2026-11-22',
      });
      const quick = await measureOurs(db, embedder, questions);
      log(`quality: recall@1 ${quick.quality.recallAt1.toFixed(3)}, recall@5 ${quick.quality.recallAt5.toFixed(3)}, MRR ${quick.quality.mrr.toFixed(3)}, p50 ${quick.p50Ms.toFixed(2)} ms, p95 ${quick.p95Ms.toFixed(2)} ms`);
      const quickHoldout = await measureOurs(db, embedder, holdout);
      log(`held-out quality: recall@1 ${quickHoldout.quality.recallAt1.toFixed(3)}, recall@5 ${quickHoldout.quality.recallAt5.toFixed(3)}, MRR ${quickHoldout.quality.mrr.toFixed(3)}`);
      await writeFile(fileURLToPath(new URL('../results/retrieval-misses.json', import.meta.url)), `${JSON.stringify(quick.quality.misses, null, 2)}\n`);
      return;
    }
    const ingest = await measureIngestion(db, embedder);
    log(`ingest: ${ingest.chunks} chunks in ${ingest.seconds.toFixed(2)} s = ${ingest.chunksPerSecond.toFixed(0)} chunks/s`);
    log(`raw-insert floor: ${ingest.rawChunksPerSecond.toFixed(0)} chunks/s (ingest at ${(100 * ingest.chunksPerSecond / ingest.rawChunksPerSecond).toFixed(0)}%)`);
    log(`unchanged re-ingest: ${ingest.reingestSeconds.toFixed(3)} s (${(100 * ingest.reingestSeconds / ingest.seconds).toFixed(1)}% of first ingest)`);

    log("starting LangChain baseline");
    const baseline = await createLangchainBaseline(db, embedder, log);
    const langchain = await measureRankings(questions, (question) => baseline.rank(question.question, question.locale));
    const langchainHoldout = await measureRankings(holdout, (question) => baseline.rank(question.question, question.locale));
    await baseline.close();
    await db.exec('DROP TABLE IF EXISTS langchain_baseline_chunks CASCADE');
    log(`langchain PGVectorStore: recall@5 ${langchain.quality.recallAt5.toFixed(3)}, MRR ${langchain.quality.mrr.toFixed(3)}, p50 ${langchain.p50Ms.toFixed(2)} ms, p95 ${langchain.p95Ms.toFixed(2)} ms`);

    const quality = await measureOurs(db, embedder, questions);
    const holdoutQuality = await measureOurs(db, embedder, holdout);
    log(`held-out set (${holdout.length} questions): recall@5 ${holdoutQuality.quality.recallAt5.toFixed(3)}, MRR ${holdoutQuality.quality.mrr.toFixed(3)}; LangChain recall@5 ${langchainHoldout.quality.recallAt5.toFixed(3)}, MRR ${langchainHoldout.quality.mrr.toFixed(3)}`);
    log(`quality (${quality.quality.questions} questions, ${ingest.chunks} chunks): recall@1 ${quality.quality.recallAt1.toFixed(3)}, recall@5 ${quality.quality.recallAt5.toFixed(3)}, MRR ${quality.quality.mrr.toFixed(3)}`);

    const smallChunks = await growSyntheticCorpus(db, embedder, 1_000);
    const small = await measureOurs(db, embedder, questions);
    log(`latency at ${smallChunks} chunks: p50 ${small.p50Ms.toFixed(2)} ms, p95 ${small.p95Ms.toFixed(2)} ms (recall@5 ${small.quality.recallAt5.toFixed(3)})`);

    const largeStarted = performance.now();
    const largeChunks = await growSyntheticCorpus(db, embedder, largeTarget);
    log(`grew to ${largeChunks} chunks in ${((performance.now() - largeStarted) / 1000).toFixed(1)} s`);
    const large = await measureOurs(db, embedder, questions);
    log(`latency at ${largeChunks} chunks: p50 ${large.p50Ms.toFixed(2)} ms, p95 ${large.p95Ms.toFixed(2)} ms (recall@5 ${large.quality.recallAt5.toFixed(3)})`);

    const result = {
      embedder: embedder.id,
      questions: questions.length,
      recallAt1: round(quality.quality.recallAt1),
      recallAt5: round(quality.quality.recallAt5),
      mrr: round(quality.quality.mrr),
      p50Ms: round(large.p50Ms),
      p95Ms: round(large.p95Ms),
      chunks: largeChunks,
      latencyByChunks: [
        { chunks: smallChunks, p50Ms: round(small.p50Ms), p95Ms: round(small.p95Ms), recallAt5: round(small.quality.recallAt5) },
        { chunks: largeChunks, p50Ms: round(large.p50Ms), p95Ms: round(large.p95Ms), recallAt5: round(large.quality.recallAt5) },
      ],
      ingestChunksPerSecond: round(ingest.chunksPerSecond),
      rawInsertChunksPerSecond: round(ingest.rawChunksPerSecond),
      reingestUnchangedSeconds: round(ingest.reingestSeconds),
      firstIngestSeconds: round(ingest.seconds),
      langchain: {
        recallAt1: round(langchain.quality.recallAt1),
        recallAt5: round(langchain.quality.recallAt5),
        mrr: round(langchain.quality.mrr),
        p50Ms: round(langchain.p50Ms),
        p95Ms: round(langchain.p95Ms),
      },
      holdout: {
        questions: holdout.length,
        recallAt1: round(holdoutQuality.quality.recallAt1),
        recallAt5: round(holdoutQuality.quality.recallAt5),
        mrr: round(holdoutQuality.quality.mrr),
        langchain: {
          recallAt1: round(langchainHoldout.quality.recallAt1),
          recallAt5: round(langchainHoldout.quality.recallAt5),
          mrr: round(langchainHoldout.quality.mrr),
        },
      },
      byLocale: Object.fromEntries(
        (['en', 'nl'] as const).map((locale) => [locale, qualitySummary(questions, quality.rankings, (question) => question.locale === locale)]),
      ),
      byStyle: Object.fromEntries(
        [...new Set(questions.map((question) => question.style ?? 'none'))].map((style) => [
          style,
          qualitySummary(questions, quality.rankings, (question) => (question.style ?? 'none') === style),
        ]),
      ),
      misses: quality.quality.misses.length,
    };
    const resultsDirectory = fileURLToPath(new URL('../results/', import.meta.url));
    await mkdir(resultsDirectory, { recursive: true });
    await writeFile(`${resultsDirectory}retrieval.json`, `${JSON.stringify({ command: 'npm run bench:retrieval', ...result }, null, 2)}\n`);
    await writeFile(`${resultsDirectory}retrieval-misses.json`, `${JSON.stringify(quality.quality.misses, null, 2)}\n`);
    if (json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else log(`written to bench/results/retrieval.json`);
  } finally {
    await db.close();
  }
}

async function measureIngestion(db: PgliteDb, embedder: Embedder) {
  const options = {
    path: knowledgeDirectory,
    actor: 'system:benchmark',
    defaultLocale: 'en' as const,
    defaultStatus: 'approved' as const,
    defaultOwner: 'benchmark',
    today: '2026-11-22',
  };
  // Warm-up on a scratch database, so the measured ingest and the floor both
  // run with compiled code paths rather than one of them paying for the JIT.
  const scratch = await createPgliteDb();
  await migrate(scratch);
  await ensureVectorIndex(scratch, embedder);
  await ingestSources(scratch, embedder, options);
  await scratch.close();

  const first = await ingestSources(db, embedder, options);
  const again = await ingestSources(db, embedder, options);
  const rawChunksPerSecond = await measureRawInsertFloor(db);
  return {
    chunks: first.chunks,
    seconds: first.seconds,
    chunksPerSecond: first.chunks / first.seconds,
    reingestSeconds: again.seconds,
    rawChunksPerSecond,
  };
}

/**
 * The floor: the same chunk rows, vectors included, inserted again into the
 * same table emptied by TRUNCATE (so its HNSW and GIN indexes start empty, as
 * for the first ingest) by plain multi-row INSERTs in one transaction, with
 * nothing else to do. Rows end up as before.
 */
async function measureRawInsertFloor(db: PgliteDb): Promise<number> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT id, article_id, article_version, ordinal, locale, heading, text, embedder_id, embedding::text AS embedding,
            serving, to_char(valid_until, 'YYYY-MM-DD') AS valid_until, tags
     FROM chunks ORDER BY id`,
  );
  let seconds = 0;
  await db.transaction(async (transaction) => {
    // An emptied table and indexes, as the first ingest found them.
    await transaction.exec('TRUNCATE chunks');
    const started = performance.now();
    for (let start = 0; start < rows.length; start += 100) {
      const batch = rows.slice(start, start + 100);
      const params: unknown[] = [];
      const values = batch.map((row) => {
        params.push(row.id, row.article_id, row.article_version, row.ordinal, row.locale, row.heading, row.text, row.embedder_id, row.embedding);
        params.push(row.serving, row.valid_until, row.tags);
        const base = params.length - 12;
        return `($${base + 1}, $${base + 2}, $${base + 3}::int, $${base + 4}::int, $${base + 5}, $${base + 6}, $${base + 7}, $${base + 8}, $${base + 9}::vector, $${base + 10}::boolean, $${base + 11}::date, $${base + 12}::text[])`;
      });
      await transaction.query(
        `INSERT INTO chunks (id, article_id, article_version, ordinal, locale, heading, text, embedder_id, embedding, serving, valid_until, tags)
         VALUES ${values.join(', ')}`,
        params,
      );
    }
    seconds = (performance.now() - started) / 1000;
  });
  return rows.length / seconds;
}

async function measureOurs(db: PgliteDb, embedder: Embedder, questions: readonly RetrievalQuestion[]) {
  const termStatistics = createTermStatisticsCache(db);
  const expandQuery = createQueryExpander(withoutSynonyms ? { en: [], nl: [] } : await readSynonymLexicon());
  return measureRankings(questions, async (question) =>
    rankArticles(
      await hybridSearch(db, embedder, { query: question.question, locale: question.locale, limit: 10, termStatistics, expandQuery }),
    ),
  );
}

async function measureRankings(
  questions: readonly RetrievalQuestion[],
  rank: (question: RetrievalQuestion) => Promise<string[]>,
): Promise<{ quality: RankingQuality; rankings: string[][]; p50Ms: number; p95Ms: number }> {
  for (const question of questions.slice(0, 20)) await rank(question);
  const rankings: string[][] = [];
  const latencies: number[] = [];
  for (const question of questions) {
    const started = performance.now();
    rankings.push(await rank(question));
    latencies.push(performance.now() - started);
  }
  return { quality: measureRanking(questions, rankings), rankings, p50Ms: percentile(latencies, 50), p95Ms: percentile(latencies, 95) };
}

function qualitySummary(questions: readonly RetrievalQuestion[], rankings: readonly string[][], include: (question: RetrievalQuestion) => boolean) {
  const selected = questions.map((question, index) => ({ question, ranking: rankings[index] ?? [] })).filter(({ question }) => include(question));
  const quality = measureRanking(
    selected.map(({ question }) => question),
    selected.map(({ ranking }) => ranking),
  );
  return { questions: quality.questions, recallAt1: round(quality.recallAt1), recallAt5: round(quality.recallAt5), mrr: round(quality.mrr) };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

await main();
