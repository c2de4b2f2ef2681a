// lifecycle: Ledger → when each document last changed (its Last-Modified): from the ledger's times, never the clock.
import type { Article } from '../article/article.ts';
import type { Ledger, LedgerEntry } from './ledger.ts';

/** The Last-Modified of the documents of one build. */
export interface DocumentTimes {
  /**
   * A feed or listing page that shows `articles`: the newest of `fallback` (the feed's `updated`), every article's
   * own time (see {@link DocumentTimes.ofArticle}) and the ledger's newest removal or move.
   */
  ofList(articles: readonly Article[], fallback: Date): Date;
  /** An article's page: the newest of its `updated` and the ledger's first publication, correction, return and move of it. */
  ofArticle(article: Article): Date;
}

/**
 * The times of a build's documents, from its articles and the ledger as this build applied it (undefined: no
 * ledger, and each document takes the newest `updated` it shows, as the feed dates do).
 *
 * RFC 9110 §8.8.2 and §13.1.3: a client that revalidates with If-Modified-Since alone is told 304 when Last-Modified
 * is not later than its date, so Last-Modified must move whenever the bytes do. An article's dates do not: an
 * article dated before the newest one, added now, or an article deleted, changes a feed whose newest `updated` stays.
 * The ledger does: it records when each article was first published (now, for one added now whatever its date),
 * corrected, published again, moved (a new date or new categories) and removed. A list's time is the newest of those
 * for what it shows, and the newest departure of the site: a removal or a move (the ledger does not know which lists
 * an article left, so every list counts it: the cost is a 200 instead of a 304 for an If-Modified-Since-only client
 * of a list it did not leave, once). Nothing comes
 * from this process's clock, so every instance with the same records and ledger sends the same dates.
 */
export function documentTimes(ledger: Ledger | undefined): DocumentTimes {
  if (ledger === undefined) {
    return {
      ofList: (articles, fallback) =>
        newest(
          fallback,
          articles.map((a) => a.updated),
        ),
      ofArticle: (article) => article.updated,
    };
  }
  let removal = Number.NEGATIVE_INFINITY;
  for (const entry of ledger.values()) {
    if (entry.removed !== undefined) removal = Math.max(removal, entry.removed.getTime());
    if (entry.moved !== undefined) removal = Math.max(removal, entry.moved.getTime());
  }
  const ofArticle = (article: Article): Date => {
    const entry = ledger.get(article.id);
    if (entry === undefined) return article.updated;
    // Articles and ledger entries are immutable, and an unchanged one is the same object build after build: its
    // time is worked out once (a rebuild of a 10,000-article site asks for every article page's).
    const known = ARTICLE_TIMES.get(article);
    if (known?.entry === entry) return known.time;
    const time = newest(article.updated, [entry.published, entry.updated, entry.restored, entry.moved]);
    ARTICLE_TIMES.set(article, { entry, time });
    return time;
  };
  return {
    ofArticle,
    ofList(articles, fallback) {
      let time = Math.max(fallback.getTime(), removal);
      for (const article of articles) time = Math.max(time, ofArticle(article).getTime());
      return new Date(time);
    },
  };
}

// --- internal ---

const ARTICLE_TIMES = new WeakMap<Article, { readonly entry: LedgerEntry; readonly time: Date }>();

function newest(first: Date, others: readonly (Date | undefined)[]): Date {
  let time = first.getTime();
  for (const date of others) if (date !== undefined && date.getTime() > time) time = date.getTime();
  return time === first.getTime() ? first : new Date(time);
}
