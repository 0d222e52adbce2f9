import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as PdfJs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { deriveDocumentId } from './derive-document-id.js';
import { joinPdfLines, type PdfLine } from './join-pdf-lines.js';
import { parseLocaleTag } from './parse-locale-tag.js';
import type { SourceReader } from './source-document.js';
import { SourceFormatError } from './source-format-error.js';
import { toSourceDocument } from './to-source-document.js';

type PdfDocument = Awaited<ReturnType<typeof PdfJs.getDocument>['promise']>;

let pdfjs: Promise<typeof PdfJs> | undefined;
/** pdf.js takes ~200 ms to import; only runs that meet a PDF should pay for it. */
const loadPdfjs = (): Promise<typeof PdfJs> => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

/** pdf.js reads its CMaps (fonts without a Unicode map) from disk when given a path: no network. */
const pdfjsDirectory = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** Metadata titles that name the authoring tool's file rather than the content. */
const placeholderTitle = /^(untitled|document\d*|microsoft word - .*)$|\.(docx?|odt|pages|pdf|rtf|txt)$/i;

/**
 * Reads a `.pdf` with pdf.js (text layer only; nothing is rendered). The locale
 * is the PDF's language (`/Lang`) when English or Dutch, else the default. The title
 * is the PDF's Title metadata unless it is a placeholder such as
 * `Microsoft Word - fees.docx`, else the first line. Lines are joined back into
 * paragraphs, headings and list items (see `joinPdfLines`).
 *
 * A password-protected, corrupt, or text-less (scanned) PDF is a
 * `SourceFormatError` that says which.
 */
export const readPdfDocument: SourceReader = async (file) => {
  const pdf = await openPdf(file.relativePath, file.content);
  try {
    const lines = await extractLines(pdf).catch((error: unknown) => {
      // A file can open and still fail on a damaged page stream.
      throw new SourceFormatError(file.relativePath, `the file is not a readable PDF (${(error as Error).message})`);
    });
    if (lines.length === 0) {
      throw new SourceFormatError(file.relativePath, 'the PDF has no extractable text (scanned image?)');
    }
    const metadata = await readMetadata(pdf);
    const metadataTitle = metadata.title;
    const [firstLine] = lines;
    // The first line is the title when the metadata has none, or when it repeats the metadata title.
    const firstLineIsTitle = metadataTitle === undefined || sameText(firstLine?.text ?? '', metadataTitle);
    return [
      toSourceDocument(file.relativePath, {
        id: deriveDocumentId(file.relativePath),
        title: metadataTitle ?? firstLine?.text ?? '',
        locale: parseLocaleTag(metadata.language) ?? file.defaultLocale,
        body: joinPdfLines(firstLineIsTitle ? lines.slice(1) : lines),
        sourcePath: file.relativePath,
      }),
    ];
  } finally {
    await pdf.destroy();
  }
};

async function openPdf(relativePath: string, content: Buffer): Promise<PdfDocument> {
  const { getDocument, VerbosityLevel } = await loadPdfjs();
  try {
    return await getDocument({
      // A copy: pdf.js may transfer (detach) the buffer it is given.
      data: new Uint8Array(content),
      cMapUrl: `${join(pdfjsDirectory, 'cmaps')}/`,
      cMapPacked: true,
      standardFontDataUrl: `${join(pdfjsDirectory, 'standard_fonts')}/`,
      // Text extraction needs neither; both are attack surface for a hostile file.
      isEvalSupported: false,
      enableXfa: false,
      disableFontFace: true,
      // pdf.js otherwise writes warnings about odd but readable files to the console.
      verbosity: VerbosityLevel.ERRORS,
    }).promise;
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException') {
      throw new SourceFormatError(relativePath, 'the PDF is password-protected: save a copy without a password');
    }
    const detail = error instanceof Error ? ` (${error.message})` : '';
    throw new SourceFormatError(relativePath, `the file is not a readable PDF${detail}`);
  }
}

/** Groups the text items of every page into visual lines, top to bottom as pdf.js orders them. */
async function extractLines(pdf: PdfDocument): Promise<PdfLine[]> {
  const lines: PdfLine[] = [];
  for (let pageNumber = 1; pageNumber <= pdf.numPages; pageNumber += 1) {
    const page = await pdf.getPage(pageNumber);
    const content = await page.getTextContent();
    let current: PdfLine | undefined;
    const endLine = (): void => {
      const text = current?.text.replace(/\s+/g, ' ').trim();
      if (current && text) lines.push({ ...current, text });
      current = undefined;
    };
    for (const item of content.items) {
      if (!('str' in item)) continue;
      const y = Number(item.transform[5] ?? 0);
      if (item.str.trim() !== '') {
        // An item on another baseline starts a new line even when pdf.js set no end-of-line flag.
        if (current && Math.abs(current.y - y) > Math.max(current.height, item.height) / 2) endLine();
        current ??= { text: '', page: pageNumber, y, height: item.height };
        current.height = Math.max(current.height, item.height);
      }
      if (current) current.text += item.str;
      if (item.hasEOL) endLine();
    }
    endLine();
    page.cleanup();
  }
  return lines;
}

/** The Title (unless a placeholder) and the language (`/Lang`) the PDF states, if any. */
async function readMetadata(pdf: PdfDocument): Promise<{ title?: string; language?: string }> {
  const { info } = await pdf.getMetadata();
  const field = (name: string): string | undefined => {
    const value: unknown = typeof info === 'object' && info !== null ? (info as Record<string, unknown>)[name] : undefined;
    return typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : undefined;
  };
  const title = field('Title');
  return {
    title: title === undefined || title === '' || placeholderTitle.test(title) ? undefined : title,
    language: field('Language'),
  };
}

function sameText(a: string, b: string): boolean {
  const normalize = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
  return normalize(a) === normalize(b);
}
