/** How `shortenText` cut: after a whole sentence, between words, or (one giant word) anywhere. */
export type ShortenBoundary = 'sentence' | 'word' | 'character';

export interface ShortenedText {
  text: string;
  boundary: ShortenBoundary;
}

/**
 * Pure: the longest start of `text` that, with an ellipsis, `fits`; or
 * undefined when not even one character does. Ends after the last whole
 * sentence that fits, and between words only when not even the first
 * sentence does: a sentence cut mid-way can say something the source does
 * not ("You can withdraw cash…" without "only at our own machines"), which
 * costs more than the room it saves. `ellipsisFor` picks the ellipsis for a kept start (an SMS in GSM-7
 * wants "..." because "…" would switch it to UCS-2).
 */
export function shortenText(
  text: string,
  fits: (candidate: string) => boolean,
  ellipsisFor: (kept: string) => string = () => '…',
): ShortenedText | undefined {
  const withEllipsis = (kept: string, separator: string) => `${kept}${separator}${ellipsisFor(kept)}`;
  const sentenceEnds: number[] = [];
  const wordEnds: number[] = [];
  for (const match of text.matchAll(/\s+/g)) {
    const end = match.index;
    if (end === 0) continue;
    wordEnds.push(end);
    if (/[.!?][)"'’”]?$/.test(text.slice(0, end))) sentenceEnds.push(end);
  }

  const longestFitting = (ends: number[], separator: string, trim: (kept: string) => string) => {
    for (let index = ends.length - 1; index >= 0; index -= 1) {
      const kept = trim(text.slice(0, ends[index]));
      if (kept !== '' && fits(withEllipsis(kept, separator))) return kept;
    }
    return undefined;
  };
  const bySentence = longestFitting(sentenceEnds, ' ', (kept) => kept);
  if (bySentence !== undefined) return { text: withEllipsis(bySentence, ' '), boundary: 'sentence' };
  // A dangling comma or colon before the ellipsis reads as a typo.
  const byWord = longestFitting(wordEnds, '', (kept) => kept.replace(/[\s,;:–—-]+$/u, ''));
  if (byWord !== undefined) return { text: withEllipsis(byWord, ''), boundary: 'word' };

  // One word longer than the room (a long URL): cut between code points.
  const characters = Array.from(text);
  for (let count = characters.length - 1; count > 0; count -= 1) {
    const candidate = withEllipsis(characters.slice(0, count).join(''), '');
    if (fits(candidate)) return { text: candidate, boundary: 'character' };
  }
  return undefined;
}
