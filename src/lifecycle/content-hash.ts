// lifecycle: Article → the hash of what a reader sees, to tell a correction from a rebuild.
import { createHash } from 'node:crypto';
import type { Article } from '../article/article.ts';

/**
 * sha256 (hex) over what the editor wrote and a reader sees: title, the body and summary as written
 * (`sourceHash`, never the rendered HTML, so a Gazette upgrade that renders differently is no correction),
 * categories, authors, image and link, with `siteUrl` (the address of the site being built) left out of the URLs. The id,
 * file, dates and slug alone are left out, so a moved file or a re-dated record keeps its hash. Stable across runs
 * and machines: a fixed field order, JSON text, UTF-8.
 */
export function contentHash(article: HashedFields, siteUrl = ''): string {
  if (typeof article !== 'object' || article === null) throw new TypeError('contentHash: article must be an Article');
  if (typeof siteUrl !== 'string') throw new TypeError('contentHash: siteUrl must be a string');
  // Articles are immutable, and a live rebuild hands back the same object for an unchanged record (build cache):
  // hashing each only once keeps a rebuild of a large archive from re-reading every body.
  const known = hashes.get(article);
  if (known !== undefined && known.siteUrl === siteUrl) return known.hash;
  const hash = hashFields(article, siteUrl);
  hashes.set(article, { siteUrl, hash });
  return hash;
}

// --- internal ---

type HashedFields = Pick<Article, 'title' | 'sourceHash' | 'categories' | 'authors' | 'image' | 'link'>;

const hashes = new WeakMap<HashedFields, { readonly siteUrl: string; readonly hash: string }>();

function hashFields(article: HashedFields, siteUrl: string): string {
  // The site's own address is left out: the same record served under two mount paths (`/`, `/feeds`) has links
  // and absolute body URLs below two addresses, yet it is one article with one history.
  const origin = siteUrl === '' ? '' : new URL(siteUrl).origin;
  const local = (url: string): string => (siteUrl === '' ? url : (cutPrefix(url, siteUrl) ?? cutPrefix(url, origin) ?? url));
  const seen = [
    article.title,
    article.sourceHash,
    article.categories.map((c) => [c.slug, c.name]),
    article.authors.map((a) => [a.name, a.email ?? null, a.url ?? null]),
    imageSeen(article.image, local),
    local(article.link),
  ];
  return createHash('sha256').update(JSON.stringify(seen), 'utf8').digest('hex');
}

/**
 * The image as a reader sees it: its URL, and its alt, caption and credit when written (a corrected credit is a
 * correction). A URL alone hashes as before the image object existed, so no article moves on an upgrade; pixel
 * sizes and the file's length are not content.
 */
function imageSeen(image: Article['image'], local: (url: string) => string): unknown {
  if (image === undefined) return null;
  const { alt, caption, credit } = image;
  if (alt === undefined && caption === undefined && credit === undefined) return local(image.url);
  return [local(image.url), alt ?? null, caption ?? null, credit ?? null];
}

/**
 * What follows `prefix` at the start of `url`, where it ends a path segment (`/`, `?`, `#` or nothing next), or
 * undefined. Only a leading address is cut: one inside a path or a query (`https://cdn.example/?src=https://…`)
 * is part of a different URL, which must keep a different hash.
 */
function cutPrefix(url: string, prefix: string): string | undefined {
  if (!url.startsWith(prefix)) return undefined;
  const rest = url.slice(prefix.length);
  return rest === '' || /^[/?#]/.test(rest) ? rest : undefined;
}
