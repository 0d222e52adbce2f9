/**
 * Pure: what the customer wrote this time, without the history their mail
 * client quoted below (or above) it and without their signature.
 *
 * Two kinds of marker are handled differently:
 * - an attribution line ("On … wrote:", "Op … schreef …:") directly followed by
 *   `>`-quoted lines removes itself and that quote block, and text after the
 *   block is kept (bottom-posting and inline replies survive);
 * - everything else (an attribution not followed by quotes, "-----Original
 *   Message-----", Outlook's "From: … Sent: …" header block, the "-- "
 *   delimiter, "Sent from my iPhone") ends the new part: the rest is dropped.
 *
 * Forwarded messages ("---------- Forwarded message ---------") are kept on
 * purpose: a customer who forwards a suspicious mail is asking about it.
 */
export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  let index = 0;
  while (index < lines.length) {
    const line = lines[index] ?? '';
    if (endsNewPart(lines, index)) break;

    const attributionLength = attributionLineCount(lines, index);
    if (attributionLength > 0) {
      const next = nextNonBlank(lines, index + attributionLength);
      if (next !== undefined && isQuoted(lines[next] ?? '')) {
        index = next;
        continue;
      }
      // Without quotes after it, only a line that names an address or a time
      // is taken for an attribution: "On Monday my husband wrote:" is the customer's.
      if (looksLikeAttribution(lines, index, attributionLength)) break;
    }

    if (!isQuoted(line)) kept.push(line.trimEnd());
    index += 1;
  }
  return tidy(kept);
}

const quotedLine = /^\s*>/;

const attributionPatterns = [
  /^On\s.+\swrote\s?:$/i,
  /^Op\s.+\sschreef(\s.+)?:$/i,
  /^Op\s.+\shet volgende geschreven\s?:$/i,
  /^.+\sschreef op\s.+:$/i,
  /^Am\s.+\sschrieb(\s.+)?:$/i,
  /^Le\s.+\sa écrit\s?:$/i,
];

/** "-----Original Message-----" and its translations; a forward header is deliberately not here. */
const originalMessageDivider =
  /^-{2,}\s*(original message|oorspronkelijk bericht|origineel bericht|oorspronkelijk e-mailbericht|ursprüngliche nachricht|message d'origine)\s*-{2,}$/i;

const headerBlockStart = /^\*?(from|van|von|de)\s*:\*?\s*\S/i;
const headerBlockDate = /^\*?(sent|date|verzonden|datum|gesendet|envoyé)\s*:\*?\s*\S/i;
const underscoreRule = /^_{10,}$/;

const mobileSignatures = [
  /^(sent|verzonden|verstuurd)\s+(from|with|vanaf|vanuit|van|met|via|op)\s+(my\s+|mijn\s+)?.{0,30}\b(iphone|ipad|android|samsung|galaxy|mobile|mobiel|smartphone|telefoon|phone|outlook|mail|windows|blackberry|huawei|pixel|fairphone)\b.{0,30}$/i,
  /^(get|download)\s+outlook\s+for\s+(ios|android)$/i,
  /^outlook\s+voor\s+(ios|android)\s+downloaden$/i,
];

function isQuoted(line: string): boolean {
  return quotedLine.test(line);
}

function isBlank(line: string | undefined): boolean {
  return line === undefined || line.trim() === '';
}

function nextNonBlank(lines: readonly string[], from: number): number | undefined {
  for (let index = from; index < lines.length; index += 1) if (!isBlank(lines[index])) return index;
  return undefined;
}

/** Everything from this line on is history or signature. */
function endsNewPart(lines: readonly string[], index: number): boolean {
  const line = (lines[index] ?? '').trim();
  // The RFC 3676 delimiter is "-- "; many clients trim the trailing space.
  if (line === '--' || line === '-- ') return true;
  if (originalMessageDivider.test(line)) return true;
  if (mobileSignatures.some((pattern) => pattern.test(line))) return true;
  if (headerBlockStart.test(line) && startsHeaderBlock(lines, index)) return true;
  if (underscoreRule.test(line)) {
    const next = nextNonBlank(lines, index + 1);
    return next !== undefined && headerBlockStart.test((lines[next] ?? '').trim()) && startsHeaderBlock(lines, next);
  }
  return false;
}

/** Outlook's quoted header: "From:"/"Van:" then "Sent:"/"Verzonden:"/"Date:" within the next few lines. */
function startsHeaderBlock(lines: readonly string[], index: number): boolean {
  for (let offset = 1; offset <= 4; offset += 1) {
    const line = (lines[index + offset] ?? '').trim();
    if (headerBlockDate.test(line)) return true;
  }
  return false;
}

/** How many lines (1 to 3) an attribution starting here spans; 0 when there is none. Mail clients wrap long ones. */
function attributionLineCount(lines: readonly string[], index: number): number {
  let joined = '';
  for (let count = 1; count <= 3 && index + count - 1 < lines.length; count += 1) {
    const line = (lines[index + count - 1] ?? '').trim();
    if (line === '' || isQuoted(line)) return 0;
    joined = count === 1 ? line : `${joined} ${line}`;
    if (joined.length > 300) return 0;
    if (attributionPatterns.some((pattern) => pattern.test(joined))) return count;
  }
  return 0;
}

function looksLikeAttribution(lines: readonly string[], index: number, count: number): boolean {
  const joined = lines.slice(index, index + count).join(' ');
  return /@|\d{1,2}[:.]\d{2}/.test(joined);
}

/** A rule (----, ____) left at the end once the history below it is gone means nothing on its own. */
const trailingRule = /^\s*[-_=*]{3,}\s*$/;

function tidy(lines: readonly string[]): string {
  const kept = [...lines];
  while (kept.length > 0 && (isBlank(kept.at(-1)) || trailingRule.test(kept.at(-1) ?? ''))) kept.pop();
  return kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
