// lifecycle: Article[] + now → what is published now and what waits for its date (scheduled publication).
import type { Article } from '../article/article.ts';

/** One article held back until its date. */
export interface ScheduledArticle {
  readonly article: Article;
  /** When it goes live: its `date`. */
  readonly due: Date;
}

/** Options of {@link splitScheduled}. */
export interface ScheduleOptions {
  /** True (previews, `--future`): publish future-dated articles now, so nothing is scheduled. */
  readonly future: boolean;
}

/** Output of {@link splitScheduled}. */
export interface ScheduleSplit {
  /** Every article that is not scheduled, in input order (drafts stay here: the feed set leaves them out). */
  readonly published: Article[];
  /** Non-draft articles dated after `now`, soonest first (ties by id). */
  readonly scheduled: ScheduledArticle[];
  /** The soonest `due`: when a live site must rebuild next; undefined when nothing is scheduled. */
  readonly nextDue: Date | undefined;
}

/**
 * Sets aside the articles dated after `now`: they are in no feed, page or sitemap until then. An article dated
 * exactly `now` is published. A draft is never scheduled (it is not published at any date).
 */
export function splitScheduled(articles: readonly Article[], now: Date, options: ScheduleOptions): ScheduleSplit {
  if (!Array.isArray(articles)) throw new TypeError('splitScheduled: articles must be an array of Article');
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new TypeError('splitScheduled: now must be a valid Date');
  if (typeof options?.future !== 'boolean') throw new TypeError('splitScheduled: options.future must be a boolean');
  const published: Article[] = [];
  const scheduled: ScheduledArticle[] = [];
  const at = now.getTime();
  for (const article of articles) {
    if (!options.future && !article.draft && article.date.getTime() > at) scheduled.push({ article, due: article.date });
    else published.push(article);
  }
  scheduled.sort((a, b) => a.due.getTime() - b.due.getTime() || (a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0));
  return { published, scheduled, nextDue: scheduled[0]?.due };
}

/** The longest delay `setTimeout` honours (2^31 − 1 ms, about 24.8 days); a longer one fires at once. */
export const MAX_TIMER_DELAY = 2 ** 31 - 1;

/**
 * Milliseconds a live site should wait before rebuilding for `due` (`nextDue` of the last build): 0 when it is
 * already due, at most {@link MAX_TIMER_DELAY} (Node fires a longer timer at once, which would rebuild in a loop;
 * the early rebuild simply finds the article still scheduled and arms the next timer). Undefined when nothing is due.
 */
export function delayUntil(due: Date | undefined, now: Date): number | undefined {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new TypeError('delayUntil: now must be a valid Date');
  if (due === undefined) return undefined;
  if (!(due instanceof Date) || Number.isNaN(due.getTime())) throw new TypeError('delayUntil: due must be a valid Date or undefined');
  return Math.min(Math.max(due.getTime() - now.getTime(), 0), MAX_TIMER_DELAY);
}
