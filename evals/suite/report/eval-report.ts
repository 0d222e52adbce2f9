import type { EvalCase } from '../dataset/eval-case.js';
import type { EvalChannel } from '../eval-channel.js';
import type { GateResult } from '../gate/thresholds.js';
import type { CaseJudgement, JudgeSummary } from '../judge/judge-answers.js';
import type { EvalMetrics, SliceMetrics } from '../metrics/eval-metrics.js';

/** What one case did on one channel, as the report shows it. */
export interface ChannelCaseReport {
  /** The last reply's text as the customer received it; undefined when none came. */
  text?: string;
  /** `none` when no decision reached the customer. */
  decision: string;
  citations: string[];
  /** Reason codes of the recorded decision. */
  reasons: string[];
  confidence: number | null;
  /** The five best articles the recorded retrieval ranked. */
  retrievedArticles: string[];
  /** The decision came from the decision cache (the question was decided before, perhaps on another channel). */
  fromCache: boolean | null;
  turnsSent: number;
  latenciesMs: number[];
  /** Unmet expectations; empty when the channel passed. */
  failures: string[];
}

export interface CaseReport {
  id: string;
  locale: EvalCase['locale'];
  group?: string;
  tags: string[];
  turns: string[];
  expect: EvalCase['expect'];
  passed: boolean;
  /** Every channel gave the same decision, citations and facts found. */
  consistent: boolean;
  channels: Partial<Record<EvalChannel, ChannelCaseReport>>;
  judge?: CaseJudgement;
}

/** `report.json`: everything one run measured. */
export interface EvalReport {
  generatedAt: string;
  durationSeconds: number;
  run: {
    datasetFiles: string[];
    casesInDataset: number;
    knowledgeDir: string;
    channels: EvalChannel[];
    seed: number;
    limit: number | null;
    concurrency: number;
  };
  knowledge: { articles: number; chunks: number; failures: { path: string; reason: string }[] };
  metrics: EvalMetrics;
  counts: { cases: number; results: number; passedCases: number; failedCases: number };
  byChannel: Partial<Record<EvalChannel, SliceMetrics>>;
  byLocale: Record<string, SliceMetrics>;
  byTag: Record<string, SliceMetrics>;
  /** Absent with --no-gate. */
  gate?: GateResult & { thresholdsFile: string };
  /** Absent unless an LLM judge is configured. */
  judge?: Omit<JudgeSummary, 'byCase' | 'judgeFaithfulness' | 'judgeRelevance'>;
  cases: CaseReport[];
}
