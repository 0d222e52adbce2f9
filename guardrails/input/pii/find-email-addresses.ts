import type { TextSpan } from './text-span.js';

const localCharacter = /[\p{L}\p{N}._%+'-]/u;
const domainCharacter = /[\p{L}\p{N}.-]/u;
const domainLabel = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
const topLevelDomain = /^\p{L}{2,63}$/u;
const maxLocalLength = 64;
const maxDomainLength = 253;

/** What follows the last "..", since dots before an address are punctuation: "see below..jan@example.nl". */
function trimLocalPart(local: string): string {
  const afterDots = local.slice(local.lastIndexOf('..') + 1);
  return afterDots.replace(/^[^\p{L}\p{N}_]+/u, '');
}

/**
 * The longest run of labels ending in a letters-only top-level domain:
 * "example.nl" in "example.nl.4111". Returns its length, or 0 when there is none.
 */
function validDomainLength(domain: string): number {
  let length = 0;
  let validLength = 0;
  const labels = domain.split('.');
  for (const [index, label] of labels.entries()) {
    if (!domainLabel.test(label)) break;
    length += (index > 0 ? 1 : 0) + label.length;
    if (index > 0 && topLevelDomain.test(label)) validLength = length;
  }
  return validLength;
}

/**
 * Email addresses with a dotted domain and a letters-only top-level domain.
 * Scanning outwards from each "@" over bounded lengths keeps this linear; a
 * regular expression starting at every character would not be on long words.
 * "jan@localhost" and "user@" are not addresses a customer can be reached at,
 * so they stay. Of "jan..x@example.nl" only "x@example.nl" is taken: the local
 * part cannot hold "..", and what comes before it is most likely punctuation.
 */
export function findEmailAddresses(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && at - start <= maxLocalLength && localCharacter.test(text[start - 1]!)) start--;
    if (at - start > maxLocalLength) continue;
    const local = trimLocalPart(text.slice(start, at));
    let end = at + 1;
    while (end < text.length && end - at - 1 <= maxDomainLength && domainCharacter.test(text[end]!)) end++;
    if (end - at - 1 > maxDomainLength) continue;
    // A sentence may go on right after the address: "mail jan@example.nl." or "jan@example.nl-".
    const domainLength = validDomainLength(text.slice(at + 1, end).replace(/[.-]+$/, ''));
    if (local.length > 0 && !local.endsWith('.') && domainLength > 0) spans.push({ start: at - local.length, end: at + 1 + domainLength });
  }
  return spans;
}
