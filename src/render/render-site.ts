// render: FeedSet → every document of the site (three feed formats per feed, HTML pages), as text.
import { FEED_FORMATS, HTML_MEDIA_TYPE, withCharset } from '../_lib/feed-formats.ts';
import type { ResolvedConfig } from '../config/config-schema.ts';
import type { FeedDefinition, FeedSet } from '../feed-set/feed-set.ts';
import { renderAtom } from './atom.ts';
import { articlePath, FEED_FILES } from './feed-urls.ts';
import { renderArticlePage, renderCategoryPage, renderIndexPage } from './html.ts';
import { renderJsonFeed } from './json-feed.ts';
import { renderRss } from './rss.ts';

/** One rendered document at its URL path, before encoding. */
export interface RenderedDocument {
  /** URL path below the site root: `/feed.xml`, `/categories/societe/atom.xml`, `/`, `/articles/<slug>/`. */
  readonly path: string;
  /** Full header value with charset, e.g. `application/rss+xml; charset=utf-8`. */
  readonly contentType: string;
  /** The document text (UTF-8 on the wire). */
  readonly body: string;
  /** When the content last changed: the newest article it shows (never the clock). */
  readonly lastModified: Date;
}

export const CONTENT_TYPES = {
  rss: withCharset(FEED_FORMATS.rss.mediaType),
  atom: withCharset(FEED_FORMATS.atom.mediaType),
  json: withCharset(FEED_FORMATS.json.mediaType),
  html: withCharset(HTML_MEDIA_TYPE),
} as const;

/** Renders every feed in RSS, Atom and JSON Feed, and every HTML page, in a stable order. */
export function renderSite(feedSet: FeedSet, config: ResolvedConfig): RenderedDocument[] {
  const documents: RenderedDocument[] = [];
  for (const feed of [feedSet.main, ...feedSet.categories]) documents.push(...renderFeedDocuments(feed, config));

  documents.push({ path: '/', contentType: CONTENT_TYPES.html, body: renderIndexPage(feedSet, config), lastModified: feedSet.main.updated });
  for (const feed of feedSet.categories) {
    documents.push({
      path: `${feed.path}/`,
      contentType: CONTENT_TYPES.html,
      body: renderCategoryPage(feed, feedSet, config),
      lastModified: feed.updated,
    });
  }
  for (const article of feedSet.articles) {
    documents.push({
      path: articlePath(article.slug),
      contentType: CONTENT_TYPES.html,
      body: renderArticlePage(article, feedSet, config),
      lastModified: article.updated,
    });
  }
  return documents;
}

// --- internal ---

function renderFeedDocuments(feed: FeedDefinition, config: ResolvedConfig): RenderedDocument[] {
  const at = (file: string) => `${feed.path}/${file}`;
  return [
    { path: at(FEED_FILES.rss), contentType: CONTENT_TYPES.rss, body: renderRss(feed, config), lastModified: feed.updated },
    { path: at(FEED_FILES.atom), contentType: CONTENT_TYPES.atom, body: renderAtom(feed, config), lastModified: feed.updated },
    { path: at(FEED_FILES.json), contentType: CONTENT_TYPES.json, body: renderJsonFeed(feed, config), lastModified: feed.updated },
  ];
}
