// render: the documents that tell the world what the site publishes — sitemap.xml (or a sitemap index and its
// parts), sitemap-news.xml, robots.txt and feeds.opml — planned from the entries planSite made before them, so a
// new page type (author pages, archives) joins the sitemap and a new feed (author feeds) joins the OPML list by
// being planned, with nothing to add here.
import { createHash } from 'node:crypto';
import { encodePath, feedPagePath, NEWS_SITEMAP_PATH, OPML_PATH, ROBOTS_PATH, SITEMAP_PATH, sitemapPartPath, siteUrlOf } from '../_lib/site-paths.ts';
import type { ResolvedConfig } from '../config/config-schema.ts';
import type { FeedSet } from '../feed-set/feed-set.ts';
import { renderOpml } from './opml.ts';
import type { PlannedDocument } from './plan-site.ts';
import { CONTENT_TYPES } from './rendered-document.ts';
import { renderRobots } from './robots.ts';
import { renderSitemap, renderSitemapIndex, SITEMAP_FRAME_BYTES, SITEMAP_MAX_BYTES, SITEMAP_MAX_URLS, sitemapUrlBytes, type SitemapEntry } from './sitemap.ts';
import { newsWindow, renderNewsSitemap } from './sitemap-news.ts';

/** What {@link planReach} needs besides the plan so far. */
export interface ReachOptions {
  /** Pages are planned: the sitemaps and robots.txt are written (a sitemap may only list its own host's pages). */
  readonly pages: boolean;
  /** The build's clock, for the news sitemap's 48-hour window. */
  readonly now: Date;
  /** `public/robots.txt` exists: it is served instead of Gazette's. */
  readonly publicRobots?: boolean;
  /** Most URLs per sitemap file before it is split (tests); default {@link SITEMAP_MAX_URLS}. */
  readonly sitemapMaxUrls?: number;
}

/** The sitemaps, robots.txt and the OPML list of `planned` (the feeds and pages planned so far). */
export function planReach(planned: readonly PlannedDocument[], feedSet: FeedSet, config: ResolvedConfig, options: ReachOptions): PlannedDocument[] {
  const documents: PlannedDocument[] = [];
  if (options.pages) {
    const sitemaps = planSitemaps(planned, config, options.sitemapMaxUrls ?? SITEMAP_MAX_URLS);
    documents.push(...sitemaps, planNewsSitemap(feedSet, config, options.now));
    if (!options.publicRobots) documents.push(planRobots(config, [SITEMAP_PATH, NEWS_SITEMAP_PATH], feedSet.main.updated));
  }
  documents.push(planOpml(planned, feedSet, config, options.pages));
  return documents;
}

/** A page the sitemap lists: a page (a folder path) of the live site, not marked out of it (a 404 page). */
export function isSitemapPage(planned: PlannedDocument): boolean {
  return planned.kind === 'page' && planned.inSitemap !== false && planned.path.endsWith('/');
}

// --- internal ---

const FILE = { kind: 'file', live: true } as const;

/**
 * sitemap.xml: every listed page with its `lastModified` — one urlset, or, above 50,000 URLs or 50 MB, an index of
 * parts. Each part is lazy (a streaming build renders it as the writer takes it, holding one part's text at a
 * time) and depends on one digest of its pages' paths and dates: a live edit that changes no URL and no `lastmod`
 * (a body, a title) re-renders none of them; one that does re-renders its part and the index.
 */
function planSitemaps(planned: readonly PlannedDocument[], config: ResolvedConfig, maxUrls: number): PlannedDocument[] {
  const parts: PlannedDocument[][] = [[]];
  let bytes = SITEMAP_FRAME_BYTES;
  const urls = sitemapUrls(config.siteUrl);
  const urlOf = (page: PlannedDocument): SitemapUrl => {
    let url = urls.get(page.path);
    if (url === undefined) {
      const loc = siteUrlOf(config.siteUrl, encodePath(page.path));
      url = { loc, bytes: sitemapUrlBytes(loc) };
      urls.set(page.path, url);
    }
    return url;
  };
  const locOf = (page: PlannedDocument) => urlOf(page).loc;
  for (const page of planned) {
    if (!isSitemapPage(page)) continue;
    const size = urlOf(page).bytes;
    let part = parts.at(-1) as PlannedDocument[];
    if (part.length === maxUrls || bytes + size > SITEMAP_MAX_BYTES) {
      part = [];
      parts.push(part);
      bytes = SITEMAP_FRAME_BYTES;
    }
    part.push(page);
    bytes += size;
  }
  const urlset = (pages: readonly PlannedDocument[]) => () =>
    renderSitemap(
      pages.map((page): SitemapEntry => ({ loc: locOf(page), lastmod: lastmodOf(page) })),
      config.timeZone,
    );
  // A loop, not Math.max(...): 50,000 arguments would overflow the stack.
  const newest = (pages: readonly PlannedDocument[]) => new Date(pages.reduce((max, p) => Math.max(max, lastmodOf(p).getTime()), 0));
  if (parts.length === 1) {
    const pages = parts[0] as PlannedDocument[];
    return [
      { ...FILE, path: SITEMAP_PATH, contentType: CONTENT_TYPES.xml, lastModified: newest(pages), deps: [digest(pages)], lazy: true, render: urlset(pages) },
    ];
  }
  const entries = parts.map((pages, index) => ({ path: sitemapPartPath(index + 1), pages, key: digest(pages), lastmod: newest(pages) }));
  const index: PlannedDocument = {
    ...FILE,
    path: SITEMAP_PATH,
    contentType: CONTENT_TYPES.xml,
    lastModified: new Date(Math.max(...entries.map((e) => e.lastmod.getTime()))),
    deps: entries.flatMap((e) => [e.path, e.lastmod.getTime()]),
    lazy: false,
    render: () =>
      renderSitemapIndex(
        entries.map((e) => ({ loc: siteUrlOf(config.siteUrl, e.path), lastmod: e.lastmod })),
        config.timeZone,
      ),
  };
  const partDocs = entries.map(
    (e): PlannedDocument => ({
      ...FILE,
      path: e.path,
      contentType: CONTENT_TYPES.xml,
      lastModified: e.lastmod,
      deps: [e.key],
      lazy: true,
      render: urlset(e.pages),
    }),
  );
  return [index, ...partDocs];
}

