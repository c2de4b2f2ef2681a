// render: the list of the site's feeds as OPML 2.0 (http://opml.org/spec2.opml, "subscription lists"): one
// `outline type="rss"` per feed, so a reader subscribes to every feed of the site at once.
import { escapeXml } from '../_lib/escape-markup.ts';

/** One feed of the list. */
export interface OpmlFeed {
  /** The feed's title, as its RSS `<title>`. */
  readonly title: string;
  /** Absolute URL of its file (RSS, or Atom for a feed Gazette writes in Atom only: corrections.xml). */
  readonly xmlUrl: string;
  /** `false` for an Atom feed: `version="RSS2"` is said of RSS files only (§2.3 lists no value for Atom). */
  readonly rss?: false;
  /** Absolute URL of the page it mirrors; absent when the site writes no pages. */
  readonly htmlUrl?: string;
}

/** The OPML document: `head/title` the site's title, then the feeds in the given order. */
export function renderOpml(title: string, language: string, feeds: readonly OpmlFeed[]): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<opml version="2.0">', `<head><title>${escapeXml(title)}</title></head>`, '<body>'];
  for (const feed of feeds) {
    const text = escapeXml(feed.title);
    const html = feed.htmlUrl === undefined ? '' : ` htmlUrl="${escapeXml(feed.htmlUrl)}"`;
    // §2.3 "Subscription lists": type, text, xmlUrl required; title, htmlUrl, language and version optional.
    lines.push(
      `<outline type="rss"${feed.rss === false ? '' : ' version="RSS2"'} text="${text}" title="${text}" language="${escapeXml(language)}" xmlUrl="${escapeXml(feed.xmlUrl)}"${html}/>`,
    );
  }
  lines.push('</body>', '</opml>', '');
  return lines.join('\n');
}
