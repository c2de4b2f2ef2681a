import { describe, expect, it } from 'vitest';
import { compactCopy, ownString } from '../../src/site/compact-article.ts';

describe('ownString', () => {
  it.each([
    ['an empty string', ''],
    ['ASCII', 'rennes-n-13035-le-conseil'],
    ['Latin-1 accents', 'Société, Économie'],
    ['a typographic apostrophe (two-byte)', 'l’Assemblée nationale'],
    ['a lone surrogate', 'a\ud800b'],
    ['an astral character', 'météo 🌧'],
    ['a slice of a longer text', 'title: Bordeaux (n° 1187) : la chambre\nbody…'.slice(7, 38)],
  ])('gives back the very characters of %s', (_, text) => {
    expect(ownString(text)).toBe(text);
  });
});

describe('compactCopy', () => {
  const date = new Date('2025-11-22T10:00:00Z');
  const article = {
    id: 'a',
    date,
    updated: new Date(date.getTime()),
    categories: [{ slug: 'societe', name: 'Société' }],
    corrections: [],
    image: undefined,
    draft: false,
    lines: { date: 3 },
  };

  it('copies every value equal to the original', () => {
    expect(compactCopy(article)).toEqual(article);
  });

  it('holds one Date for two equal instants of one object, and a new Date, not the original', () => {
    const copy = compactCopy(article);
    expect(copy.updated).toBe(copy.date);
    expect(copy.date).not.toBe(date);
  });

  it('keeps two Dates for two different instants', () => {
    const copy = compactCopy({ ...article, updated: new Date('2025-11-23T10:00:00Z') });
    expect(copy.updated.toISOString()).toBe('2025-11-23T10:00:00.000Z');
    expect(copy.date.toISOString()).toBe('2025-11-22T10:00:00.000Z');
  });

  it('shares one frozen empty list among copies', () => {
    const [a, b] = [compactCopy(article), compactCopy({ ...article, id: 'b' })];
    expect(a.corrections).toBe(b.corrections);
    expect(Object.isFrozen(a.corrections)).toBe(true);
  });
});
