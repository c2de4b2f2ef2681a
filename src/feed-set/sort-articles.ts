// feed-set: the one article order every feed and page uses — newest first, ties broken by id.
import type { Article } from '../article/article.ts';

/** Returns a new array of `articles`, newest `date` first, equal dates ordered by `id` (code-unit order); stable. */
export function sortArticles(articles: readonly Article[]): Article[] {
  if (!Array.isArray(articles)) throw new TypeError('sortArticles: articles must be an array');
  for (const a of articles) {
    if (!(a.date instanceof Date) || Number.isNaN(a.date.getTime())) {
      throw new TypeError(`sortArticles: article ${a.id} has an invalid date`);
    }
  }
  // Array.prototype.sort is stable (ES2019), so equal date+id keeps input order.
  return [...articles].sort(compareArticles);
}

// --- internal ---

function compareArticles(a: Article, b: Article): number {
  const byDate = b.date.getTime() - a.date.getTime();
  if (byDate !== 0) return byDate;
  // Code-unit order, not localeCompare: the same on every machine and ICU version.
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
