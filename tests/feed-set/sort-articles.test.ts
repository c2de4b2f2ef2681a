import { describe, expect, it } from 'vitest';
import { sortArticles } from '../../src/feed-set/sort-articles.ts';
import { makeArticle } from '../helpers/factories.ts';

const at = (iso: string) => new Date(iso);

describe('sortArticles', () => {
  it.each([
    // [case, [id, date] rows in input order, expected id order]
    [
      'newest date first',
      [
        ['a', '2024-01-01T00:00:00Z'],
        ['b', '2024-06-01T00:00:00Z'],
        ['c', '2024-03-01T00:00:00Z'],
      ],
      ['b', 'c', 'a'],
    ],
    [
      'equal instants written in different zones are a tie',
      [
        ['b', '2024-11-22T00:00:00+01:00'],
        ['a', '2024-11-21T23:00:00Z'],
      ],
      ['a', 'b'],
    ],
    [
      'ties by id in code-unit order, upper case before lower case',
      [
        ['b', '2024-01-01T00:00:00Z'],
        ['a', '2024-01-01T00:00:00Z'],
        ['B', '2024-01-01T00:00:00Z'],
      ],
      ['B', 'a', 'b'],
    ],
    [
      'ties by id in code-unit order, accents after ASCII',
      [
        ['é', '2024-01-01T00:00:00Z'],
        ['f', '2024-01-01T00:00:00Z'],
        ['e', '2024-01-01T00:00:00Z'],
      ],
      ['e', 'f', 'é'],
    ],
    [
      'a second apart is not a tie',
      [
        ['a', '2024-01-01T00:00:00Z'],
        ['b', '2024-01-01T00:00:01Z'],
      ],
      ['b', 'a'],
    ],
  ] as const)('orders %s', (_, rows, expected) => {
    const articles = rows.map(([id, date]) => makeArticle({ id, date: at(date) }));
    expect(sortArticles(articles).map((a) => a.id)).toEqual(expected);
  });

  it('keeps the input order of articles with the same date and id (stable)', () => {
    const first = makeArticle({ id: 'same', date: at('2024-01-01T00:00:00Z'), title: 'premier' });
    const second = makeArticle({ id: 'same', date: at('2024-01-01T00:00:00Z'), title: 'second' });
    expect(sortArticles([first, second]).map((a) => a.title)).toEqual(['premier', 'second']);
  });

  it('gives the same order whatever the input order', () => {
    const articles = Array.from({ length: 12 }, (_, i) => makeArticle({ id: `x${i % 5}-${i}`, date: at(`2024-0${(i % 3) + 1}-01T00:00:00Z`) }));
    expect(sortArticles([...articles].reverse())).toEqual(sortArticles(articles));
  });

  it('leaves its input untouched', () => {
    const articles = [makeArticle({ date: at('2024-01-01T00:00:00Z') }, 1), makeArticle({ date: at('2024-02-01T00:00:00Z') }, 2)];
    const before = [...articles];
    sortArticles(articles);
    expect(articles).toEqual(before);
  });

  describe('when misused', () => {
    it('throws a TypeError for an invalid date', () => {
      expect(() => sortArticles([makeArticle({ date: new Date(Number.NaN) })])).toThrow(TypeError);
    });

    it('throws a TypeError for a non-array', () => {
      expect(() => sortArticles('articles' as never)).toThrow(TypeError);
    });
  });
});
