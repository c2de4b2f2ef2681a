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
import { articlePath, CORRECTIONS_FEED_PATH, feedFilePath, feedPagePath, HOME_PATH } from '../_lib/site-paths.ts';
import type { Article } from '../article/article.ts';
import type { ResolvedConfig } from '../config/config-schema.ts';
import type { FeedDefinition, FeedSet } from '../feed-set/feed-set.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { documentTimes, type DocumentTimes } from '../lifecycle/document-times.ts';
import type { ArticlePagePlans, PageContext } from './article-page-plans.ts';
import { renderAtomWithinBudget } from './atom.ts';
import { budgetDiagnostics, type BudgetedFeed } from './feed-budget.ts';
import { collectCorrections, type CorrectionEntry } from '../feed-set/collect-corrections.ts';
import { correctionsFeedTitle, correctionsUpdated, renderCorrectionsFeed } from './corrections-feed.ts';
import { authorSlugsOf } from '../feed-set/group-authors.ts';
import { HTML_PAGE_LIMIT, renderArticlePage, renderCategoryPage, renderIndexPage } from './html.ts';
import { renderAuthorPage } from './html-author.ts';
import { renderLayout } from './html-layout.ts';
import { renderJsonFeedWithinBudget } from './json-feed.ts';
import { planReach } from './plan-reach.ts';
import { planArchives, planNotFoundPage } from './plan-archives.ts';
import { CONTENT_TYPES, type RenderedDocument } from './rendered-document.ts';
import { renderRssWithinBudget } from './rss.ts';

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
   * the articles found here their bodies before it renders an eager document. `lastModified` is not a dep (no
   * renderer reads it): the builder compares it apart, and a document whose time alone moved (the ledger's newest
   * departure moves every list's) keeps its bytes under the new time, without being rendered, linted or compressed.
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
  /**
   * The document text, or the text with what rendering had to say (a feed cut to fit its size budget); `article`,
   * when given, stands for the entry's own article (the same one, with its body).
   */
  render(article?: Article): string | NotedText;
  /**
   * A feed's articles, and its text with only some of them (in their order): the lint gate renders a feed again
   * without an article whose text breaks it (site/lint-gate.ts).
   */
  readonly items?: { readonly articles: readonly Article[]; render(articles: readonly Article[]): string };
  /**
   * When the content last changed as its articles say (an article's `updated`, a listing's newest article's): the
   * sitemap's `lastmod`. Default `lastModified`, which also moves with the ledger's times (a page first served now).
   */
  readonly contentDate?: Date;
  /** A page left out of sitemap.xml (a 404 page); pages are listed by default (plan-reach.ts `isSitemapPage`). */
  readonly inSitemap?: false;
  /** A feed's line in feeds.opml (plan-reach.ts): its RSS entry (or the Atom-only corrections feed), with its title and the path prefix of the page it mirrors. */
  readonly outline?: { readonly title: string; readonly feedPath: string };
}

/** A document's text with the findings its rendering made (render/feed-budget.ts). */
export interface NotedText {
  readonly body: string;
  readonly notes: readonly Diagnostic[];
}

/** Options of {@link planSite}. */
export interface PlanOptions {
  /** Plan the HTML pages (default true); false: feeds only. */
  readonly pages?: boolean;
  /**
   * When each document last changed (its `lastModified`), from the publication ledger's times so that it moves
   * whenever the bytes do (lifecycle/document-times.ts); default: the newest `updated` each document shows.
   */
  readonly times?: DocumentTimes;
  /** The build's clock, for the news sitemap's window (plan-reach.ts); default now. */
  readonly now?: Date;
  /** `public/robots.txt` exists: Gazette writes none. */
  readonly publicRobots?: boolean;
  /**
   * Plan only the eager entries that show articles (feeds and listing pages), not the lazy ones (article pages, archive
   * months, sitemaps) nor robots.txt and feeds.opml: what a streaming build looks through for the articles whose
   * bodies it reads before rendering (site/render-cache.ts), without planning a page per article. Not a plan to render.
   */
  readonly eagerOnly?: boolean;
  /** The article pages' entries of the previous builds (article-page-plans.ts): those whose inputs are the same are kept. */
  readonly articlePages?: ArticlePagePlans;
}

/**
 * Every document of the site in a stable order: the main feed, each category feed and each author feed in RSS, Atom
 * and JSON Feed, the corrections feed, then the front page, the category pages, the author pages and the article
 * pages, then the sitemaps, robots.txt and feeds.opml. Plans only: nothing is rendered until asked.
 */
