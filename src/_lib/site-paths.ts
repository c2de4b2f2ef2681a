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

/** A feed's path prefix (FeedDefinition.path): `''` for the main feed, `/categories/<slug>` for a category. */
export function categoryFeedPath(slug: string): string {
  return `${CATEGORIES_PATH}${slug}`;
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
  return new URL(`${siteUrl.replace(/\/+$/, '')}/`).pathname.replace(/\/$/, '');
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

/** The URL of an article page: `siteUrl/articles/<slug>/`. */
export function articleUrl(siteUrl: string, slug: string): string {
  return siteUrlOf(siteUrl, articlePath(slug));
}

/**
 * True for a path in Gazette's namespaces: the front page, the main feed's three files and everything below
 * `/categories/` and `/articles/`. The router waits for a build on these and hands every other path to the host.
 * A document type at a new place (a root file, a new folder) is added here.
 */
export function isSitePath(path: string): boolean {
  return path === HOME_PATH || ROOT_FILES.has(path) || SITE_FOLDERS.some((folder) => path.startsWith(folder));
}

/** `../../` for `/categories/societe` or `/articles/x/`: one step up per path segment, from a page to the root. */
export function rootOf(path: string): string {
  const depth = path.split('/').filter(Boolean).length;
  return '../'.repeat(depth);
}

/**
 * A site path as an href from the site root, always a folder: `/categories/societe` → `categories/societe/`, `/` →
 * `''`. Each segment is encoded so a hand-written slug with a space or `?` still makes one path segment.
 */
export function relativePath(path: string): string {
  const trimmed = path.replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return '';
  return `${trimmed
    .split('/')
    .map((s) => encodeURIComponent(decodeSafely(s)))
    .join('/')}/`;
}

// --- internal ---

function decodeSafely(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Documents at the root besides the front page. */
const ROOT_FILES: ReadonlySet<string> = new Set(Object.values(FEED_FILES).map((file) => `/${file}`));

/** Folders whose every path is Gazette's. */
const SITE_FOLDERS: readonly string[] = [CATEGORIES_PATH, ARTICLES_PATH];
