import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/article/article.ts';
import { buildFeedSet } from '../../src/feed-set/build-feed-set.ts';
import { makeArticle, makeConfig } from '../helpers/factories.ts';

const INTL = { slug: 'international', name: 'International' };
const SOC = { slug: 'societe', name: 'Société' };
const ECO = { slug: 'economie', name: 'Économie' };
const day = (d: number) => new Date(Date.UTC(2024, 10, d, 9, 0, 0));

describe('buildFeedSet', () => {
  describe('the main feed', () => {
    it('keeps the newest `limit` published articles, newest first', () => {
      const articles = [1, 5, 3, 4, 2].map((d) => makeArticle({ id: `d${d}`, date: day(d) }));
      const { main } = buildFeedSet(articles, makeConfig({ limit: 3 }));
      expect(main.articles.map((a) => a.id)).toEqual(['d5', 'd4', 'd3']);
    });

    it('leaves drafts out', () => {
      const articles = [makeArticle({ id: 'pub', date: day(1) }), makeArticle({ id: 'draft', draft: true, date: day(2) })];
      expect(buildFeedSet(articles, makeConfig()).main.articles.map((a) => a.id)).toEqual(['pub']);
    });

    it('breaks date ties by id so the cut at `limit` is stable', () => {
      const articles = ['c', 'a', 'b'].map((id) => makeArticle({ id, date: day(1) }));
      expect(buildFeedSet(articles, makeConfig({ limit: 2 })).main.articles.map((a) => a.id)).toEqual(['a', 'b']);
    });

    it('takes the site title, description and root path', () => {
      const { main } = buildFeedSet([makeArticle()], makeConfig());
      expect({ path: main.path, title: main.title, description: main.description, category: main.category }).toEqual({
        path: '',
        title: 'Gazette de test',
        description: 'Les dépêches de la rédaction de test.',
        category: undefined,
      });
    });

    it('is updated at the newest `updated` of its articles, even an older article edited later', () => {
      const articles = [makeArticle({ date: day(10) }, 1), makeArticle({ date: day(2), updated: day(20) }, 2)];
      expect(buildFeedSet(articles, makeConfig()).main.updated).toEqual(day(20));
    });

    it('ignores the update of an article beyond `limit`', () => {
      const articles = [makeArticle({ date: day(10) }, 1), makeArticle({ date: day(2), updated: day(20) }, 2)];
      expect(buildFeedSet(articles, makeConfig({ limit: 1 })).main.updated).toEqual(day(10));
    });

    it.each([
      ['2024-01-01', '2024-01-01T00:00:00.000Z'],
      ['2023', '2023-01-01T00:00:00.000Z'],
      ['2022-06', '2022-06-01T00:00:00.000Z'],
    ])('is updated at tagDate %s, midnight UTC, when empty', (tagDate, expected) => {
      const { main } = buildFeedSet([makeArticle({ draft: true })], makeConfig({ tagDate }));
      expect(main.updated.toISOString()).toBe(expected);
    });
  });

  describe('the category feeds', () => {
    it('has one feed per category of the published articles, sorted by slug', () => {
      const articles = [
        makeArticle({ categories: [SOC, INTL] }, 1),
        makeArticle({ categories: [ECO] }, 2),
        makeArticle({ categories: [{ slug: 'sport', name: 'Sport' }], draft: true }, 3),
      ];
      expect(buildFeedSet(articles, makeConfig()).categories.map((f) => f.category?.slug)).toEqual(['economie', 'international', 'societe']);
    });

    it('lists only the articles of the category, newest first, capped at `limit`', () => {
      const articles = [
        makeArticle({ id: 's1', date: day(1), categories: [SOC] }),
        makeArticle({ id: 'i2', date: day(2), categories: [INTL] }),
        makeArticle({ id: 's3', date: day(3), categories: [SOC, INTL] }),
        makeArticle({ id: 's4', date: day(4), categories: [SOC] }),
      ];
      const societe = buildFeedSet(articles, makeConfig({ limit: 2 })).categories.find((f) => f.category?.slug === 'societe');
      expect(societe?.articles.map((a) => a.id)).toEqual(['s4', 's3']);
    });

    it('lives below /categories/<slug>', () => {
      const [feed] = buildFeedSet([makeArticle({ categories: [ECO] })], makeConfig()).categories;
      expect(feed?.path).toBe('/categories/economie');
    });

    it('is titled "<site title> — <category name>"', () => {
      const [feed] = buildFeedSet([makeArticle({ categories: [ECO] })], makeConfig()).categories;
      expect(feed?.title).toBe('Gazette de test — Économie');
    });

    it('prefers the configured label to the spelling in the records', () => {
      const articles = [makeArticle({ categories: [{ slug: 'societe', name: 'SOCIETE' }] })];
      const [feed] = buildFeedSet(articles, makeConfig({ categories: { societe: { label: 'Société' } } })).categories;
      expect(feed?.category).toEqual({ slug: 'societe', name: 'Société' });
    });

    it('takes the configured description', () => {
      const config = makeConfig({ categories: { economie: { description: 'Marchés, entreprises et emploi.' } } });
      const [feed] = buildFeedSet([makeArticle({ categories: [ECO] })], config).categories;
      expect(feed?.description).toBe('Marchés, entreprises et emploi.');
    });

    it('derives a description from the category name and the site description otherwise', () => {
      const [feed] = buildFeedSet([makeArticle({ categories: [ECO] })], makeConfig()).categories;
      expect(feed?.description).toBe('Économie — Les dépêches de la rédaction de test.');
    });

    it('is updated at the newest `updated` of its own articles', () => {
      const articles = [makeArticle({ date: day(1), categories: [ECO] }, 1), makeArticle({ date: day(9), categories: [SOC] }, 2)];
      const eco = buildFeedSet(articles, makeConfig()).categories.find((f) => f.path.endsWith('economie'));
      expect(eco?.updated).toEqual(day(1));
    });
  });

  describe('the author feeds', () => {
    const ZOE = { name: 'Zoé Martin' };
    const MARC = { name: 'Marc Petit' };
    const authorsOf = (articles: Article[], config = makeConfig()) => buildFeedSet(articles, config).authors;

    it('has one feed per author of the published articles, sorted by slug, none for an unsigned article', () => {
      const articles = [
        makeArticle({ authors: [ZOE] }, 1),
        makeArticle({ authors: [MARC, { name: 'Awa Diallo' }] }, 2),
        makeArticle({ authors: [{ name: 'Brouillon Seul' }], draft: true }, 3),
        makeArticle({ authors: [] }, 4),
      ];
      expect(authorsOf(articles).map((f) => f.author?.slug)).toEqual(['awa-diallo', 'marc-petit', 'zoe-martin']);
    });

    it.each([
      ['Zoé Martin', '/authors/zoe-martin'],
      ['Jean-Baptiste Œuvray', '/authors/jean-baptiste-oeuvray'],
      ['Awa N’Diaye', '/authors/awa-n-diaye'],
      ['  ÉLODIE   GARÇON ', '/authors/elodie-garcon'],
    ])('puts the feed of %s below %s (French slugs, as for categories)', (name, path) => {
      expect(authorsOf([makeArticle({ authors: [{ name }] })]).map((f) => f.path)).toEqual([path]);
    });

    it('has no feed for a name that folds to nothing (emoji only)', () => {
      expect(authorsOf([makeArticle({ authors: [{ name: '🦊' }] })])).toEqual([]);
    });

    it('lists only the articles the author signed, co-signed ones included, newest first, capped at `limit`', () => {
      const articles = [
        makeArticle({ id: 'z1', date: day(1), authors: [ZOE] }),
        makeArticle({ id: 'm2', date: day(2), authors: [MARC] }),
        makeArticle({ id: 'zm3', date: day(3), authors: [MARC, ZOE] }),
        makeArticle({ id: 'z4', date: day(4), authors: [ZOE] }),
        makeArticle({ id: 'z5', date: day(5), authors: [ZOE], draft: true }),
      ];
      const feeds = authorsOf(articles, makeConfig({ limit: 2 }));
      expect(feeds.map((f) => [f.author?.slug, f.articles.map((a) => a.id)])).toEqual([
        ['marc-petit', ['zm3', 'm2']],
        ['zoe-martin', ['z4', 'zm3']],
      ]);
    });

    it('breaks date ties by id, so the cut at `limit` is stable', () => {
      const articles = ['c', 'a', 'b'].map((id) => makeArticle({ id, date: day(1), authors: [ZOE] }));
      expect(authorsOf(articles, makeConfig({ limit: 2 }))[0]?.articles.map((a) => a.id)).toEqual(['a', 'b']);
    });

    it('makes two spellings that fold to one slug one author, named as the newest article spells it', () => {
      const articles = [
        makeArticle({ id: 'old', date: day(1), authors: [{ name: 'Zoe MARTIN' }] }),
        makeArticle({ id: 'new', date: day(2), authors: [ZOE] }),
        makeArticle({ id: 'both', date: day(1), authors: [ZOE, { name: 'Zoe Martin' }] }),
      ];
      expect(authorsOf(articles).map((f) => [f.author?.name, f.articles.map((a) => a.id)])).toEqual([['Zoé Martin', ['new', 'both', 'old']]]);
    });

    it('gives the author the newest URL their articles give', () => {
      const articles = [
        makeArticle({ date: day(1), authors: [{ name: 'Zoé Martin', url: 'https://example.org/ancien' }] }, 1),
        makeArticle({ date: day(2), authors: [{ name: 'Zoé Martin', url: 'https://example.org/equipe/zoe' }] }, 2),
        makeArticle({ date: day(3), authors: [ZOE] }, 3),
      ];
      expect(authorsOf(articles)[0]?.author).toEqual({ slug: 'zoe-martin', name: 'Zoé Martin', url: 'https://example.org/equipe/zoe' });
    });

    it('is titled "<site title> — <name>", described as the articles signed by the author, with no category', () => {
      const [feed] = authorsOf([makeArticle({ authors: [ZOE] })]);
      expect({ title: feed?.title, description: feed?.description, category: feed?.category }).toEqual({
        title: 'Gazette de test — Zoé Martin',
        description: 'Articles signés Zoé Martin — Les dépêches de la rédaction de test.',
        category: undefined,
      });
    });

    it('is updated at the newest `updated` of its own articles', () => {
      const articles = [makeArticle({ date: day(1), updated: day(3), authors: [ZOE] }, 1), makeArticle({ date: day(9), authors: [MARC] }, 2)];
      expect(authorsOf(articles).map((f) => [f.author?.slug, f.updated])).toEqual([
        ['marc-petit', day(9)],
        ['zoe-martin', day(3)],
      ]);
    });
  });

  describe('the article list', () => {
    it('holds every published article, beyond `limit`, newest first', () => {
      const articles = [1, 3, 2].map((d) => makeArticle({ id: `d${d}`, date: day(d) }));
      articles.push(makeArticle({ id: 'draft', draft: true }));
      expect(buildFeedSet(articles, makeConfig({ limit: 1 })).articles.map((a) => a.id)).toEqual(['d3', 'd2', 'd1']);
    });
  });

  it('gives equal feed sets for the same articles in another order', () => {
    const articles = [1, 2, 3, 4].map((d) => makeArticle({ date: day(d % 2), categories: d % 2 ? [SOC] : [ECO, SOC] }, d));
    expect(buildFeedSet([...articles].reverse(), makeConfig())).toEqual(buildFeedSet(articles, makeConfig()));
  });
});