/**
 * sitemap-news.xml: the articles of the 48 hours before `now`. Its deps are those very articles (an edit elsewhere,
 * or of an article older than two days, leaves it as it was); one aging out changes the list, and a live site
 * rebuilds at that instant (site-builder.ts `nextDue`).
 */
function planNewsSitemap(feedSet: FeedSet, config: ResolvedConfig, now: Date): PlannedDocument {
  const { articles } = newsWindow(feedSet.articles, now);
  // From its articles only (the site's newest date would tie it to every edit); the epoch when it lists none.
  const lastModified = new Date(articles.reduce((max, a) => Math.max(max, a.updated.getTime()), 0));
  // Lazy: a streaming build then needs none of their bodies (an eager entry's article deps get theirs).
  return {
    ...FILE,
    path: NEWS_SITEMAP_PATH,
    contentType: CONTENT_TYPES.xml,
    lastModified,
    deps: [...articles],
    lazy: true,
    render: () => renderNewsSitemap(articles, config),
  };
}

/** robots.txt: the same text as long as the site's URL is the same; dated like the site (never the clock). */
function planRobots(config: ResolvedConfig, sitemapPaths: readonly string[], lastModified: Date): PlannedDocument {
  const body = renderRobots(sitemapPaths.map((path) => siteUrlOf(config.siteUrl, path)));
  return { ...FILE, path: ROBOTS_PATH, contentType: CONTENT_TYPES.text, lastModified, deps: [body], lazy: false, render: () => body };
}

/** feeds.opml: every feed planned, once (its RSS file), with the page it mirrors when pages are written. */
function planOpml(planned: readonly PlannedDocument[], feedSet: FeedSet, config: ResolvedConfig, pages: boolean): PlannedDocument {
  const feeds = planned.flatMap((doc) =>
    doc.outline === undefined
      ? []
      : [
          {
            title: doc.outline.title,
            xmlUrl: siteUrlOf(config.siteUrl, encodePath(doc.path)),
            ...(doc.contentType === CONTENT_TYPES.rss ? {} : { rss: false as const }),
            ...(pages ? { htmlUrl: siteUrlOf(config.siteUrl, encodePath(feedPagePath(doc.outline.feedPath))) } : {}),
          },
        ],
  );
  const body = renderOpml(config.title, config.language, feeds);
  return { ...FILE, path: OPML_PATH, contentType: CONTENT_TYPES.opml, lastModified: feedSet.main.updated, deps: [body], lazy: false, render: () => body };
}

/** A page's URL in the sitemap and its `<url>` line's size. */
interface SitemapUrl {
  readonly loc: string;
  readonly bytes: number;
}

/**
 * The sitemap URLs of the last siteUrl planned, by page path: a live site plans every page again at each edit, and
 * its URL (encoded, escaped, measured) is the same as long as its path is. Cleared past a bound (paths of pages long
 * gone accumulate otherwise).
 */
let urlCache: { readonly siteUrl: string; readonly urls: Map<string, SitemapUrl> } | undefined;
const MAX_CACHED_URLS = 250_000;

function sitemapUrls(siteUrl: string): Map<string, SitemapUrl> {
  if (urlCache === undefined || urlCache.siteUrl !== siteUrl || urlCache.urls.size > MAX_CACHED_URLS) urlCache = { siteUrl, urls: new Map() };
  return urlCache.urls;
}

/** A page's sitemap `lastmod`: when its content changed as its articles say (not when this site first served it). */
function lastmodOf(page: PlannedDocument): Date {
  return page.contentDate ?? page.lastModified;
}

/** One string standing for the paths and dates of `pages`: the same pages and dates, the same string. */
function digest(pages: readonly PlannedDocument[]): string {
  // One update of one string: a native call per page costs more than the hashing (a part holds up to 50,000 pages).
  let text = '';
  for (const page of pages) text += `${page.path}\n${lastmodOf(page).getTime()}\n`;
  return createHash('sha256').update(text).digest('base64url');
}
