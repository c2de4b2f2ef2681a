// render: published articles → the months of the archive, each with its articles oldest first, cut into pages
// numbered from the oldest (so that a new article only ever changes the last page of its month).
import type { Article } from '../article/article.ts';
import { zonedYearMonth } from './french-date-format.ts';

/** Most articles on one page of a month: a month past it is cut into pages numbered from its oldest article. */
export const ARCHIVE_PAGE_SIZE = 500;

/** One month of the archive. */
export interface ArchiveMonth {
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  /** `2024-11`: the same text for the same month, compared by value in the plan's deps. */
  readonly key: string;
  /** The month's pages, oldest first; each holds its articles oldest first (at most {@link ARCHIVE_PAGE_SIZE}). */
  readonly pages: readonly (readonly Article[])[];
}

/**
 * The months of `articles` (a feed set's list, newest first), newest month first. An article's month is its
 * publication date's wall-clock month in `timeZone` (an article of 23:30 UTC on 31 October is a November one in
 * Paris), as the French date its page shows.
 */
export function groupArchiveMonths(articles: readonly Article[], timeZone: string): ArchiveMonth[] {
  const byKey = new Map<string, { year: number; month: number; articles: Article[] }>();
  // Oldest first: the order of every month's list, and of its pages.
  for (let i = articles.length - 1; i >= 0; i -= 1) {
    const article = articles[i] as Article;
    const { year, month, key } = monthOf(article, timeZone);
    let group = byKey.get(key);
    if (group === undefined) {
      group = { year, month, articles: [] };
      byKey.set(key, group);
    }
    group.articles.push(article);
  }
  const months = [...byKey].map(([key, { year, month, articles: list }]) => ({ year, month, key, pages: pagesOf(list) }));
  return months.sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0));
}

// --- internal ---

/** An unchanged article is the same object from build to build: its month is worked out once per time zone. */
const months = new WeakMap<Article, ArticleMonth>();

interface ArticleMonth {
  readonly timeZone: string;
  readonly year: number;
  readonly month: number;
  readonly key: string;
}

function monthOf(article: Article, timeZone: string): ArticleMonth {
  const known = months.get(article);
  if (known?.timeZone === timeZone) return known;
  const { year, month } = zonedYearMonth(article.date, timeZone);
  const found = { timeZone, year, month, key: `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}` };
  months.set(article, found);
  return found;
}

function pagesOf(articles: readonly Article[]): (readonly Article[])[] {
  const pages: (readonly Article[])[] = [];
  for (let start = 0; start < articles.length; start += ARCHIVE_PAGE_SIZE) pages.push(articles.slice(start, start + ARCHIVE_PAGE_SIZE));
  return pages;
}
