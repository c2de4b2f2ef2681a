import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/article/article.ts';
import { ARCHIVE_PAGE_SIZE, groupArchiveMonths } from '../../src/render/archive-months.ts';
import { makeArticle } from '../helpers/factories.ts';

/** Articles at these instants, newest first as a feed set lists them. */
function articlesAt(...instants: string[]): Article[] {
  return instants.map((at, i) => makeArticle({ date: new Date(at), updated: new Date(at) }, i + 1)).sort((a, b) => b.date.getTime() - a.date.getTime());
}

describe('groupArchiveMonths', () => {
  it.each([
    // Wall-clock month in the site's zone: 23:30 UTC on 31 October is already November in Paris, not in New York.
    ['2024-10-31T23:30:00Z', 'Europe/Paris', '2024-11'],
    ['2024-10-31T23:30:00Z', 'America/New_York', '2024-10'],
    ['2024-10-31T23:30:00Z', 'UTC', '2024-10'],
    // Summer time: 22:30 UTC on 31 March is 00:30 on 1 April in Paris (UTC+2).
    ['2024-03-31T22:30:00Z', 'Europe/Paris', '2024-04'],
    ['2024-12-31T23:00:00Z', 'Europe/Paris', '2025-01'],
    ['2024-01-01T04:00:00Z', 'Pacific/Honolulu', '2023-12'],
  ])('puts an article of %s in %s in the month %s', (at, timeZone, key) => {
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
