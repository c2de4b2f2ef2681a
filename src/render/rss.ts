// render: FeedDefinition → RSS 2.0 document text (https://www.rssboard.org/rss-specification).
import type { ResolvedConfig } from '../config/config-schema.ts';
import type { FeedDefinition } from '../feed-set/feed-set.ts';
import { writeRss2 } from './feed-package.ts';
import { toFeedItems, toFeedOptions, toMediaImages } from './to-feed-item.ts';

/** Renders `feed` as an RSS 2.0 document with atom:link self, content:encoded and dc:creator. */
export function renderRss(feed: FeedDefinition, config: ResolvedConfig): string {
  return `${writeRss2(toFeedOptions(feed, config), toFeedItems(feed, config, 'rss'), toMediaImages(feed))}\n`;
}
