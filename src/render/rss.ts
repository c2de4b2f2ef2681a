// render: FeedDefinition → RSS 2.0 document text (https://www.rssboard.org/rss-specification).
import type { ResolvedConfig } from '../config/config-schema.ts';
import type { FeedDefinition } from '../feed-set/feed-set.ts';
import { renderFeedXml } from './to-feed-item.ts';

const DC_NS = 'xmlns:dc="http://purl.org/dc/elements/1.1/"';

/** Renders `feed` as an RSS 2.0 document with atom:link self, content:encoded and dc:creator. */
export function renderRss(feed: FeedDefinition, config: ResolvedConfig): string {
  const xml = renderFeedXml(feed, config, 'rss');
  // `feed` declares xmlns:dc only when some item has content:encoded; dc:creator needs it regardless.
  if (xml.includes(DC_NS)) return `${xml}\n`;
  return `${xml.replace('<rss version="2.0"', `<rss version="2.0" ${DC_NS}`)}\n`;
}
