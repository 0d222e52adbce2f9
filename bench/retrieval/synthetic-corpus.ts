import type { Db } from '../../db/db.js';
import { writeArticleVersions, type NewArticleVersion } from '../../retrieval/article-version-writer.js';
import type { Embedder } from '../../retrieval/embedder.js';

/**
 * Grows the knowledge base to about `targetChunks` chunks with variants of the
 * served articles: other products of the same kind ("Lumen Plus 17"), other
 * amounts and days, sections in another order. The variants are approved, so
 * search must rank the real article above thousands of near-duplicates.
 */
export async function growSyntheticCorpus(db: Db, embedder: Embedder, targetChunks: number): Promise<number> {
  const articles = await db.query<{
    article_id: string;
    title: string;
    locale: string;
    owner: string;
    tags: string[];
    body: string;
  }>('SELECT article_id, title, locale, owner, tags, body FROM served_article_versions ORDER BY article_id');
  let [count] = await db.query<{ chunks: number }>('SELECT count(*)::int AS chunks FROM chunks');
  let chunks = count?.chunks ?? 0;
  let round = 0;
  while (chunks < targetChunks) {
    round += 1;
    const batch: NewArticleVersion[] = articles.map((article) => {
      const id = `${article.article_id}-variant-${round}`;
      return {
        metadata: {
          id,
          title: `${article.title} (${variantName(round)})`,
          locale: article.locale as 'en' | 'nl',
          status: 'approved',
          owner: article.owner,
          version: 1,
          reviewed_at: '2026-06-01',
          review_due: '2027-06-01',
          tags: article.tags,
          url: `https://help.lumenbank.example/${article.locale}/variants/${id}`,
          translations: {},
        },
        body: varyBody(article.body, round),
        contentHash: `synthetic-${id}`,
        changeNote: 'synthetic benchmark variant',
      };
    });
    for (let start = 0; start < batch.length; start += 50) {
      const written = await writeArticleVersions(db, embedder, batch.slice(start, start + 50), 'system:benchmark');
      chunks += written.reduce((sum, version) => sum + version.chunkCount, 0);
      if (chunks >= targetChunks) break;
    }
  }
  await db.exec('ANALYZE chunks; ANALYZE article_versions');
  [count] = await db.query<{ chunks: number }>('SELECT count(*)::int AS chunks FROM chunks');
  return count?.chunks ?? chunks;
}

const products = ['Lumen Student', 'Lumen Business', 'Lumen Senior', 'Lumen Family', 'Lumen Green', 'Lumen Travel'];

function variantName(round: number): string {
  return `${products[round % products.length]} ${Math.floor(round / products.length) + 1}`;
}

function varyBody(body: string, round: number): string {
  const sections = body.split(/\n(?=## )/);
  const [first, ...rest] = sections;
  const rotated = rest.length > 1 ? [...rest.slice(round % rest.length), ...rest.slice(0, round % rest.length)] : rest;
  return [first, ...rotated]
    .join('\n')
    .replace(/€(\d+)/g, (_match, amount: string) => `€${Number(amount) + (round % 7) + 1}`)
    .replace(/(\d+) (working days|days|werkdagen|dagen)/g, (_match, days: string, unit: string) => `${Number(days) + (round % 5) + 1} ${unit}`)
    .replace(/Lumen Bank/g, `Lumen Bank ${variantName(round)}`);
}
