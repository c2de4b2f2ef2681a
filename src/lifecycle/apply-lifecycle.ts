// lifecycle: one build's articles + the ledger + now → what to publish, what waits, the new ledger, the redirects.
// The order matters (scheduled articles are not published yet, so they never enter the ledger), so it lives here once.
import type { Article } from '../article/article.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { applyLedger, type Redirect } from './apply-ledger.ts';
import type { Ledger } from './ledger.ts';
import { splitScheduled, type ScheduledArticle } from './schedule.ts';

/** Input of {@link applyLifecycle}. */
export interface LifecycleInput {
  /** Every valid article of this build (drafts included), after duplicate ids and slugs were rejected. */
  readonly articles: readonly Article[];
  /** The ledger as read (`readLedger`). */
  readonly ledger: Ledger;
  /** Instant of this build. */
  readonly now: Date;
  /** True for previews (`--future`): scheduled articles are published too, but never recorded in the ledger. */
  readonly future: boolean;
  /** True when Gazette serves article pages (config `pages`). */
  readonly pages: boolean;
  /** The ledger's path as messages show it. */
  readonly file?: string;
  /** The site's address, left out of content hashes. */
  readonly siteUrl?: string;
}

/** Output of {@link applyLifecycle}. */
export interface LifecycleResult {
  /** The articles to hand to the feed set, in input order (drafts included: the feed set leaves them out). */
  readonly articles: Article[];
  /** Articles held back until their date, soonest first (empty with `future`). */
  readonly scheduled: ScheduledArticle[];
  /** When the live site must rebuild next to publish the soonest scheduled article. */
  readonly nextDue: Date | undefined;
  /** The ledger to write back (`writeLedger`), never with a preview's scheduled articles in it. */
  readonly ledger: Ledger;
  /** Former page paths → current ones. */
  readonly redirects: Redirect[];
  /** Warnings of the ledger (moved pages, removed articles, kept ids). */
  readonly diagnostics: Diagnostic[];
}

/**
 * Sets scheduled articles aside, then applies the ledger to what is published now (see `applyLedger`).
 * With `future`, scheduled articles are published as they are, outside the ledger, so a preview changes no history.
 */
export function applyLifecycle(input: LifecycleInput): LifecycleResult {
  if (typeof input?.future !== 'boolean') throw new TypeError('applyLifecycle: future must be a boolean');
  const due = splitScheduled(input.articles, input.now, { future: false });
  const applied = applyLedger({
    articles: due.published,
    ledger: input.ledger,
    now: input.now,
    pages: input.pages,
    ...(input.file === undefined ? {} : { file: input.file }),
    ...(input.siteUrl === undefined ? {} : { siteUrl: input.siteUrl }),
  });
  if (!input.future) {
    return { ...applied, scheduled: due.scheduled, nextDue: due.nextDue };
  }
  const held = new Set(due.scheduled.map((s) => s.article));
  const ledgered = new Map(due.published.map((a, i) => [a, applied.articles[i]!]));
  return {
    ...applied,
    articles: input.articles.map((a) => (held.has(a) ? a : ledgered.get(a)!)),
    scheduled: [],
    nextDue: undefined,
  };
}
