// _lib: the facts about the three feed formats that every step shares — file name, media type, content type, the
// JSON Feed version URL — spelled once (renderers, pages, the HTTP layer, the static writer and the linter read them).

/** The three formats Gazette writes. */
export type FeedFormatName = 'rss' | 'atom' | 'json';

/** Per format: the file name below a feed's path, the media type (RFC 6838) and a name for people. */
export const FEED_FORMATS = {
  rss: { file: 'feed.xml', mediaType: 'application/rss+xml', label: 'RSS' },
  atom: { file: 'atom.xml', mediaType: 'application/atom+xml', label: 'Atom' },
  json: { file: 'feed.json', mediaType: 'application/feed+json', label: 'JSON Feed' },
} as const satisfies Record<FeedFormatName, { file: string; mediaType: string; label: string }>;

/**
 * True when a `Content-Type` names a feed (RSS, Atom, JSON Feed, or the generic XML/JSON types a feed may be served
 * as): what is written compressed, linted and served to any origin. Pages and other files are not.
 */
export function isFeedContentType(contentType: string): boolean {
  return /^application\/(rss\+xml|atom\+xml|feed\+json|json|xml)\b/i.test(contentType);
}

/**
 * True when a `Content-Type` is one of the three feed formats Gazette writes: the WebSub topics (advertised in `Link`,
 * told to the hubs) and what the rate limit counts. Sitemaps and other XML are not.
 */
export function isFeedFormatType(contentType: string): boolean {
  return /^application\/(rss\+xml|atom\+xml|feed\+json)\b/i.test(contentType);
}

/** True for an output file name of a feed (`feed.xml`, `categories/x/atom.xml`, `feed.json`): a WebSub topic. */
export function isFeedFileName(name: string): boolean {
  const file = name.slice(name.lastIndexOf('/') + 1);
  return file === FEED_FORMATS.rss.file || file === FEED_FORMATS.atom.file || file === FEED_FORMATS.json.file;
}

/** Media type of the HTML pages. */
export const HTML_MEDIA_TYPE = 'text/html';

/** A `Content-Type` header value: every Gazette document is UTF-8. */
export function withCharset<T extends string>(mediaType: T): `${T}; charset=utf-8` {
  return `${mediaType}; charset=utf-8`;
}

/** The `version` of a JSON Feed 1.1 document (https://www.jsonfeed.org/version/1.1/). */
export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';
