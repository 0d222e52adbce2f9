/**
 * Splits help-centre text into sentences that can stand alone as an answer.
 * Markdown list markers and emphasis are removed; headings are not sentences.
 * Abbreviations and decimal numbers ("€3.25", "e.g.") do not end a sentence.
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  for (const rawLine of text.split(/\n+/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#') || /^[-*_]{3,}$/.test(line) || line.startsWith('|')) continue;
    const cleaned = line
      .replace(/^(?:[-*+]|\d+[.)])\s+/, '')
      .replace(/\*\*(.+?)\*\*/g, '$1')
      .replace(/(^|[\s(])[*_]([^*_\s](?:[^*_]*[^*_\s])?)[*_](?=[\s.,;:!?)]|$)/g, '$1$2')
      .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
      .replace(/`([^`]+)`/g, '$1')
      .trim();
    for (const sentence of splitLine(cleaned)) {
      if (/[a-z]/i.test(sentence)) sentences.push(sentence);
    }
  }
  return sentences;
}

const abbreviations = /\b(?:e\.g|i\.e|etc|approx|incl|excl|bijv|o\.a|d\.w\.z|ca|mr|mrs|ms|dr|st)\.$/i;
// "No. 5" and "nr. 12" abbreviate "number" only when a number follows; "No." alone is an answer.
const numberAbbreviation = /\b(?:no|nr)\.$/i;

function splitLine(line: string): string[] {
  const parts: string[] = [];
  let start = 0;
  const boundary = /[.!?](?=\s+["'(]?[A-Z0-9€])/g;
  for (let match = boundary.exec(line); match !== null; match = boundary.exec(line)) {
    const candidate = line.slice(start, match.index + 1);
    if (abbreviations.test(candidate)) continue;
    if (numberAbbreviation.test(candidate) && /^\s+\d/.test(line.slice(match.index + 1))) continue;
    parts.push(candidate.trim());
    start = match.index + 1;
  }
  const rest = line.slice(start).trim();
  if (rest !== '') parts.push(rest);
  return parts;
}