export function planSite(feedSet: FeedSet, config: ResolvedConfig, options: PlanOptions = {}): PlannedDocument[] {
  const documents: PlannedDocument[] = [];
  const times = options.times ?? documentTimes(undefined);
  for (const feed of [feedSet.main, ...feedSet.categories, ...feedSet.authors]) documents.push(...planFeed(feed, config, times));
  documents.push(planCorrectionsFeed(feedSet, config, times));
  const reach = { pages: options.pages !== false, now: options.now ?? new Date(), ...(options.publicRobots ? { publicRobots: true } : {}) };
  if (options.pages === false) return options.eagerOnly ? documents : [...documents, ...planReach(documents, feedSet, config, reach)];
  // Every page carries the same frame (category navigation…): one probe render tells whether it changed.
  const frame = renderLayout({ title: '', description: '', alternates: [], isHome: false, main: '' }, feedSet, config);
  documents.push(planIndexPage(feedSet, config, frame, times));
  const listedBySlug = listedOnPages(feedSet.categories, feedSet.articles, config.limit, (feed) => feed.category?.slug, categorySlugsOf);
  for (const feed of feedSet.categories)
    documents.push(planCategoryPage(feed, feedSet, config, frame, listedBySlug.get(feed.category?.slug ?? '') ?? [], times));
  const listedByAuthor = listedOnPages(feedSet.authors, feedSet.articles, config.limit, (feed) => feed.author?.slug, authorSlugsOf);
  for (const feed of feedSet.authors) documents.push(planAuthorPage(feed, feedSet, config, frame, listedByAuthor.get(feed.author?.slug ?? '') ?? [], times));
  if (options.eagerOnly) return documents;
  documents.push(...planArchives(feedSet, config, frame, times));
  documents.push(planNotFoundPage(feedSet, config, frame));
  const memo = options.articlePages;
  const context = memo ? memo.begin(frame, feedSet, config) : { frame, config, feedSet };
  for (const article of feedSet.articles) {
    const lastModified = times.ofArticle(article);
    let planned = memo?.get(article, context, lastModified.getTime());
    if (planned === undefined) {
      planned = planArticlePage(article, context, lastModified);
      memo?.set(article, context, lastModified.getTime(), planned);
    }
    documents.push(planned);
  }
  // Last: the sitemaps, robots.txt and feeds.opml list the pages and feeds planned above.
  documents.push(...planReach(documents, feedSet, config, reach));
  return documents;
}

/** Renders one planned document (with `article` standing for its own, see {@link PlannedDocument.render}), or wraps `text` already rendered from it. */
export function renderPlanned(planned: PlannedDocument, article?: Article, text?: string): RenderedDocument {
  const { path, contentType, lastModified } = planned;
  const rendered = text ?? planned.render(article);
  const { body, notes } = typeof rendered === 'string' ? { body: rendered, notes: [] } : rendered;
  return { path, contentType, body, lastModified, ...(planned.live ? {} : { live: false as const }), ...(notes.length > 0 ? { notes } : {}) };
}

// --- internal ---

/** Pages list at most HTML_PAGE_LIMIT articles; one more tells a longer list apart. */
const LISTED_ON_PAGES = HTML_PAGE_LIMIT + 1;

/** Each format's renderer within the feed size budget (`maxFeedBytes`: the oldest items fall back to their summary). */
const FEED_RENDERERS: Record<FeedFormatName, (feed: FeedDefinition, config: ResolvedConfig) => BudgetedFeed> = {
  rss: renderRssWithinBudget,
  atom: renderAtomWithinBudget,
  json: renderJsonFeedWithinBudget,
};

/** A feed in its three formats; each shows its title, description, category, date and the very articles it lists. */
function planFeed(feed: FeedDefinition, config: ResolvedConfig, times: DocumentTimes): PlannedDocument[] {
  const lastModified = times.ofList(feed.articles, feed.updated);
  const deps = [feed.title, feed.description, feed.category?.name, feed.updated.getTime(), ...feed.articles];
  return (['rss', 'atom', 'json'] as const).map((format) => {
    const path = feedFilePath(feed.path, format);
    return {
      path,
      contentType: CONTENT_TYPES[format],
      kind: 'feed',
      lastModified,
      deps,
      lazy: false,
      live: true,
      render: () => {
        const budgeted = FEED_RENDERERS[format](feed, config);
        return { body: budgeted.body, notes: budgetDiagnostics(path, budgeted, config.maxFeedBytes) };
      },
      ...(format === 'rss' ? { outline: { title: feed.title, feedPath: feed.path } } : {}),
      items: { articles: feed.articles, render: (articles) => FEED_RENDERERS[format]({ ...feed, articles }, config).body },
    };
  });
}

/**
 * `corrections.xml`, the site's correction notes. Its deps are the values it shows, as primitives: an edit of a
 * corrected article's body, or of any other article, leaves it as it is; a new note, or a corrected article's new
 * title or link, renders it again.
 */
