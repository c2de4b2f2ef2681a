// render: the feed size budget (`maxFeedBytes`, default 1 MiB). Readers and Google News cap a feed at 1–2 MB, and
// 50 long articles in full weigh 3 MB: when a feed's `limit` items in full do not fit, its oldest items are written
// with their summary instead of their content, one by one from the oldest, until it fits; the newest item always
// keeps its content. Still over budget with summaries, the oldest items are left out, and the caller warns.
import type { Article } from '../article/article.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { FeedDefinition } from '../feed-set/feed-set.ts';

/** A feed document written within its budget, and what the budget cost it. */
export interface BudgetedFeed {
  /** The document text. */
  readonly body: string;
  /** Its identity bytes (UTF-8, before any Content-Encoding). */
  readonly bytes: number;
  /** How many of the oldest items carry their summary instead of their content. */
  readonly summarized: number;
  /** How many of the oldest items were left out, the feed being over budget with every older item summarised. */
  readonly dropped: number;
}

/**
 * Renders `feed` with `render` (a pure function of the feed) so that the document holds at most `maxBytes` bytes
 * where it can. A feed that fits costs one render; one that does not, a guess from the size of the bodies (an item
 * summarised saves about its body's bytes) checked by rendering it and its neighbour — three renders when the guess is
 * right — then a binary search if it was not: never one render per item. The size falls as more items are
 * summarised or left out (an item loses its content, never gains text), which is what makes the search exact.
 */
export function renderWithinBudget(feed: FeedDefinition, maxBytes: number, render: (feed: FeedDefinition) => string): BudgetedFeed {
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 1) throw new TypeError(`maxBytes: expected a positive whole number, got ${String(maxBytes)}`);
  const full = measure(render(feed));
  const count = feed.articles.length;
  if (full.bytes <= maxBytes || count <= 1) return { ...full, summarized: 0, dropped: 0 };

  // Summarised: the oldest `k` of the feed's items (1 ≤ k ≤ count − 1).
  const summarizedAt = (k: number) => measure(render({ ...feed, articles: withSummaries(feed.articles, k) }));
  const fewest = smallestFitting(1, count - 1, summarizedAt, maxBytes, guessSummaries(feed.articles, full.bytes - maxBytes));
  if (fewest) return { ...fewest.result, summarized: fewest.n, dropped: 0 };

  // Kept: the newest `m` items, every one but the newest summarised (1 ≤ m ≤ count − 1); as few dropped as fit.
  const keptAt = (m: number) => measure(render({ ...feed, articles: withSummaries(feed.articles.slice(0, m), m - 1) }));
  const most = largestFitting(1, count - 1, keptAt, maxBytes);
  // Even the newest item alone, in full, is over budget: it is still published, and the warning says so.
  const kept = most ?? { n: 1, result: keptAt(1) };
  return { ...kept.result, summarized: kept.n - 1, dropped: count - kept.n };
}

/** The warning of a feed the budget had to cut, naming the document and how to stop it; none otherwise. */
export function budgetDiagnostics(path: string, budgeted: BudgetedFeed, maxBytes: number): Diagnostic[] {
  if (budgeted.dropped === 0 && budgeted.bytes <= maxBytes) return [];
  const over = budgeted.bytes > maxBytes ? `, and is still ${budgeted.bytes} bytes` : '';
  return [
    {
      severity: 'warning',
      file: path,
      code: 'feed-over-budget',
      message:
        `over maxFeedBytes (${maxBytes}) with every older item as its summary: the ${budgeted.dropped} oldest ` +
        `item${budgeted.dropped === 1 ? ' is' : 's are'} left out${over} (raise maxFeedBytes or lower limit)`,
    },
  ];
}

// --- internal ---

/** The articles, newest first, with the oldest `k` reduced to their summary (the renderers then write no content). */
function withSummaries(articles: readonly Article[], k: number): Article[] {
  const keep = articles.length - k;
  return articles.map((article, i) => (i < keep ? article : { ...article, html: '' }));
}

function measure(body: string): { body: string; bytes: number } {
  return { body, bytes: Buffer.byteLength(body, 'utf8') };
}

type Measured = { body: string; bytes: number };

/** How many of the oldest items to summarise to save `excess` bytes, if each saves its body's UTF-8 bytes. */
function guessSummaries(articles: readonly Article[], excess: number): number {
  let saved = 0;
  for (let k = 1; k < articles.length; k += 1) {
    saved += Buffer.byteLength(articles[articles.length - k]!.html, 'utf8');
    if (saved >= excess) return k;
  }
  return articles.length - 1;
}

/**
 * The smallest n in [low, high] whose document fits, given sizes that fall as n grows; undefined if none does.
 * `guess` is tried first with the n below it: when it fits and that one does not, it is the answer.
 */
function smallestFitting(low: number, high: number, at: (n: number) => Measured, max: number, guess: number): { n: number; result: Measured } | undefined {
  let found: { n: number; result: Measured } | undefined;
  const first = at(guess);
  if (first.bytes <= max) {
    found = { n: guess, result: first };
    if (guess === low) return found;
    const below = at(guess - 1);
    if (below.bytes > max) return found;
    found = { n: guess - 1, result: below };
    high = guess - 2;
  } else low = guess + 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const result = at(mid);
    if (result.bytes <= max) {
      found = { n: mid, result };
      high = mid - 1;
    } else low = mid + 1;
  }
  return found;
}

/** The largest n in [low, high] whose document fits, given sizes that grow with n; undefined if none does. */
function largestFitting(low: number, high: number, at: (n: number) => Measured, max: number): { n: number; result: Measured } | undefined {
  let found: { n: number; result: Measured } | undefined;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const result = at(mid);
    if (result.bytes <= max) {
      found = { n: mid, result };
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}
