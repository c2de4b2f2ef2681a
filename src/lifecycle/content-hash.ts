// lifecycle: Article → the hash of what a reader sees, to tell a correction from a rebuild.
import { createHash } from 'node:crypto';
import type { Article } from '../article/article.ts';

/**
 * sha256 (hex) over what a reader sees: title, body HTML, summary, categories, authors, image and link. The id,
 * file, dates and slug alone are left out, so a moved file or a re-dated record keeps its hash. Stable across runs
 * and machines: a fixed field order, JSON text, UTF-8.
 */
export function contentHash(article: Pick<Article, 'title' | 'html' | 'summary' | 'categories' | 'authors' | 'image' | 'link'>): string {
  if (typeof article !== 'object' || article === null) throw new TypeError('contentHash: article must be an Article');
  const seen = [
    article.title,
    article.html,
    article.summary,
    article.categories.map((c) => [c.slug, c.name]),
    article.authors.map((a) => [a.name, a.email ?? null, a.url ?? null]),
    article.image ?? null,
    article.link,
  ];
  return createHash('sha256').update(JSON.stringify(seen), 'utf8').digest('hex');
}
