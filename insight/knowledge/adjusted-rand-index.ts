/**
 * Agreement between two partitions of the same items, corrected for chance
 * (Hubert and Arabie, 1985): 1 for identical partitions, about 0 for a random
 * one, negative when worse than random. Labels are compared by equality only,
 * so cluster numbers need not match the reference's names.
 */
export function adjustedRandIndex(reference: readonly string[], predicted: readonly string[]): number {
  if (reference.length !== predicted.length) {
    throw new Error(`Both partitions must label the same items (${reference.length} and ${predicted.length} labels)`);
  }
  const cells = new Map<string, number>();
  const rows = new Map<string, number>();
  const columns = new Map<string, number>();
  reference.forEach((label, index) => {
    const other = predicted[index] ?? '';
    const cell = JSON.stringify([label, other]);
    cells.set(cell, (cells.get(cell) ?? 0) + 1);
    rows.set(label, (rows.get(label) ?? 0) + 1);
    columns.set(other, (columns.get(other) ?? 0) + 1);
  });
  const pairs = (count: number) => (count * (count - 1)) / 2;
  const sumPairs = (counts: Map<string, number>) => [...counts.values()].reduce((sum, count) => sum + pairs(count), 0);
  const index = sumPairs(cells);
  const rowPairs = sumPairs(rows);
  const columnPairs = sumPairs(columns);
  const total = pairs(reference.length);
  if (total === 0) return 1;
  const expected = (rowPairs * columnPairs) / total;
  const maximum = (rowPairs + columnPairs) / 2;
  // Both partitions all singletons, or both one cluster: they agree entirely.
  if (maximum === expected) return 1;
  return (index - expected) / (maximum - expected);
}
