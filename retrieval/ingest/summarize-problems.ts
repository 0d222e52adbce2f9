/** Problems listed in one error message before the rest are only counted. */
const listedProblems = 10;

/**
 * Joins the problems found in a multi-record file into one reason, so a curator
 * fixes every bad line in one pass instead of one per ingest run.
 */
export function summarizeProblems(problems: readonly string[]): string {
  const listed = problems.slice(0, listedProblems).join('; ');
  const more = problems.length - listedProblems;
  return more > 0 ? `${listed}; and ${more} more` : listed;
}
