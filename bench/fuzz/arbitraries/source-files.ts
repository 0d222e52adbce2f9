import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { SourceFile } from '../../../retrieval/ingest/source-document.js';
import { hostileText } from './hostile-text.js';
import { mutatedBytes, randomBytes } from './mutated-bytes.js';

const fixturesDirectory = new URL('../../../retrieval/ingest/__fixtures__/', import.meta.url);

/** Every ingest fixture of one kind (`html`, `pdf`, ...), as bytes; PostScript sources and read-me files left out. */
export function ingestFixtures(kind: string): Buffer[] {
  const directory = new URL(`${kind}/`, fixturesDirectory);
  return readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.endsWith('.ps') && entry.name !== 'README.md')
    .map((entry) => readFileSync(new URL(entry.name, directory)));
}

/** Paths as the ingester lists them (forward slashes, any case, spaces), and a few no file system would give. */
function relativePath(extension: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(`faq${extension}`, `Fees/ATM Fees 2026${extension}`, `nl/Sparen${extension.toUpperCase()}`, `a/b/c/d${extension}`) },
    { weight: 1, arbitrary: fc.constantFrom(`???${extension}`, `${extension}`, `__proto__${extension}`, `../../etc/passwd${extension}`, `😀${extension}`) },
    { weight: 1, arbitrary: hostileText({ maxPieces: 4 }).map((name) => `${name}${extension}`) },
  );
}

/** A source file with the given extension and content. */
export function sourceFile(extension: string, content: fc.Arbitrary<Buffer>): fc.Arbitrary<SourceFile> {
  return fc.record({ relativePath: relativePath(extension), content, defaultLocale: fc.constantFrom('en' as const, 'nl' as const) });
}

const utf8 = (text: fc.Arbitrary<string>) => text.map((value) => Buffer.from(value, 'utf8'));

/** Content for any text reader: well-formed text, the reader's fixtures mutated byte by byte, random bytes (mostly invalid UTF-8). */
export function textContent(generated: fc.Arbitrary<string>, fixtures: readonly Buffer[]): fc.Arbitrary<Buffer> {
  return fc.oneof(
    { weight: 6, arbitrary: utf8(generated) },
    ...(fixtures.length > 0 ? [{ weight: 3, arbitrary: mutatedBytes(fc.constantFrom(...fixtures)) }] : []),
    { weight: 1, arbitrary: randomBytes },
  );
}

/** Plain text: anything, with line structure. */
export const plainText: fc.Arbitrary<string> = hostileText({ tokens: ['\n', '\r\n', '\n\n\n', 'Branch opening hours'], hugeWeight: 2 });

