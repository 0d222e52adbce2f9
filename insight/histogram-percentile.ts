/**
 * A percentile read from histogram rows instead of from every value, as
 * `percentile_cont` would compute it: the value at position p × (n − 1) of
 * the sorted values, interpolated between its neighbours. Each row is one
 * bucket of a group, with its count, its smallest and largest value and
 * `before`, the count of the group's rows in lower buckets; a bucket's values
 * are taken to be spread evenly from its smallest to its largest. The result
 * is exact when every bucket holds a single value, and otherwise off by less
 * than a bucket's width.
 *
 * `row` names the columns: `count`, `smallest`, `largest`, `before` and
 * `total` (the group's count), integers; the expression aggregates over the
 * group, in float8 (numeric arithmetic is several times slower).
 */
export function histogramPercentile(share: number, row: string): string {
  const position = `(${share}::float8 * (${row}.total - 1))`;
  const valueAt = (rank: string) =>
    `max(${row}.smallest + (${row}.largest - ${row}.smallest)::float8 * (${rank} - ${row}.before) / greatest(${row}.count - 1, 1))
      FILTER (WHERE ${rank} >= ${row}.before AND ${rank} < ${row}.before + ${row}.count)`;
  const lower = valueAt(`floor${position}`);
  const upper = valueAt(`ceil${position}`);
  return `(${lower} + (max(${position}) - max(floor${position})) * (${upper} - ${lower}))`;
}
