// render: FeedSet → the plan of the site: every document it publishes, each with its path, content type, the
// objects it is rendered from and how to render it. `renderSite`, the static build and the live site (both through
// site/site-builder.ts) all render this one list, so a document type is declared once.
//
// HOW TO ADD A DOCUMENT TYPE (a sitemap, robots.txt, author pages, archives, a 404 page…):
//   1. Build its path (and any URL it prints) in _lib/site-paths.ts; a new root file or folder goes in its
//      `isSitePath` too, so the live router serves it.
//   2. Write its renderer in render/ (a pure function of the FeedSet and the config), with its content type in
//      render/rendered-document.ts `CONTENT_TYPES`.
//   3. Add ONE `plan…` function below returning its PlannedDocument(s), and call it in `planSite` where the document
//      belongs in the order (feeds first, then pages). Nothing else: `renderSite`, `gazette build`, `gazette serve`,
//      the render memo, linting, lazy rendering and the static writer pick it up from the entry's fields.
//   `deps` must hold every object `render` reads that can change between builds (articles, feeds, the frame…): the
//   builder keeps the previous document when every dep is the same object (Object.is), so a missing dep means a
//   stale document. tests/render/plan-site.test.ts checks each entry against a rebuild. `kind: 'feed'` is for RSS,
//   Atom and JSON Feed only (they go through the feed linter); a sitemap or an OPML list is a 'file'. A large
//   document is several entries (a sitemap index and its parts), each rendered whole.
import type { FeedFormatName } from '../_lib/feed-formats.ts';
import { articlePath, feedFilePath, feedPagePath, HOME_PATH } from '../_lib/site-paths.ts';
import type { Article } from '../article/article.ts';
import type { ResolvedConfig } from '../config/config-schema.ts';
import type { FeedDefinition, FeedSet } from '../feed-set/feed-set.ts';
import { renderAtom } from './atom.ts';
import { HTML_PAGE_LIMIT, renderArticlePage, renderCategoryPage, renderIndexPage } from './html.ts';
import { renderLayout } from './html-layout.ts';
import { planArchives, planNotFoundPage } from './plan-archives.ts';
import { renderJsonFeed } from './json-feed.ts';
import { CONTENT_TYPES, type RenderedDocument } from './rendered-document.ts';
import { renderRss } from './rss.ts';

/** What a document is, for the steps after rendering. */
export type DocumentKind =
  /** RSS, Atom or JSON Feed: linted (a lint error withholds it) and written and served compressed. */
  | 'feed'
  /** An HTML page. */
  | 'page'
  /** Anything else (a sitemap, robots.txt, an OPML list…): not linted; compressed when XML or JSON (isFeedContentType). */
  | 'file';

/** One document of the site, not yet rendered. */
export interface PlannedDocument {
  /** URL path below the site root, built by _lib/site-paths.ts; unique in a plan. */
  readonly path: string;
  /** Full `Content-Type` header value, from `CONTENT_TYPES`. */
  readonly contentType: string;
  readonly kind: DocumentKind;
  /** When the content last changed (the newest article it shows, never the clock): `Last-Modified`, file mtime. */
  readonly lastModified: Date;
  /**
   * Every value `render` reads that can change between builds, compared by identity (Object.is) with the previous
   * build's entry at the same path: all the same, the previous document is kept without rendering. Articles are
   * listed as the objects themselves (an unchanged record yields the same Article object). A streaming build gives
   * the articles found here their bodies before it renders an eager document.
   */
  readonly deps: readonly unknown[];
  /**
   * May be rendered on first request rather than during the build (the many article pages): a streaming build
   * (`retainPages: false`) hands it out as a LazyDocument, keyed by a hash of its deps, and holds nothing of it;
   * other builds render it with the rest.
   */
  readonly lazy: boolean;
  /** Served by the live site too (`gazette serve`, the Express router); false for the static output only. */
  readonly live: boolean;
  /**
   * The article whose full body `render` shows (an article page). A streaming build holds articles without their
   * bodies: it reads this one's record again and passes the full article to `render`.
   */
  readonly article?: Article;
  /** The document text; `article`, when given, stands for the entry's own article (the same one, with its body). */
  render(article?: Article): string;
  /**
   * A feed's articles, and its text with only some of them (in their order): the lint gate renders a feed again
   * without an article whose text breaks it (site/lint-gate.ts).
   */
  readonly items?: { readonly articles: readonly Article[]; render(articles: readonly Article[]): string };
}

/** Options of {@link planSite}. */
export interface PlanOptions {
  /** Plan the HTML pages (default true); false: feeds only. */
  readonly pages?: boolean;
}

/**
 * Every document of the site in a stable order: the main feed and each category feed in RSS, Atom and JSON Feed,
 * then the front page, the category pages and the article pages. Plans only: nothing is rendered until asked.
 */
