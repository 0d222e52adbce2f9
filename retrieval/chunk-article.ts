import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';

export interface ArticleChunk {
  ordinal: number;
  /** "Article title › Section heading": where in the article the text sits. */
  heading: string;
  text: string;
}

export interface ChunkOptions {
  /** Target size of one chunk in characters. */
  chunkSize?: number;
  chunkOverlap?: number;
}

/**
 * Heading-aware chunking: the body is cut at `##` sections first, so no chunk
 * mixes two sections and every chunk knows its heading; long sections are then
 * split by LangChain's markdown-aware recursive splitter.
 */
export async function chunkArticle(title: string, body: string, options: ChunkOptions = {}): Promise<ArticleChunk[]> {
  const splitter = RecursiveCharacterTextSplitter.fromLanguage('markdown', {
    chunkSize: options.chunkSize ?? 900,
    chunkOverlap: options.chunkOverlap ?? 120,
  });
  const chunks: ArticleChunk[] = [];
  for (const section of splitSections(body)) {
    const heading = section.heading === '' ? title : `${title} › ${section.heading}`;
    for (const text of await splitter.splitText(section.text)) {
      const trimmed = text.trim();
      if (trimmed !== '') chunks.push({ ordinal: chunks.length, heading, text: trimmed });
    }
  }
  return chunks;
}

interface Section {
  heading: string;
  text: string;
}

function splitSections(body: string): Section[] {
  const sections: Section[] = [];
  let current: Section = { heading: '', text: '' };
  for (const line of body.split('\n')) {
    const heading = /^(#{1,3})\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading && (heading[1] ?? '').length >= 2) {
      sections.push(current);
      current = { heading: heading[2] ?? '', text: '' };
    } else if (heading) {
      // The single `#` title repeats the front-matter title; it is not content.
      continue;
    } else {
      current.text += `${line}\n`;
    }
  }
  sections.push(current);
  return sections.filter((section) => section.text.trim() !== '');
}
