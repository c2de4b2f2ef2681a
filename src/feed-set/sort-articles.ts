// feed-set: the one article order every feed and page uses — newest first, ties broken by id.
import type { Article } from '../article/article.ts';

/** Returns a new array of `articles`, newest `date` first, equal dates ordered by `id` (code-unit order); stable. */
export function sortArticles(articles: readonly Article[]): Article[] {
  if (!Array.isArray(articles)) throw new TypeError('sortArticles: articles must be an array');
  // Each article's date read once (a comparator calling getTime() on both sides reads it ~2 log n times); ties fall
  // back to the id, then to input order (Array.prototype.sort is stable, ES2019).
  const keyed = articles.map((article) => ({ article, time: validTime(article) }));
  keyed.sort(compareKeyed);
  return keyed.map((k) => k.article);
}

// --- internal ---

function validTime(article: Article): number {
  const time = article.date instanceof Date ? article.date.getTime() : Number.NaN;
  if (Number.isNaN(time)) throw new TypeError(`sortArticles: article ${article.id} has an invalid date`);
  return time;
}

function compareKeyed(a: { article: Article; time: number }, b: { article: Article; time: number }): number {
  const byDate = b.time - a.time;
  if (byDate !== 0) return byDate;
  // Code-unit order, not localeCompare: the same on every machine and ICU version.
  const x = a.article.id;
  const y = b.article.id;
  return x < y ? -1 : x > y ? 1 : 0;
}
