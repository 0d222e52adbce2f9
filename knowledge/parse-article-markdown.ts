import { createHash } from 'node:crypto';
import { parse as parseYaml } from 'yaml';
import { articleFrontMatterSchema, type ArticleFrontMatter } from './article-front-matter.js';

export interface ParsedArticle {
  frontMatter: ArticleFrontMatter;
  /** Markdown body without the front matter. */
  body: string;
  /** Hash of front matter and body: equal hashes mean nothing to re-ingest. */
  contentHash: string;
}

/** Why a file is not a valid article, in words a curator can act on. */
export class ArticleFormatError extends Error {
  override readonly name = 'ArticleFormatError';
}

/**
 * Ten times the longest front matter in the knowledge base. The YAML parser
 * takes more than linear time on malformed input (20 s for 90,000 characters of `}`).
 */
const maxFrontMatterChars = 4_000;

/** Parses a markdown article with YAML front matter between `---` lines. */
export function parseArticleMarkdown(source: string): ParsedArticle {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  if (!match) throw new ArticleFormatError('missing front matter: the file must start with a --- block');
  const frontMatter = match[1] ?? '';
  if (frontMatter.length > maxFrontMatterChars) {
    throw new ArticleFormatError(`front matter is longer than ${maxFrontMatterChars} characters: it holds only the article's metadata`);
  }
  let data: unknown;
  try {
    data = parseYaml(frontMatter);
  } catch (error) {
    throw new ArticleFormatError(`front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  const result = articleFrontMatterSchema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'front matter'}: ${issue.message}`);
    throw new ArticleFormatError(`invalid front matter: ${problems.join('; ')}`);
  }
  const body = (match[2] ?? '').trim();
  if (body.length < 20) throw new ArticleFormatError('the article body is empty');
  const contentHash = createHash('sha256').update(JSON.stringify(result.data)).update('\n').update(body).digest('hex');
  return { frontMatter: result.data, body, contentHash };
}
