/**
 * Turns free text into lowercase kebab-case (`ATM Fees 2026` → `atm-fees-2026`),
 * the shape every document id must have. Accents are folded (`é` → `e`) so Dutch
 * titles keep their words; anything else that is not a letter or digit becomes a
 * hyphen. Returns an empty string when nothing usable is left.
 *
 * `maxLength` cuts at a word boundary, so long FAQ questions give readable ids.
 */
export function toKebabSlug(text: string, maxLength = Number.POSITIVE_INFINITY): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength + 1);
  const lastHyphen = cut.lastIndexOf('-');
  // A single word longer than the limit is cut mid-word rather than dropped.
  return (lastHyphen > 0 ? cut.slice(0, lastHyphen) : cut.slice(0, maxLength)).replace(/-+$/, '');
}
