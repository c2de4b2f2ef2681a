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
  // Each article's date read once (a comparator calling getTime() on both sides reads it ~2 log n times); ties fall
  // back to the id, then to input order (Array.prototype.sort is stable, ES2019).
  const keyed = articles.map((article) => ({ article, time: article.date.getTime() }));
  keyed.sort(compareKeyed);
  return keyed.map((k) => k.article);
}

// --- internal ---

function compareKeyed(a: { article: Article; time: number }, b: { article: Article; time: number }): number {
  const byDate = b.time - a.time;
  if (byDate !== 0) return byDate;
  // Code-unit order, not localeCompare: the same on every machine and ICU version.
  const x = a.article.id;
  const y = b.article.id;
  return x < y ? -1 : x > y ? 1 : 0;
}
