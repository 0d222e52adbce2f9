import { composeAssistant } from '../../bot/compose-assistant.js';
import { loadConfig } from '../../bot/config.js';
import { migrate } from '../../db/migrate.js';
import { createPgliteDb } from '../../db/pglite-db.js';
import { ingestSources } from '../../retrieval/ingest/ingest-sources.js';
import { createLocalHashEmbedder } from '../../retrieval/local-hash-embedder.js';
import { ensureVectorIndex } from '../../retrieval/vector-index.js';
import { holdoutSetPath, readRetrievalSet } from '../retrieval/retrieval-set.js';
import { readUnanswerableQuestions } from '../unanswerable/unanswerable-questions.js';
import { runAnswerDecisionEval } from './answer-decision-eval.js';

// `npm run eval:decisions [-- --json] [-- --min-confidence N]`: the embedded generator behind the
// output guards on the retrieval sets (answerable) and the unanswerable set,
// on a fresh embedded database with the sample knowledge base.

const json = process.argv.includes('--json');
// `--min-confidence 0.4`: try another ANSWER_MIN_CONFIDENCE without changing the configuration.
const minConfidenceIndex = process.argv.indexOf('--min-confidence');
const minConfidence = minConfidenceIndex > 0 ? process.argv[minConfidenceIndex + 1] : undefined;

async function main(): Promise<void> {
  const db = await createPgliteDb();
  try {
    await migrate(db);
    const embedder = createLocalHashEmbedder();
    await ensureVectorIndex(db, embedder);
    await ingestSources(db, embedder, {
      path: 'knowledge/articles',
      actor: 'system:eval',
      defaultLocale: 'en',
      defaultStatus: 'approved',
      defaultOwner: 'eval',
      today: new Date().toISOString().slice(0, 10),
    });
    const settings = loadConfig(minConfidence === undefined ? {} : { ANSWER_MIN_CONFIDENCE: minConfidence });
    const { engine } = await composeAssistant(db, { settings, embedder });
    const chunkText = async (chunkId: string) =>
      (await db.query<{ text: string }>('SELECT text FROM chunks WHERE id = $1', [chunkId]))[0]?.text ?? '';
    const answerable = [...(await readRetrievalSet()), ...(await readRetrievalSet(holdoutSetPath))];
    const report = await runAnswerDecisionEval(engine, chunkText, answerable, await readUnanswerableQuestions());
    if (json) {
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      return;
    }
    const share = (part: number, whole: number) => `${((100 * part) / Math.max(1, whole)).toFixed(1)}%`;
    const { answerable: a, unanswerable: u } = report;
    process.stdout.write(
      [
        `answerable: ${a.questions} questions, answered ${share(a.answered, a.questions)} (with an expected article ${share(a.answeredWithExpectedArticle, a.questions)}), clarified ${a.clarified}, handed off ${a.handedOff} ${JSON.stringify(a.handoffReasons)}`,
        `unanswerable: ${u.questions} questions, handed off ${share(u.handedOff, u.questions)}, clarified ${u.clarified}, answered ${u.answered.length}`,
        ...u.answered.map((entry) => `  answered ${entry.id}: ${entry.question} -> ${entry.citations.join(', ')}`),
        `delivered sentences: ${report.deliveredSentences}, figures missing from their cited chunk: ${report.figuresMissingFromCitedChunks}`,
        '',
      ].join('\n'),
    );
  } finally {
    await db.close();
  }
}

await main();
