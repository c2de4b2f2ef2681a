// render: the shape of a rendered document and the content types Gazette serves.
import { FEED_FORMATS, HTML_MEDIA_TYPE, withCharset } from '../_lib/feed-formats.ts';
import type { Diagnostic } from '../diagnostics.ts';

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
  /** `false` for a document of the static output only, which the live site does not serve; absent otherwise. */
  readonly live?: false;
  /** What rendering had to say (a feed cut to fit `maxFeedBytes`), reported with the document's lint findings. */
  readonly notes?: readonly Diagnostic[];
}

export const CONTENT_TYPES = {
  rss: withCharset(FEED_FORMATS.rss.mediaType),
  atom: withCharset(FEED_FORMATS.atom.mediaType),
  json: withCharset(FEED_FORMATS.json.mediaType),
  html: withCharset(HTML_MEDIA_TYPE),
  /** Sitemaps and sitemap indexes (sitemaps.org: "application/xml" or "text/xml"). */
  xml: withCharset('application/xml'),
  /** robots.txt (RFC 9309 §2.3: "text/plain"). */
  text: withCharset('text/plain'),
  /** OPML has no registered type; `text/x-opml` is what readers and opml.org use. */
  opml: withCharset('text/x-opml'),
} as const;
