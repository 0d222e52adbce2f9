/** What one ingestion run did (or, with `dryRun`, would do). */
export interface IngestReport {
  dryRun: boolean;
  /** Source files read (supported types only). */
  files: number;
  documents: number;
  /** Article ids stored for the first time. */
  created: string[];
  /** Article ids whose source changed: a new version was stored. */
  updated: string[];
  /** Documents whose source hash matched: nothing was embedded or written. */
  unchanged: number;
  /** Article ids retired because their source is gone. */
  retired: string[];
  /** Chunks embedded and stored. */
  chunks: number;
  /** Files (or records) that could not be ingested, with why; everything else still was. */
  failures: { path: string; reason: string }[];
  /** Files of types ingestion does not read. */
  skipped: string[];
  seconds: number;
}
