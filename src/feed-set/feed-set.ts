// feed-set: the feeds a site publishes, each a titled, ordered list of articles.
import type { Article, Category } from '../article/article.ts';

/** One feed, rendered later in every format. */
export interface FeedDefinition {
  /** Path prefix of the feed's files: `''` for the main feed, `/categories/societe` for a category. */
  readonly path: string;
  readonly title: string;
  readonly description: string;
  /** The category of a category feed; undefined for the main feed. */
  readonly category: Category | undefined;
  /** The author of an author feed; absent from the other feeds. */
  readonly author?: AuthorRef;
  /** The newest `limit` published articles, newest first, ties broken by id. */
  readonly articles: readonly Article[];
  /** Newest `updated` of its articles (never the clock); the site's tagDate when the feed is empty. */
  readonly updated: Date;
}

/** An author as their page and feed name them: spellings that fold to one slug are one author. */
export interface AuthorRef {
  /** ASCII slug of the name (article/slug.ts), e.g. `zoe-martin`. */
  readonly slug: string;
  /** The spelling of the newest article that names them, e.g. `Zoé Martin`. */
  readonly name: string;
  /** The newest `url` their articles give them (a home page or profile), if any. */
  readonly url?: string;
}

/** Everything the renderers need: the main feed, one feed per category and per author, and all published articles. */
export interface FeedSet {
  readonly main: FeedDefinition;
  /** Sorted by category slug. */
  readonly categories: readonly FeedDefinition[];
  /** One feed per author with a name, sorted by author slug; same rules as the category feeds. */
  readonly authors: readonly FeedDefinition[];
  /** Every published article (not only the newest `limit`), newest first: for HTML pages. */
  readonly articles: readonly Article[];
}
