// _lib: the URL layout of a Gazette site — every path and URL of the site is built here and nowhere else (records,
// the feed set, the renderers, the life cycle, the router and the CLI all read it).
//
// A path is below the site root and starts with `/`: `/`, `/feed.xml`, `/categories/societe/atom.xml`,
// `/articles/<slug>/`. Pages are folders (trailing slash), so the server answers them with it. A URL is `siteUrl`
// (which carries any mount path, `https://x.org/actu`) followed by a path.
import { FEED_FORMATS, type FeedFormatName } from './feed-formats.ts';

/** File names of the three formats below a feed's path. */
export const FEED_FILES = {
  rss: FEED_FORMATS.rss.file,
  atom: FEED_FORMATS.atom.file,
  json: FEED_FORMATS.json.file,
} as const;

/** The front page. */
export const HOME_PATH = '/';

/** Folder of the category pages and feeds; also the RSS category `domain` and Atom category `scheme` prefix. */
export const CATEGORIES_PATH = '/categories/';

/** Folder of the article pages. */
export const ARTICLES_PATH = '/articles/';

/** The site-wide Atom feed of correction notes (render/corrections-feed.ts). */
export const CORRECTIONS_FEED_PATH = '/corrections.xml';

/** The sitemap (sitemaps.org 0.9): a `urlset`, or a sitemap index of {@link sitemapPartPath} parts when too large. */
export const SITEMAP_PATH = '/sitemap.xml';

/** The Google News sitemap: the articles of the last 48 hours. */
export const NEWS_SITEMAP_PATH = '/sitemap-news.xml';

/** Rules for crawlers, naming the sitemaps (robotstxt.org; RFC 9309). */
export const ROBOTS_PATH = '/robots.txt';

/** The list of every feed (OPML 2.0), for readers that subscribe to a whole site at once. */
export const OPML_PATH = '/feeds.opml';

/** Path of part `n` (from 1) of a sitemap split into a sitemap index: `/sitemap-1.xml`. */
export function sitemapPartPath(n: number): string {
  return `/sitemap-${n}.xml`;
}

/** True for the path of a part of a split sitemap (`/sitemap-1.xml`…). */
export function isSitemapPartPath(path: string): boolean {
  return SITEMAP_PART.test(path);
}

/** Folder of the author pages and feeds. */
export const AUTHORS_PATH = '/authors/';

/** Folder of the archive: its index lists the months, each month page lists that month's articles. */
export const ARCHIVES_PATH = '/archives/';

/** The French 404 page (`404.html` in the static output, named by nginx's `error_page 404`). */
export const NOT_FOUND_PATH = '/404.html';

/**
 * Path of a month of the archive: `/archives/2024/11/`, and `/archives/2024/11/page/2/` for the second page of a
 * month too long for one (pages numbered from the oldest, so a page never changes when a newer article arrives).
 */
export function archiveMonthPath(year: number, month: number, page = 1): string {
  const base = `${ARCHIVES_PATH}${String(year).padStart(4, '0')}/${String(month).padStart(2, '0')}/`;
  return page === 1 ? base : `${base}page/${page}/`;
}

/** A feed's path prefix (FeedDefinition.path): `''` for the main feed, `/categories/<slug>` for a category. */
export function categoryFeedPath(slug: string): string {
  return `${CATEGORIES_PATH}${slug}`;
}

/** An author feed's path prefix (FeedDefinition.path): `/authors/<slug>`, its page `/authors/<slug>/`. */
export function authorFeedPath(slug: string): string {
  return `${AUTHORS_PATH}${slug}`;
}

/** Path of one format of a feed: `/feed.xml`, `/categories/societe/atom.xml`. */
export function feedFilePath(feedPath: string, format: FeedFormatName): string {
  return `${feedPath}/${FEED_FILES[format]}`;
}

/** Path of the HTML page a feed mirrors: `/` for the main feed, `/categories/<slug>/`. */
export function feedPagePath(feedPath: string): string {
  return `${feedPath}/`;
}

/** Path of an article page: `/articles/<slug>/` (slugs are ASCII, see article/slug.ts). */
export function articlePath(slug: string): string {
  return `${ARTICLES_PATH}${slug}/`;
}

/** The absolute URL of a site path: `siteUrl` (no trailing slash, any mount path included) + path. */
export function siteUrlOf(siteUrl: string, path: string): string {
  return `${siteUrl}${path}`;
}

/** The path of `siteUrl`, where the site's root is: `''` for `https://x.org`, `/actu` for `https://x.org/actu`. */
export function basePathOf(siteUrl: string): string {
  return partsOf(siteUrl).basePath;
}

