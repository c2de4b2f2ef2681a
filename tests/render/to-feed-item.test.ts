// Direct tests of the Article → `feed` Item mapping: which field goes where, per format, and every fallback.
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/article/article.ts';
import { GENERATOR, toFeedItem, toFeedItems, toFeedOptions, type XmlFormat } from '../../src/render/to-feed-item.ts';
import { makeArticle, makeConfig, makeImage } from '../helpers/factories.ts';

const FALLBACK = 'https://example.org/categories/societe/';
const config = makeConfig();
const itemOf = (overrides: Partial<Article>, format: XmlFormat) => toFeedItem(makeArticle(overrides), config, format, FALLBACK);
const feedOf = (articles: readonly Article[] = []) => ({
  path: '',
  title: 'R&D',
  description: 'Les dépêches',
  category: undefined,
  articles,
  updated: new Date('2024-11-22T10:00:00Z'),
});

describe('toFeedOptions', () => {
  it('names the feed, its links and its fixed generator', () => {
    const options = toFeedOptions(feedOf(), config);
    expect({ ...options, updated: undefined }).toEqual({
      title: 'R&amp;D',
      description: 'Les dépêches',
      id: 'https://example.org/atom.xml',
      link: 'https://example.org/',
      language: 'fr-FR',
      ttl: 5,
      copyright: '© Gazette de test',
      updated: undefined,
      generator: GENERATOR,
      feedLinks: { rss: 'https://example.org/feed.xml', atom: 'https://example.org/atom.xml' },
      author: { name: 'Rédaction', email: 'redaction@example.org' },
    });
  });

  // RSS <ttl> is the max-age of the feeds' Cache-Control in minutes, rounded up; none when there is no positive one.
  it.each([
    ['public, max-age=300', 5],
    ['public, max-age=301', 6],
    ['max-age=30, must-revalidate', 1],
    ['public, MAX-AGE="3600"', 60],
    ['public, s-maxage=600', undefined],
    ['no-cache', undefined],
    ['public, max-age=0', undefined],
  ])('writes a ttl for Cache-Control %j of %j minutes', (cacheControl, ttl) => {
    expect(toFeedOptions(feedOf(), { ...config, cacheControl }).ttl).toBe(ttl);
  });

  it('passes the first hub to feed and the others beside it', () => {
    const hubs = ['https://hub.example.org/', 'https://websub.example.net/', 'https://third.example.com/'];
    const options = toFeedOptions(feedOf(), { ...config, hub: hubs });
    expect([options.hub, options.moreHubs]).toEqual([hubs[0], hubs.slice(1)]);
  });

  it('passes a copy of the feed date, never the clock', () => {
    const feed = feedOf();
    const { updated } = toFeedOptions(feed, config);
    expect([updated?.getTime(), updated === feed.updated]).toEqual([feed.updated.getTime(), false]);
  });

  it.each([
    [
      'a valid hub and author URL',
      { hub: ['https://hub.example.org/'], author: { name: 'A', url: 'https://example.org/a' } },
      'https://hub.example.org/',
      'https://example.org/a',
    ],
    ['unparsable ones', { hub: ['https://exa mple.org/'], author: { name: 'A', url: 'http://[::1' } }, undefined, undefined],
  ])('keeps %s only when new URL() accepts them', (_, overrides, hub, link) => {
    const options = toFeedOptions(feedOf(), { ...config, ...overrides } as typeof config);
    expect([options.hub, options.author?.link]).toEqual([hub, link]);
  });

  it('throws a TypeError for an invalid feed date', () => {
    expect(() => toFeedOptions({ ...feedOf(), updated: new Date(Number.NaN) }, config)).toThrow(/feed\.updated/);
  });
});

