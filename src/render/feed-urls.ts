// render: the public URLs of one feed (its three formats and its HTML page), from siteUrl alone.
import { FEED_FORMATS } from '../_lib/feed-formats.ts';
import type { ResolvedConfig } from '../config/config-schema.ts';
import type { FeedDefinition } from '../feed-set/feed-set.ts';

/** Absolute URLs of a feed's documents. */
export interface FeedUrls {
  /** The HTML page the feed mirrors: `siteUrl/` or `siteUrl/categories/<slug>/`. */
  readonly html: string;
  readonly rss: string;
  readonly atom: string;
  readonly json: string;
}

/** File names of the three formats below a feed's path. */
export const FEED_FILES = {
  rss: FEED_FORMATS.rss.file,
  atom: FEED_FORMATS.atom.file,
  json: FEED_FORMATS.json.file,
} as const;

/** URLs of `feed` under `config.siteUrl` (which carries any mount path). */
export function feedUrls(feed: Pick<FeedDefinition, 'path'>, config: Pick<ResolvedConfig, 'siteUrl'>): FeedUrls {
  const base = `${config.siteUrl}${feed.path}`;
  return {
    html: `${base}/`,
    rss: `${base}/${FEED_FILES.rss}`,
    atom: `${base}/${FEED_FILES.atom}`,
    json: `${base}/${FEED_FILES.json}`,
  };
}

/** URL of the page listing every category: the RSS category `domain`, and the prefix of each Atom category `scheme`. */
export function categoriesUrl(config: Pick<ResolvedConfig, 'siteUrl'>): string {
  return `${config.siteUrl}/categories/`;
}

/** URL path of an article page below the site root: `/articles/<slug>/` (slugs are ASCII, see article/slug.ts). */
export function articlePath(slug: string): string {
  return `/articles/${slug}/`;
}