/**
 * The root-relative URL of a site path (encoded, see {@link encodePath}), as pages link to the site's own documents: `/categories/societe/`, or
 * `/actu/categories/societe/` for `https://x.org/actu`. It works on any host and behind any proxy that keeps the
 * path (a local preview of a site whose siteUrl is not live yet); feeds, canonical links and structured data use the
 * absolute {@link siteUrlOf}.
 */
export function rootRelativeUrl(siteUrl: string, path: string): string {
  return `${partsOf(siteUrl).basePath}${encodePath(path)}`;
}

/**
 * A URL as a page writes it: root-relative when it is on the site's origin (`https://x.org/photos/a.jpg` →
 * `/photos/a.jpg`: an image or page of the site itself), unchanged otherwise. `url` is serialised as `new URL().href`
 * writes it (lower-case host, no default port), as article/ leaves every URL.
 */
export function pageUrlOf(url: string, siteUrl: string): string {
  const { origin } = partsOf(siteUrl);
  return url.startsWith(`${origin}/`) ? url.slice(origin.length) : url;
}

/** Absolute URLs of a feed's documents. */
export interface FeedUrls {
  /** The HTML page the feed mirrors: `siteUrl/` or `siteUrl/categories/<slug>/`. */
  readonly html: string;
  readonly rss: string;
  readonly atom: string;
  readonly json: string;
}

/** URLs of the feed at `feed.path` under `config.siteUrl` (which carries any mount path). */
export function feedUrls(feed: { readonly path: string }, config: { readonly siteUrl: string }): FeedUrls {
  const url = (path: string) => siteUrlOf(config.siteUrl, path);
  return {
    html: url(feedPagePath(feed.path)),
    rss: url(feedFilePath(feed.path, 'rss')),
    atom: url(feedFilePath(feed.path, 'atom')),
    json: url(feedFilePath(feed.path, 'json')),
  };
}

/** URL of the page listing every category: the RSS category `domain`, and the prefix of each Atom category `scheme`. */
export function categoriesUrl(config: { readonly siteUrl: string }): string {
  return siteUrlOf(config.siteUrl, CATEGORIES_PATH);
}

/** The absolute URL of the corrections feed: `siteUrl/corrections.xml`. */
export function correctionsFeedUrl(siteUrl: string): string {
  return siteUrlOf(siteUrl, CORRECTIONS_FEED_PATH);
}

/** The URL of an article page: `siteUrl/articles/<slug>/`. */
export function articleUrl(siteUrl: string, slug: string): string {
  return siteUrlOf(siteUrl, articlePath(slug));
}

/**
 * True for a path in Gazette's namespaces: the front page, the main feed's three files, the site's other root files
 * (`/404.html`, the sitemaps, robots.txt, feeds.opml, corrections.xml) and everything below `/categories/`,
 * `/articles/`, `/authors/` and `/archives/`. The router waits for a build on these and hands every other path to the host.
 * A document type at a new place (a root file, a new folder) is added here.
 */
export function isSitePath(path: string): boolean {
  return path === HOME_PATH || ROOT_FILES.has(path) || isSitemapPartPath(path) || SITE_FOLDERS.some((folder) => path.startsWith(folder));
}

/**
 * A site path with each segment percent-encoded once (decoded first, so an encoded segment is not encoded twice): a
 * hand-written slug with a space or `?` still makes one segment. `/categories/a b/` → `/categories/a%20b/`.
 */
export function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(decodeSafely(segment)))
    .join('/');
}

// --- internal ---

/** The last siteUrl's origin and base path: pages ask once per link, with the same siteUrl every time. */
let parts: { readonly siteUrl: string; readonly origin: string; readonly basePath: string } | undefined;

function partsOf(siteUrl: string): { readonly origin: string; readonly basePath: string } {
  if (parts?.siteUrl !== siteUrl) {
    const url = new URL(`${siteUrl.replace(/\/+$/, '')}/`);
    parts = { siteUrl, origin: url.origin, basePath: url.pathname.replace(/\/$/, '') };
  }
  return parts;
}

function decodeSafely(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Documents at the root besides the front page. */
const ROOT_FILES: ReadonlySet<string> = new Set([
  ...Object.values(FEED_FILES).map((file) => `/${file}`),
  CORRECTIONS_FEED_PATH,
  SITEMAP_PATH,
  NEWS_SITEMAP_PATH,
  ROBOTS_PATH,
  OPML_PATH,
  NOT_FOUND_PATH,
]);

/** The parts of a split sitemap, as {@link sitemapPartPath} names them. */
const SITEMAP_PART = /^\/sitemap-[1-9][0-9]*\.xml$/;

/** Folders whose every path is Gazette's. */
const SITE_FOLDERS: readonly string[] = [CATEGORIES_PATH, ARTICLES_PATH, AUTHORS_PATH, ARCHIVES_PATH];
