/** One visual line of a PDF page, as the text extractor positioned it. */
export interface PdfLine {
  text: string;
  /** 1-based page number. */
  page: number;
  /** Baseline height from the bottom of the page, in PDF units; larger is higher up. */
  y: number;
  /** Font height in PDF units. */
  height: number;
}

interface Block {
  kind: 'heading' | 'paragraph' | 'item';
  text: string;
  last: PdfLine;
}

const bulletPattern = /^[•●▪◦‣∙·*–-]\s+/u;
const numberedPattern = /^\d{1,2}[.)]\s+/;
/** Heading text is short and does not end like a sentence. */
const maxHeadingLength = 120;

/**
 * Turns the lines of a PDF into markdown. A PDF has no paragraphs, only
 * positioned lines, so they are rebuilt from layout:
 * - a line set in a clearly larger font than the body is a `## ` heading;
 * - a line starting with a bullet (`•`, `-`…) or a number (`1.`) starts a list item;
 * - a line ending without punctuation followed by one starting in lower case
 *   continues the sentence, even across a page break or a wide gap;
 * - otherwise a gap clearly wider than the usual line spacing, or a new page,
 *   starts a new paragraph, and anything closer continues the current one.
 */
export function joinPdfLines(lines: readonly PdfLine[]): string {
  const bodyHeight = mostCommon(lines.map((line) => [round(line.height), line.text.length]));
  const spacing =
    mostCommon(
      lines.slice(1).flatMap((line, index) => {
        const previous = lines[index];
        const gap = previous && previous.page === line.page ? previous.y - line.y : 0;
        return gap > 0 && gap < bodyHeight * 3 ? [[round(gap), 1] as const] : [];
      }),
    ) || bodyHeight * 1.2;
  const isHeading = (line: PdfLine) =>
    line.height >= bodyHeight * 1.15 && line.text.length <= maxHeadingLength && !/[.,;]$/.test(line.text);
  const isWideGap = (previous: PdfLine, line: PdfLine) =>
    previous.page !== line.page || previous.y - line.y > spacing * 1.4 || previous.y - line.y < 0;

  const blocks: Block[] = [];
  for (const line of lines) {
    const current = blocks.at(-1);
    if (isHeading(line)) {
      if (current?.kind === 'heading' && continuesHeading(current.last, line)) {
        append(current, line);
      } else {
        blocks.push({ kind: 'heading', text: line.text, last: line });
      }
    } else if (bulletPattern.test(line.text)) {
      blocks.push({ kind: 'item', text: `- ${line.text.replace(bulletPattern, '')}`, last: line });
    } else if (numberedPattern.test(line.text)) {
      blocks.push({ kind: 'item', text: line.text, last: line });
    } else if (current !== undefined && current.kind !== 'heading' && continues(current, line, isWideGap)) {
      append(current, line);
    } else {
      blocks.push({ kind: 'paragraph', text: line.text, last: line });
    }
  }
  return blocks
    .map((block, index) => {
      const text = block.kind === 'heading' ? `## ${block.text}` : block.text;
      // Items of one list stay on consecutive lines; everything else is separated by a blank line.
      const separator = index === 0 ? '' : block.kind === 'item' && blocks[index - 1]?.kind === 'item' ? '\n' : '\n\n';
      return separator + text;
    })
    .join('');
}

function continues(block: Block, line: PdfLine, isWideGap: (previous: PdfLine, line: PdfLine) => boolean): boolean {
  const runsOn = !/[.!?:;]$/.test(block.text) && /^\p{Ll}/u.test(line.text);
  return runsOn || !isWideGap(block.last, line);
}

/** A heading set on two lines: same size, same page, and no more than heading-sized leading between them. */
function continuesHeading(previous: PdfLine, line: PdfLine): boolean {
  const gap = previous.y - line.y;
  return previous.page === line.page && round(previous.height) === round(line.height) && gap > 0 && gap <= line.height * 1.6;
}

function append(block: Block, line: PdfLine): void {
  // "self-" + "service" keeps its hyphen; a hyphenated word split by the layout is rarer than a real compound.
  block.text = block.text.endsWith('-') ? `${block.text}${line.text}` : `${block.text} ${line.text}`;
  block.last = line;
}

/**
 * The value with the largest total weight (0 for none): the body font size, the
 * usual line spacing. A tie goes to the smaller value, so a short text with one
 * normal and one paragraph gap takes the normal one as the line spacing.
 */
function mostCommon(weighted: readonly (readonly [number, number])[]): number {
  const totals = new Map<number, number>();
  for (const [value, weight] of weighted) totals.set(value, (totals.get(value) ?? 0) + weight);
  let best = 0;
  let bestWeight = 0;
  for (const [value, weight] of totals) {
    if (weight > bestWeight || (weight === bestWeight && value < best)) [best, bestWeight] = [value, weight];
  }
  return best;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
