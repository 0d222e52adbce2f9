import { parseArgs } from 'node:util';
import { evalChannels, type EvalChannel } from '../eval-channel.js';
import { EvalArgumentsError } from './eval-arguments-error.js';

export interface EvalArguments {
  /** A .jsonl file or a folder of them. */
  dataset: string;
  /** The folder of documents to ingest into a fresh database. */
  knowledgeDir: string;
  channels: EvalChannel[];
  outDir: string;
  limit: number | null;
  seed: number;
  /** Undefined with --no-gate. */
  thresholdsFile: string | undefined;
  concurrency: number;
  help: boolean;
}

export interface EvalArgumentDefaults {
  dataset: string;
  knowledgeDir: string;
  thresholdsFile: string;
  concurrency: number;
  /** Where results go without --out, for a run started now. */
  outDir: () => string;
  /** A seed when none is given; the report names it, so the run can be repeated. */
  seed: () => number;
}

export const evalUsage = `Usage: npm run eval -- [options]

  --dataset FILE|DIR     a .jsonl dataset, or a folder of them (default: evals/datasets/)
  --kb DIR               documents to answer from, ingested into a fresh database
                         (markdown, HTML, text, PDF, JSONL, CSV; default: the sample knowledge base)
  --channels LIST        comma-separated: ${evalChannels.join(',')} (default: all)
  --out DIR              where report.json, summary.md and report.html go (default: eval-results/<timestamp>)
  --limit N              a random sample of N cases
  --seed N               fixes the sample and the order of the conversations (default: random, printed)
  --thresholds FILE      the regression gate (default: evals/thresholds.json)
  --no-gate              report only; never fail on thresholds
  --concurrency N        conversations held at once (default: 4; more is not faster on 2 cores, only slower per reply)
  --help                 this text

Exit codes: 0 done and within thresholds, 1 a metric crossed its threshold, 2 bad arguments, dataset or thresholds.`;

function positiveInteger(option: string, value: string | undefined, minimum: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < minimum || !Number.isSafeInteger(Number(value))) {
    throw new EvalArgumentsError(`--${option} expects a whole number of at least ${minimum}, got "${value}"`);
  }
  return Number(value);
}

/** Reads the command line; throws {@link EvalArgumentsError} naming the option that is wrong. */
export function parseEvalArguments(argv: readonly string[], defaults: EvalArgumentDefaults): EvalArguments {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        dataset: { type: 'string' },
        kb: { type: 'string' },
        channels: { type: 'string' },
        out: { type: 'string' },
        limit: { type: 'string' },
        seed: { type: 'string' },
        thresholds: { type: 'string' },
        'no-gate': { type: 'boolean' },
        concurrency: { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new EvalArgumentsError((error as Error).message);
  }
  const channels = values.channels === undefined ? [...evalChannels] : values.channels.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = channels.filter((name) => !(evalChannels as readonly string[]).includes(name));
  if (unknown.length > 0 || channels.length === 0) {
    throw new EvalArgumentsError(`--channels expects a comma-separated list of ${evalChannels.join(', ')}; unknown: ${unknown.join(', ') || '(empty list)'}`);
  }
  if (values['no-gate'] && values.thresholds !== undefined) throw new EvalArgumentsError('--thresholds and --no-gate contradict each other');
  return {
    dataset: values.dataset ?? defaults.dataset,
    knowledgeDir: values.kb ?? defaults.knowledgeDir,
    channels: [...new Set(channels)] as EvalChannel[],
    outDir: values.out ?? defaults.outDir(),
    limit: positiveInteger('limit', values.limit, 1) ?? null,
    seed: positiveInteger('seed', values.seed, 0) ?? defaults.seed(),
    thresholdsFile: values['no-gate'] ? undefined : (values.thresholds ?? defaults.thresholdsFile),
    concurrency: positiveInteger('concurrency', values.concurrency, 1) ?? defaults.concurrency,
    help: values.help ?? false,
  };
}