describe('toFeedItem', () => {
  describe.each(['rss', 'atom'] as const)('in %s', (format) => {
    it('takes the link, id, guid and both dates from the article', () => {
      const date = new Date('2024-11-20T08:00:00Z');
      const updated = new Date('2024-11-21T09:00:00Z');
      const item = itemOf({ id: 'x/y', date, updated, link: 'https://example.org/articles/y/' }, format);
      expect([item.link, item.id, item.guid, item.published, item.date]).toEqual([
        'https://example.org/articles/y/',
        'tag:example.org,2024-01-01:x/y',
        'tag:example.org,2024-01-01:x/y',
        date,
        updated,
      ]);
    });

    it('falls back to the feed page for an unparsable link, and to the link for an id new URL() refuses', () => {
      const item = itemOf({ link: 'https://exa mple.org/', guid: 'pas une URL' }, format);
      expect([item.link, item.id, item.guid]).toEqual([FALLBACK, FALLBACK, 'pas une URL']);
    });

    // `feed` writes title and content in CDATA: each `]]>` is broken by a marker feed-package.ts turns back into `]]&gt;`.
    it.each([
      ['a title with `]]>`, markup and a control', { title: 'A\u0001 ]]> « é » & <b>' }, 'title', 'A ]]\uFFFF> « é » & <b>'],
      ['a body with `]]>` twice and a control', { html: '<p>x ]]> y ]]> z\u000B</p>' }, 'content', '<p>x ]]\uFFFF> y ]]\uFFFF> z</p>'],
    ] as const)('writes %s as CDATA text', (_, overrides, field, expected) => {
      expect(itemOf(overrides, format)[field]).toBe(expected);
    });

    it('writes no category for an article without one', () => {
      expect(itemOf({ categories: [] }, format).category).toEqual([]);
    });

    it('writes no content for an article without a body', () => {
      expect(itemOf({ html: '' }, format)).not.toHaveProperty('content');
    });

    it.each([
      ['a .jpg image', 'https://example.org/i/a.JPG', 'image/jpeg'],
      ['a .webp image', 'https://example.org/i/a.webp', 'image/webp'],
    ])('attaches %s with its registered type', (_, image, type) => {
      const expected = format === 'rss' ? { url: image, type, length: 0 } : image;
      expect(itemOf({ image: makeImage(image) }, format).image).toEqual(expected);
    });

    it.each([
      ['an .svg file', 'https://example.org/i/a.svg'],
      ['an unparsable URL', 'https://exa mple.org/a.jpg'],
    ])('attaches no image for %s', (_, image) => {
      expect(itemOf({ image: makeImage(image) }, format)).not.toHaveProperty('image');
    });

    it.each(['date', 'updated'] as const)('throws a TypeError naming the article when its %s is invalid', (field) => {
      expect(() => itemOf({ id: 'bad/date', [field]: new Date(Number.NaN) }, format)).toThrow(new RegExp(`article bad/date ${field}`));
    });
  });

  it.each([
    ['rss', 'a summary', { summary: 'R&D <Tech>', html: '<p>x</p>' }, 'R&amp;D &lt;Tech&gt;'],
    ['rss', 'only a body', { summary: '', html: '<p>a ]]> b</p>' }, '<p>a ]]\uFFFF> b</p>'],
    ['rss', 'neither', { summary: '', html: '' }, undefined],
    ['atom', 'a summary', { summary: 'a ]]> b', html: '<p>x</p>' }, 'a ]]\uFFFF> b'],
    ['atom', 'only a body', { summary: '', html: '<p>x</p>' }, undefined],
  ] as const)('gives a %s item with %s the description %j', (format, _, overrides, expected) => {
    expect(itemOf(overrides, format).description).toBe(expected);
  });

  it('writes RSS categories as display names in the categories domain', () => {
    expect(itemOf({ categories: [{ slug: 'r-d', name: 'R&D' }] }, 'rss').category).toEqual([{ name: 'R&amp;D', domain: 'https://example.org/categories/' }]);
  });

  it.each([
    ['its authors', [{ name: 'Zoé & Cie' }, { name: 'Paul' }], ['Zoé &amp; Cie', 'Paul']],
    ['the site author when it has none', [], ['Rédaction']],
  ])('names in RSS dc:creator %s', (_, authors, names) => {
    const item = itemOf({ authors }, 'rss');
    expect([item.extensions?.[0]?.name, item.extensions?.[0]?.objects, item.author]).toEqual(['dc:creator', names.map((n) => ({ _text: n })), undefined]);
  });

  it('drops an author URL that is no http(s) URL, and the controls of the name', () => {
    expect(itemOf({ authors: [{ name: 'Zoé\u0001 ]]>', url: 'javascript:alert(1)' }] }, 'atom').author).toEqual([{ name: 'Zoé ]]>' }]);
  });

  it('writes Atom categories with the display name as term and label, and the category page as scheme', () => {
    expect(itemOf({ categories: [{ slug: 'r-d', name: 'R&D <x>' }] }, 'atom').category).toEqual([
      { term: 'R&D \uFFFEx>', name: 'R&D \uFFFEx>', scheme: 'https://example.org/categories/r-d/' },
    ]);
  });

  it.each([
    [
      'its own authors, with e-mail and URL',
      [{ name: 'Agence', email: 'a@example.org', url: 'https://example.org/a/' }],
      [{ name: 'Agence', email: 'a@example.org', link: 'https://example.org/a/' }],
    ],
    ['the site author when it has none', [], [{ name: 'Rédaction', email: 'redaction@example.org' }]],
  ])('names in an Atom entry %s', (_, authors, expected) => {
    expect(itemOf({ authors }, 'atom').author).toEqual(expected);
  });
});

describe('toFeedItems', () => {
  it('maps every article in order, falling back to the feed page', () => {
    const items = toFeedItems(feedOf([makeArticle({ id: 'a' }), makeArticle({ id: 'b', link: 'bad link' })]), config, 'atom');
    expect(items.map((i) => [i.guid, i.link])).toEqual([
      ['tag:example.org,2024-01-01:a', items[0]!.link],
      ['tag:example.org,2024-01-01:b', 'https://example.org/'],
    ]);
  });

  it('throws a TypeError for an unknown format', () => {
    expect(() => toFeedItems(feedOf(), config, 'json' as XmlFormat)).toThrow(TypeError);
  });
});
