// render: FeedDefinition → Atom 1.0 document text (RFC 4287, https://www.rfc-editor.org/rfc/rfc4287).
import type { ResolvedConfig } from '../config/config-schema.ts';
import type { FeedDefinition } from '../feed-set/feed-set.ts';
import { writeAtom1 } from './feed-package.ts';
import { toFeedItems, toFeedOptions, toMediaImages } from './to-feed-item.ts';

/** Renders `feed` as an Atom 1.0 document with xml:lang, self/alternate links and a feed-level author. */
export function renderAtom(feed: FeedDefinition, config: ResolvedConfig): string {
  return `${writeAtom1(toFeedOptions(feed, config), toFeedItems(feed, config, 'atom'), toMediaImages(feed))}\n`;
}
