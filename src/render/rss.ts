// render: FeedDefinition → RSS 2.0 document text (https://www.rssboard.org/rss-specification).
import type { ResolvedConfig } from '../config/config-schema.ts';
import type { FeedDefinition } from '../feed-set/feed-set.ts';
import { renderWithinBudget, type BudgetedFeed } from './feed-budget.ts';
import { writeRss2 } from './feed-package.ts';
import { toFeedItems, toFeedOptions, toMediaImages } from './to-feed-item.ts';

/** Renders `feed` as an RSS 2.0 document with atom:link self, content:encoded and dc:creator, within `maxFeedBytes`. */
export function renderRss(feed: FeedDefinition, config: ResolvedConfig): string {
  return renderRssWithinBudget(feed, config).body;
}

/** {@link renderRss}, saying what the size budget cost (feed-budget.ts). */
export function renderRssWithinBudget(feed: FeedDefinition, config: ResolvedConfig): BudgetedFeed {
  return renderWithinBudget(feed, config.maxFeedBytes, (f) => `${writeRss2(toFeedOptions(f, config), toFeedItems(f, config, 'rss'), toMediaImages(f))}\n`);
}
