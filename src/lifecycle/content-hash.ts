// lifecycle: Article → the hash of what a reader sees, to tell a correction from a rebuild.
import { createHash } from 'node:crypto';
import type { Article } from '../article/article.ts';

/**
 * sha256 (hex) over what a reader sees: title, body HTML, summary, categories, authors, image and link. The id,
 * file, dates and slug alone are left out, so a moved file or a re-dated record keeps its hash. Stable across runs
 * and machines: a fixed field order, JSON text, UTF-8.
 */
export function contentHash(article: HashedFields): string {
  if (typeof article !== 'object' || article === null) throw new TypeError('contentHash: article must be an Article');
  // Articles are immutable, and a live rebuild hands back the same object for an unchanged record (build cache):
  // hashing each only once keeps a rebuild of a large archive from re-reading every body.
  const known = hashes.get(article);
  if (known !== undefined) return known;
  const hash = hashFields(article);
  hashes.set(article, hash);
  return hash;
}

// --- internal ---

type HashedFields = Pick<Article, 'title' | 'html' | 'summary' | 'categories' | 'authors' | 'image' | 'link'>;

const hashes = new WeakMap<HashedFields, string>();

function hashFields(article: HashedFields): string {
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
