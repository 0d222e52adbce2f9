import { piiKinds } from '../../guardrails/input/pii/pii-match.js';
import { measurePiiCorpus } from './measure-pii-corpus.js';
import { readPiiCorpus } from './pii-corpus.js';

// Prints per-kind recall and precision on the PII corpus: npx tsx evals/pii/measure-pii.ts
const figures = measurePiiCorpus(await readPiiCorpus());
const rows = [['kind', 'valid', 'near-miss', 'recall', 'matches', 'correct', 'precision']];
for (const kind of piiKinds) {
  const { validCount, nearMissCount, recalled, recall, matches, correctMatches, precision } = figures[kind];
  rows.push([kind, String(validCount), String(nearMissCount), `${recalled}/${validCount} = ${recall.toFixed(3)}`, String(matches), String(correctMatches), precision.toFixed(3)]);
}
const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
for (const row of rows) process.stdout.write(`${row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ')}\n`);
for (const kind of piiKinds) {
  for (const text of figures[kind].missedTexts) process.stdout.write(`missed ${kind}: ${text}\n`);
  for (const { text, matched } of figures[kind].wrongMatches) process.stdout.write(`wrong ${kind}: "${matched}" in: ${text}\n`);
}