function planCorrectionsFeed(feedSet: FeedSet, config: ResolvedConfig, times: DocumentTimes): PlannedDocument {
  const entries = collectCorrections(feedSet.articles, config.limit);
  const render = (shown: readonly CorrectionEntry[]) => renderCorrectionsFeed(shown, config);
  const corrected = [...new Set(entries.map((e) => e.article))];
  // Moves with the ledger's times too (a corrected article removed changes the bytes, not the newest note).
  const lastModified = times.ofList(corrected, correctionsUpdated(entries, config));
  return {
    path: CORRECTIONS_FEED_PATH,
    contentType: CONTENT_TYPES.atom,
    kind: 'feed',
    lastModified,
    deps: [
      ...entries.flatMap(({ article, correction }) => [article.guid, article.title, article.link, correction.key, correction.date.getTime(), correction.text]),
    ],
    lazy: false,
    live: true,
    render: () => render(entries),
    outline: { title: correctionsFeedTitle(config), feedPath: '' },
    // The lint gate renders it again without an article whose text breaks it: that article's notes leave it.
    items: {
      articles: corrected,
      render: (articles) => render(entries.filter((e) => articles.includes(e.article))),
    },
  };
}

function planIndexPage(feedSet: FeedSet, config: ResolvedConfig, frame: string, times: DocumentTimes): PlannedDocument {
  const listed = feedSet.articles.slice(0, LISTED_ON_PAGES);
  const lastModified = times.ofList(listed, feedSet.main.updated);
  return {
    ...PAGE,
    path: HOME_PATH,
    lastModified,
    contentDate: feedSet.main.updated,
    deps: [frame, feedSet.main.updated.getTime(), ...listed],
    render: () => renderIndexPage(feedSet, config),
  };
}

function planCategoryPage(
  feed: FeedDefinition,
  feedSet: FeedSet,
  config: ResolvedConfig,
  frame: string,
  listed: readonly Article[],
  times: DocumentTimes,
): PlannedDocument {
  return planListingPage(feed, listed, times, [frame, feed.title, feed.description], () => renderCategoryPage(feed, feedSet, config));
}

/** An author's page shows the author's name and URL, their feed's description and date, and the articles it lists. */
function planAuthorPage(
  feed: FeedDefinition,
  feedSet: FeedSet,
  config: ResolvedConfig,
  frame: string,
  listed: readonly Article[],
  times: DocumentTimes,
): PlannedDocument {
  const shown = [frame, feed.title, feed.description, feed.author?.name, feed.author?.url];
  return planListingPage(feed, listed, times, shown, () => renderAuthorPage(feed, listed, feedSet, config));
}

/**
 * The page a feed mirrors (a category's, an author's): it shows `shown` (the frame, titles…), the feed's date and
 * the articles it lists; it changed last when one of them did, or when the ledger says an article left.
 */
function planListingPage(
  feed: FeedDefinition,
  listed: readonly Article[],
  times: DocumentTimes,
  shown: readonly unknown[],
  render: () => string,
): PlannedDocument {
  const lastModified = times.ofList(listed, feed.updated);
  return {
    ...PAGE,
    path: feedPagePath(feed.path),
    lastModified,
    contentDate: feed.updated,
    deps: [...shown, feed.updated.getTime(), ...listed],
    render,
  };
}

/** An article page: its frame and its article (the context's feed set gives the same frame, see PageContext). */
function planArticlePage(article: Article, context: PageContext, lastModified: Date): PlannedDocument {
  // Written out, not `...PAGE`: V8 gives each object made by a spread with more fields a hidden class of its own
  // (≈ 300 bytes per article page, held for the whole build).
  return {
    contentType: PAGE.contentType,
    kind: PAGE.kind,
    lazy: true,
    live: PAGE.live,
    path: articlePath(article.slug),
    lastModified,
    contentDate: article.updated,
    deps: [context.frame, article],
    article,
    render: (full: Article = article) => renderArticlePage(full, context.feedSet, context.config),
  };
}

const PAGE = { contentType: CONTENT_TYPES.html, kind: 'page', lazy: false, live: true } as const;

/**
 * The first articles each category (or author) page lists, by the slug `slugOf` gives its feed and `slugsOf` an
 * article. A category feed holds the first `limit` articles of its category: all of them when it is shorter, and all
 * a page lists when `limit` is at least that many; only the other categories are looked for in the archive (the
 * articles, newest first), in one pass that ends as soon as their lists are full.
 */
function listedOnPages(
  feeds: readonly FeedDefinition[],
  archive: readonly Article[],
  limit: number,
  slugOf: (feed: FeedDefinition) => string | undefined,
  slugsOf: (article: Article) => readonly string[],
): Map<string, Article[]> {
  const listedBySlug = new Map<string, Article[]>();
  const full = new Set<string>(); // categories whose list is complete
  let open = 0;
  for (const feed of feeds) {
    const slug = slugOf(feed) ?? '';
    const complete = feed.articles.length < limit || feed.articles.length >= LISTED_ON_PAGES;
    listedBySlug.set(slug, complete ? feed.articles.slice(0, LISTED_ON_PAGES) : []);
    if (complete) full.add(slug);
    else open += 1;
  }
  for (const article of archive) {
    if (open === 0) break;
    for (const slug of slugsOf(article)) {
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

function categorySlugsOf(article: Article): string[] {
  return article.categories.map((c) => c.slug);
}
