import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/article/article.ts';
import { authorPagePath, authorSlugsOf, findAuthorSpellings } from '../../src/feed-set/group-authors.ts';
import { sortArticles } from '../../src/feed-set/sort-articles.ts';
import { casesOf } from '../helpers/cases.ts';
import { makeArticle } from '../helpers/factories.ts';

const day = (d: number) => new Date(Date.UTC(2024, 10, d, 9, 0, 0));

/** An article by these authors, `d` days into November 2024, its `author` field on line 4 of its record. */
function by(id: string, d: number, ...names: string[]): Article {
  return makeArticle({ id, date: day(d), authors: names.map((name) => ({ name })), file: `items/${id}.md`, lines: { author: 4 } });
}

describe('authorPagePath', () => {
  it.each(casesOf('feed-set/group-authors', 'authorPagePath', 'string', 'string|undefined'))('puts the page of %s at %s', (name, expected) => {
    expect(authorPagePath(name)).toBe(expected);
  });
});

describe('authorSlugsOf', () => {
  it('gives each author of an article once, in record order, without names that fold to nothing', () => {
    expect(authorSlugsOf(by('a', 1, 'Marc Petit', 'Zoé Martin', '🦊', 'ZOE MARTIN'))).toEqual(['marc-petit', 'zoe-martin']);
  });
});

describe('findAuthorSpellings', () => {
  it('is silent when every record spells each author one way', () => {
    expect(findAuthorSpellings(sortArticles([by('a', 1, 'Zoé Martin'), by('b', 2, 'Zoé Martin', 'Marc Petit'), by('c', 3, 'Marc Petit')]))).toEqual([]);
  });

  it('names both spellings, at the line of the record that spells the author otherwise, with the page they share', () => {
    const warnings = findAuthorSpellings(sortArticles([by('ancien', 1, 'Zoe Martin'), by('recent', 2, 'Zoé Martin')]));
    expect(warnings).toEqual([
      {
        severity: 'warning',
        file: 'items/ancien.md',
        line: 4,
        field: 'author',
        code: 'author-spelling',
        message: '"Zoe Martin" and "Zoé Martin" (items/recent.md) fold to one author, /authors/zoe-martin/, named "Zoé Martin" there: write the name one way',
      },
    ]);
  });

  it.each([
    [
      'once per other spelling, at its newest record',
      [by('a', 3, 'Zoé Martin'), by('b', 2, 'Zoe Martin'), by('c', 1, 'Zoe Martin'), by('d', 1, 'ZOÉ MARTIN')],
      ['b', 'd'],
    ],
    ['for two spellings in one record', [by('a', 1, 'Zoé Martin', 'Zoe Martin')], ['a']],
    ['for each author apart', [by('a', 2, 'Zoé Martin', 'Marc Petit'), by('b', 1, 'Zoe Martin', 'marc petit')], ['b', 'b']],
  ])('warns %s', (_label, articles, files) => {
    expect(findAuthorSpellings(sortArticles(articles)).map((d) => d.file)).toEqual(files.map((id) => `items/${id}.md`));
  });
});
