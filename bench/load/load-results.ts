import type { ProcessUsage } from './process-usage-sampler.js';
import type { QueryCensus } from './query-census.js';
import type { ReplyLatency } from './reply-latency.js';
import type { CpuProfileSummary } from './summarise-cpu-profile.js';
import type { SeriesSummary } from './summarise-series.js';

/** One fixed-rate series and what the server's process used meanwhile. */
export interface MeasuredSeries extends SeriesSummary {
  sustained: boolean;
  server: ProcessUsage;
  /** The machine's 1-minute load average when the series ended: above the core count, other work competed for the CPU. */
  loadAverage1m: number;
}

/** A signed-SMS series against the app: the acknowledgement, then the reply read back from its database. */
export interface SmsSeries extends MeasuredSeries {
  replies: ReplyLatency | { unavailable: string };
  /** Whether replies were still arriving when the wait for them gave up and the app was stopped. */
  stoppedWithBacklog: boolean;
  /** How the app ended: 0 after a clean shutdown, SIGKILL when its backlog outlasted the shutdown grace. */
  exit: string;
  /** The app's warnings and errors during the series, by message. */
  loggedProblems: Record<string, number>;
}

export interface LoadResults {
  command: string;
  date: string;
  /** The commit measured and the number of files that differed from it (uncommitted work measured too). */
  revision: { commit: string; changedFiles: number };
  machine: { cores: number; cpuModel: string; memoryGiB: number; node: string; platform: string; loadAverageAtStart: number[]; loadAverageAtEnd: number[] };
  settings: {
    warmupSeconds: number;
    durationSeconds: number;
    p95BudgetMs: number;
    targetRate: number;
    ceilingShareTarget: number;
    sustainedMeans: string;
    latencyMeans: string;
    replyLatencyMeans: string;
    workload: string;
  };
  appStartSeconds: { cold: number };
  ceiling: { series: MeasuredSeries[]; maxSustainedRate: number };
  sms: SmsSeries[];
  /** Diagnostic: the same webhooks from opted-out senders, so no turn runs: the acknowledgement path alone. */
  ackPathOnly: SmsSeries[];
  webChat: MeasuredSeries[];
  verdict: {
    appMaxSustainedRate: number;
    ceilingMaxSustainedRate: number;
    shareOfCeiling: number;
    meetsRate: boolean;
    meetsShare: boolean;
    pass: boolean;
  };
  /** Where the app's main thread spends its time under load (`node --cpu-prof`, the load window only). */
  profile?: { rate: number; durationSeconds: number; summary: CpuProfileSummary; file: string };
  /** The database statements per inbound SMS, at a rate low enough that they hardly queue. */
  queryCensus?: QueryCensus;
}
