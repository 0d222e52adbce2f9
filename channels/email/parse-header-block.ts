/** Header values by lower-case name, unfolded, in the order they appear. */
export type EmailHeaders = ReadonlyMap<string, readonly string[]>;

/**
 * Pure: a raw header block ("Name: value" lines, folded or not) as
 * {@link EmailHeaders}. Lines that are not headers are skipped, the block ends
 * at the first empty line.
 */
export function parseHeaderBlock(raw: string): EmailHeaders {
  const headers = new Map<string, string[]>();
  const unfolded: string[] = [];
  for (const line of raw.replace(/\r\n?/g, '\n').split('\n')) {
    if (line === '') break;
    if (/^[ \t]/.test(line) && unfolded.length > 0) unfolded[unfolded.length - 1] += ` ${line.trim()}`;
    else unfolded.push(line);
  }
  for (const line of unfolded) {
    const match = /^([!-9;-~]+)[ \t]*:(.*)$/.exec(line);
    if (match === null) continue;
    const name = (match[1] ?? '').toLowerCase();
    const values = headers.get(name) ?? [];
    values.push((match[2] ?? '').trim());
    headers.set(name, values);
  }
  return headers;
}