export function planSite(feedSet: FeedSet, config: ResolvedConfig, options: PlanOptions = {}): PlannedDocument[] {
  const documents: PlannedDocument[] = [];
  for (const feed of [feedSet.main, ...feedSet.categories]) documents.push(...planFeed(feed, config));
  if (options.pages === false) return documents;
  // Every page carries the same frame (category navigation…): one probe render tells whether it changed.
  const frame = renderLayout({ title: '', description: '', alternates: [], isHome: false, main: '' }, feedSet, config);
  documents.push(planIndexPage(feedSet, config, frame));
  const listedBySlug = listedOnPages(feedSet, config.limit);
  for (const feed of feedSet.categories) documents.push(planCategoryPage(feed, feedSet, config, frame, listedBySlug.get(feed.category?.slug ?? '') ?? []));
  documents.push(...planArchives(feedSet, config, frame));
  documents.push(planNotFoundPage(feedSet, config, frame));
  for (const article of feedSet.articles) documents.push(planArticlePage(article, feedSet, config, frame));
  return documents;
}

/** Renders one planned document (with `article` standing for its own, see {@link PlannedDocument.render}), or wraps `text` already rendered from it. */
export function renderPlanned(planned: PlannedDocument, article?: Article, text?: string): RenderedDocument {
  const { path, contentType, lastModified } = planned;
  const body = text ?? planned.render(article);
  return planned.live ? { path, contentType, body, lastModified } : { path, contentType, body, lastModified, live: false };
}

// --- internal ---

/** Pages list at most HTML_PAGE_LIMIT articles; one more tells a longer list apart. */
const LISTED_ON_PAGES = HTML_PAGE_LIMIT + 1;

const FEED_RENDERERS: Record<FeedFormatName, (feed: FeedDefinition, config: ResolvedConfig) => string> = {
  rss: renderRss,
  atom: renderAtom,
  json: renderJsonFeed,
};

/** A feed in its three formats; each shows its title, description, category, date and the very articles it lists. */
function planFeed(feed: FeedDefinition, config: ResolvedConfig): PlannedDocument[] {
  const deps = [feed.title, feed.description, feed.category?.name, feed.updated.getTime(), ...feed.articles];
  return (['rss', 'atom', 'json'] as const).map((format) => ({
    path: feedFilePath(feed.path, format),
    contentType: CONTENT_TYPES[format],
    kind: 'feed',
    lastModified: feed.updated,
    deps,
    lazy: false,
    live: true,
    render: () => FEED_RENDERERS[format](feed, config),
    items: { articles: feed.articles, render: (articles) => FEED_RENDERERS[format]({ ...feed, articles }, config) },
  }));
}

function planIndexPage(feedSet: FeedSet, config: ResolvedConfig, frame: string): PlannedDocument {
  return {
    ...PAGE,
    path: HOME_PATH,
    lastModified: feedSet.main.updated,
    deps: [frame, feedSet.main.updated.getTime(), ...feedSet.articles.slice(0, LISTED_ON_PAGES)],
    render: () => renderIndexPage(feedSet, config),
  };
}

function planCategoryPage(feed: FeedDefinition, feedSet: FeedSet, config: ResolvedConfig, frame: string, listed: readonly Article[]): PlannedDocument {
  return {
    ...PAGE,
    path: feedPagePath(feed.path),
    lastModified: feed.updated,
    deps: [frame, feed.title, feed.description, feed.updated.getTime(), ...listed],
    render: () => renderCategoryPage(feed, feedSet, config),
  };
}

function planArticlePage(article: Article, feedSet: FeedSet, config: ResolvedConfig, frame: string): PlannedDocument {
  return {
    ...PAGE,
    path: articlePath(article.slug),
    lastModified: article.updated,
    deps: [frame, article],
    lazy: true,
    article,
    render: (full: Article = article) => renderArticlePage(full, feedSet, config),
  };
}

const PAGE = { contentType: CONTENT_TYPES.html, kind: 'page', lazy: false, live: true } as const;

/**
 * The first articles each category page lists. A category feed holds the first `limit` articles of its category:
 * all of them when it is shorter, and all a page lists when `limit` is at least that many; only the other
 * categories are looked for in the archive, in one pass that ends as soon as their lists are full.
 */
function listedOnPages(feedSet: FeedSet, limit: number): Map<string, Article[]> {
  const listedBySlug = new Map<string, Article[]>();
  const full = new Set<string>(); // categories whose list is complete
  let open = 0;
  for (const feed of feedSet.categories) {
    const slug = feed.category?.slug ?? '';
    const complete = feed.articles.length < limit || feed.articles.length >= LISTED_ON_PAGES;
    listedBySlug.set(slug, complete ? feed.articles.slice(0, LISTED_ON_PAGES) : []);
    if (complete) full.add(slug);
    else open += 1;
  }
  for (const article of feedSet.articles) {
    if (open === 0) break;
    for (const { slug } of article.categories) {
      if (full.has(slug)) continue;
      const listed = listedBySlug.get(slug);
      if (listed === undefined) continue;
      listed.push(article);
      if (listed.length === LISTED_ON_PAGES) {
        full.add(slug);
        open -= 1;
      }
    }
  }
  return listedBySlug;
}
