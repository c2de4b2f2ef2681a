// feed-set: the authors of the published articles — one per slug of their name, however the records spell it
// (`Zoé Martin` and `Zoe Martin` are one author, `zoe-martin`, as two spellings of a category are one category).
import type { Article } from '../article/article.ts';
import { slugify } from '../article/slug.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { authorFeedPath, feedPagePath } from '../_lib/site-paths.ts';
import type { AuthorRef } from './feed-set.ts';

/** One author and the first articles that name them. */
export interface AuthorGroup {
  readonly author: AuthorRef;
  /** The first `limit` articles of `sorted` that name the author, in that order. */
  readonly articles: readonly Article[];
}

/**
 * The authors of `sorted` (articles newest first), sorted by slug: each named as the newest article spells them,
 * with the newest `url` given, and with their first `limit` articles. A name that folds to no slug (emoji only) has
 * no page and no feed.
 */
export function groupAuthors(sorted: readonly Article[], limit: number): AuthorGroup[] {
  const bySlug = new Map<string, { author: AuthorRef; articles: Article[] }>();
  for (const article of sorted) {
    for (const { name, url } of article.authors) {
      const slug = authorSlug(name);
      if (slug === '') continue;
      let group = bySlug.get(slug);
      if (!group) {
        group = { author: { slug, name }, articles: [] };
        bySlug.set(slug, group);
      }
      if (url !== undefined && group.author.url === undefined) group.author = { ...group.author, url };
      // Two spellings of one author in one record list the article once.
      if (group.articles.length < limit && group.articles.at(-1) !== article) group.articles.push(article);
    }
  }
  return [...bySlug.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((slug) => bySlug.get(slug)!);
}

/** The slugs of an article's authors, in record order, each once; names that fold to nothing left out. */
export function authorSlugsOf(article: Article): string[] {
  const slugs: string[] = [];
  for (const { name } of article.authors) {
    const slug = authorSlug(name);
    if (slug !== '' && !slugs.includes(slug)) slugs.push(slug);
  }
  return slugs;
}

/** The slug of an author's name: their page is `/authors/<slug>/`. */
export function authorSlug(name: string): string {
  let slug = SLUGS.get(name);
  if (slug === undefined) {
    // A site has few authors and names every one on thousands of articles: each name is folded once.
    if (SLUGS.size >= MAX_CACHED_SLUGS) SLUGS.clear();
    slug = slugify(name);
    SLUGS.set(name, slug);
  }
  return slug;
}

/** The path of the page of the author so named, `/authors/<slug>/`; undefined when the name folds to no slug. */
export function authorPagePath(name: string): string | undefined {
  const slug = authorSlug(name);
  return slug === '' ? undefined : feedPagePath(authorFeedPath(slug));
}

/**
 * A warning for each spelling of an author other than the one their page shows (the newest article's, as
 * {@link groupAuthors} names them), at the newest record that writes it: both spellings are one author, and the
 * editor may not know it. `sorted` is newest first.
 */
export function findAuthorSpellings(sorted: readonly Article[]): Diagnostic[] {
  const shown = new Map<string, { readonly name: string; readonly file: string }>();
  const reported = new Set<string>();
  const warnings: Diagnostic[] = [];
  for (const article of sorted) {
    for (const { name } of article.authors) {
      const slug = authorSlug(name);
      if (slug === '') continue;
      const first = shown.get(slug);
      if (first === undefined) {
        shown.set(slug, { name, file: article.file });
        continue;
      }
      const key = `${slug}\n${name}`;
      if (first.name === name || reported.has(key)) continue;
      reported.add(key);
      const line = article.lines?.author;
      warnings.push({
        severity: 'warning',
        file: article.file,
        ...(line === undefined ? {} : { line }),
        field: 'author',
        code: 'author-spelling',
        message:
          `"${name}" and "${first.name}" (${first.file}) fold to one author, ${authorPagePath(name)}, ` + `named "${first.name}" there: write the name one way`,
      });
    }
  }
  return warnings;
}

// --- internal ---

const MAX_CACHED_SLUGS = 10_000;
const SLUGS = new Map<string, string>();
