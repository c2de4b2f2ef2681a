import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/article/article.ts';
import { ARCHIVE_PAGE_SIZE, groupArchiveMonths } from '../../src/render/archive-months.ts';
import { makeArticle } from '../helpers/factories.ts';
import { casesOf } from '../helpers/cases.ts';

/** Articles at these instants, newest first as a feed set lists them. */
function articlesAt(...instants: string[]): Article[] {
  return instants.map((at, i) => makeArticle({ date: new Date(at), updated: new Date(at) }, i + 1)).sort((a, b) => b.date.getTime() - a.date.getTime());
}

describe('groupArchiveMonths', () => {
  const zonedMonths = casesOf('render/archive-months', 'zoned months', 'string', 'string', 'string');
  it.each(zonedMonths)('puts an article of %s in %s in the month %s', (at, timeZone, key) => {
    expect(groupArchiveMonths(articlesAt(at), timeZone).map((m) => m.key)).toEqual([key]);
  });

  it('lists the months newest first, each with its articles oldest first', () => {
    const articles = articlesAt('2024-11-20T10:00:00Z', '2024-09-02T10:00:00Z', '2024-11-02T10:00:00Z', '2023-11-15T10:00:00Z');
    const months = groupArchiveMonths(articles, 'Europe/Paris');
    expect(months.map((m) => [m.key, m.year, m.month, m.pages.map((p) => p.map((a) => a.date.toISOString().slice(0, 10)))])).toEqual([
      ['2024-11', 2024, 11, [['2024-11-02', '2024-11-20']]],
      ['2024-09', 2024, 9, [['2024-09-02']]],
      ['2023-11', 2023, 11, [['2023-11-15']]],
    ]);
  });

  it.each([
    [1, [1]],
    [ARCHIVE_PAGE_SIZE, [ARCHIVE_PAGE_SIZE]],
    [ARCHIVE_PAGE_SIZE + 1, [ARCHIVE_PAGE_SIZE, 1]],
    [2 * ARCHIVE_PAGE_SIZE + 3, [ARCHIVE_PAGE_SIZE, ARCHIVE_PAGE_SIZE, 3]],
  ])('cuts a month of %i articles into pages of %j, full from the oldest', (count, sizes) => {
    const start = Date.UTC(2024, 10, 1, 8);
    const articles = Array.from({ length: count }, (_, i) => makeArticle({ date: new Date(start + i * 60_000) }, i + 1)).reverse();
    const [month] = groupArchiveMonths(articles, 'Europe/Paris');
    expect([month?.pages.map((p) => p.length), month?.pages[0]?.[0]?.date.getTime()]).toEqual([sizes, start]);
  });

  it('gives no month for no article', () => {
    expect(groupArchiveMonths([], 'Europe/Paris')).toEqual([]);
  });
});
