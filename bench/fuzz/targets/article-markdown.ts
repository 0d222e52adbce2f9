import { ArticleFormatError, parseArticleMarkdown } from '../../../knowledge/parse-article-markdown.js';
import { markdownText } from '../arbitraries/markdown-text.js';
import type { FuzzTarget } from '../fuzz-target.js';
import { PropertyViolation } from '../property-violation.js';
import { rethrowUnlessDocumented } from '../rethrow-unless-documented.js';

export const articleMarkdownTarget: FuzzTarget<string> = {
  name: 'article-markdown',
  parser: 'knowledge/parse-article-markdown.ts#parseArticleMarkdown',
  contract: 'returns front matter, body and content hash, or throws ArticleFormatError',
  arbitrary: markdownText,
  check(source) {
    try {
      const article = parseArticleMarkdown(source);
      if (!/^[0-9a-f]{64}$/.test(article.contentHash)) throw new PropertyViolation('the content hash is not a SHA-256');
      if (Object.getPrototypeOf(article.frontMatter) !== Object.prototype) throw new PropertyViolation('the front matter object has another prototype');
    } catch (error) {
      rethrowUnlessDocumented(error, [ArticleFormatError]);
    }
  },
};
