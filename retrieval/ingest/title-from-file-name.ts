import { posix } from 'node:path';

/**
 * A readable title from a file name, for sources that carry none:
 * `docs/atm_fees-abroad.md` → `Atm fees abroad`.
 */
export function titleFromFileName(relativePath: string): string {
  const words = posix.parse(relativePath).name.replace(/[-_\s]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
