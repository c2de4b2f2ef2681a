// render: FeedDefinition → Atom 1.0 document text (RFC 4287, https://www.rfc-editor.org/rfc/rfc4287).
import type { ResolvedConfig } from '../config/config-schema.ts';
import type { FeedDefinition } from '../feed-set/feed-set.ts';
import { renderWithinBudget, type BudgetedFeed } from './feed-budget.ts';
import { writeAtom1 } from './feed-package.ts';
import { toFeedItems, toFeedOptions, toMediaImages } from './to-feed-item.ts';

/** Renders `feed` as an Atom 1.0 document with xml:lang, self/alternate links and a feed-level author, within `maxFeedBytes`. */
export function renderAtom(feed: FeedDefinition, config: ResolvedConfig): string {
  return renderAtomWithinBudget(feed, config).body;
}

/** {@link renderAtom}, saying what the size budget cost (feed-budget.ts). */
export function renderAtomWithinBudget(feed: FeedDefinition, config: ResolvedConfig): BudgetedFeed {
  return renderWithinBudget(feed, config.maxFeedBytes, (f) => `${writeAtom1(toFeedOptions(f, config), toFeedItems(f, config, 'atom'), toMediaImages(f))}\n`);
}
