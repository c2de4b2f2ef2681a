// feed-set: Article[] → FeedSet (the main feed, one feed per category and one per author, newest first).
import type { Article, Category } from '../article/article.ts';
import { authorFeedPath, categoryFeedPath } from '../_lib/site-paths.ts';
import type { ResolvedConfig } from '../config/config-schema.ts';
import type { FeedDefinition, FeedSet } from './feed-set.ts';
import { groupAuthors } from './group-authors.ts';
import { sortArticles } from './sort-articles.ts';

/**
 * Groups published articles into the main feed, one feed per category slug and one per author slug, each capped at
 * `config.limit`.
 */
export function buildFeedSet(articles: readonly Article[], config: ResolvedConfig): FeedSet {
  if (!Array.isArray(articles)) throw new TypeError('buildFeedSet: articles must be an array');
  if (!Number.isInteger(config.limit) || config.limit < 1) {
    throw new RangeError(`buildFeedSet: config.limit must be a positive whole number, got ${config.limit}`);
  }
  const published = sortArticles(articles.filter((a) => !a.draft));
  const main = defineFeed('', config.title, config.description, undefined, published, config);

  const bySlug = new Map<string, { category: Category; articles: Article[] }>();
  for (const article of published) {
    for (const category of article.categories) {
      let group = bySlug.get(category.slug);
      if (!group) {
        group = { category: categoryOf(category, config), articles: [] };
        bySlug.set(category.slug, group);
      }
      // article/ deduplicates categories by slug; guard anyway so an article is listed once per feed. A feed shows
      // only its first `limit` articles: the rest are not collected.
      if (group.articles.length < config.limit && group.articles.at(-1) !== article) group.articles.push(article);
    }
  }
  const slugs = [...bySlug.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const categories = slugs.map((slug) => {
    const { category, articles: inCategory } = bySlug.get(slug)!;
    const description = config.categories[slug]?.description?.trim() || `${category.name} — ${config.description}`;
    return defineFeed(categoryFeedPath(slug), `${config.title} — ${category.name}`, description, category, inCategory, config);
  });

  const authors = groupAuthors(published, config.limit).map(({ author, articles: byAuthor }) => ({
    ...defineFeed(
      authorFeedPath(author.slug),
      `${config.title} — ${author.name}`,
      `Articles signés ${author.name} — ${config.description}`,
      undefined,
      byAuthor,
      config,
    ),
    author,
  }));

  return { main, categories, authors, articles: published };
}

// --- internal ---

function defineFeed(
  path: string,
  title: string,
  description: string,
  category: Category | undefined,
  sorted: readonly Article[],
  config: ResolvedConfig,
): FeedDefinition {
  const articles = sorted.slice(0, config.limit);
  return { path, title, description, category, articles, updated: newestUpdate(articles, config) };
}

/** Newest `updated` of the feed (never the clock, so every instance agrees); tagDate at 00:00 UTC when empty. */
function newestUpdate(articles: readonly Article[], config: ResolvedConfig): Date {
  let newest = Number.NEGATIVE_INFINITY;
  for (const a of articles) {
    const t = a.updated instanceof Date ? a.updated.getTime() : Number.NaN;
    // An article without a usable `updated` still counts by its publication date.
    newest = Math.max(newest, Number.isNaN(t) ? a.date.getTime() : t);
  }
  if (newest !== Number.NEGATIVE_INFINITY) return new Date(newest);
  // `new Date("2024-01-01")` is UTC midnight (ECMA-262 date-only forms are UTC); tagDate is validated as YYYY[-MM[-DD]].
  const fallback = new Date(config.tagDate);
  return Number.isNaN(fallback.getTime()) ? new Date(0) : fallback;
}

/** The config label wins over the spelling met in the records (the newest article's, as they are sorted). */
function categoryOf(category: Category, config: ResolvedConfig): Category {
  const label = config.categories[category.slug]?.label;
  return { slug: category.slug, name: label ?? category.name };
}
