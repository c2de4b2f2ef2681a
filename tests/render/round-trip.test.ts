// Round trip: render every format, parse with three independent parsers, compare with the Article.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/article/article.ts';
import { buildFeedSet } from '../../src/feed-set/build-feed-set.ts';
import { lintFeed } from '../../src/lint/lint-feed.ts';
import { renderAtom } from '../../src/render/atom.ts';
import { categoriesUrl } from '../../src/_lib/site-paths.ts';
import { renderJsonFeed } from '../../src/render/json-feed.ts';
import { renderRss } from '../../src/render/rss.ts';
import { makeConfig } from '../helpers/factories.ts';
import { BLIND_SPOTS, findXmlError, parseWithAll, type FeedFormat, type ParsedFeed, type ParsedItem, type ParserName } from '../helpers/parsers.ts';
import { makeHostileCorpus } from './hostile-corpus.ts';

const config = makeConfig({ hub: 'https://hub.example.org/', limit: 100 });
const corpus = makeHostileCorpus();
const feedSet = buildFeedSet(corpus, config);
const RENDERERS = { rss: renderRss, atom: renderAtom, json: renderJsonFeed } as const;
const PARSERS: Record<FeedFormat, ParserName[]> = {
  rss: ['rss-parser', 'feedsmith', 'feed-extractor'],
  atom: ['rss-parser', 'feedsmith', 'feed-extractor'],
  json: ['json-parse', 'feedsmith'],
};
const FIELDS = [
  'id',
  'title',
  'link',
  'published',
  'updated',
  'categories',
  'categoryTerms',
  'categorySchemes',
  'authors',
  'contentHtml',
  'summary',
  'image',
] as const satisfies readonly (keyof ParsedItem)[];

describe.each(['rss', 'atom', 'json'] as const)('the %s round trip', (format) => {
  const document = RENDERERS[format](feedSet.main, config);
  let parsed: ParsedFeed[];
  beforeAll(async () => {
    parsed = await parseWithAll(document, format);
  });

  it(format === 'json' ? 'is valid JSON' : 'is well-formed XML 1.0 to a strict parser', () => {
    if (format === 'json') expect(() => JSON.parse(document)).not.toThrow();
    else expect(findXmlError(document)).toBeUndefined();
  });

  it('holds none of the control characters of the records', () => {
    expect(document).not.toMatch(/[\u0001\u000B]/);
  });

  const byParser = (name: ParserName): ParsedFeed => parsed.find((p) => p.parser === name)!;

  it('covers every field with at least one parser', () => {
    const uncovered = FIELDS.filter((f) => PARSERS[format].every((p) => BLIND_SPOTS[p][format]?.[f] !== undefined));
    const notInFormat = format === 'rss' ? ['updated', 'categoryTerms'] : format === 'json' ? ['categoryTerms', 'categorySchemes'] : [];
    expect(uncovered).toEqual(notInFormat);
  });

  describe.each(PARSERS[format])('when read by %s', (parser) => {
    it('lists every article, newest first', () => {
      expect(byParser(parser).items.map((i) => i.id)).toEqual(feedSet.main.articles.map((a) => a.guid));
    });

    const checked = FIELDS.filter((f) => BLIND_SPOTS[parser][format]?.[f] === undefined);
    it.each(checked)('gives back each article’s %s', (field) => {
      const actual = byParser(parser).items.map((i) => comparable(i[field]));
      const expected = feedSet.main.articles.map((a) => comparable(expectedField(a, field, format)));
      expect(actual).toEqual(expected);
    });
  });
});

// Each author feed of the corpus (hostile names, co-authors, an author with an e-mail and a URL), read back the same way.
describe.each(['rss', 'atom', 'json'] as const)('the %s round trip of the author feeds', (format) => {
  const feeds = feedSet.authors.map((feed) => ({ feed, document: RENDERERS[format](feed, config) }));
  const parsed = new Map<string, ParsedFeed[]>();
  beforeAll(async () => {
    for (const { feed, document } of feeds) parsed.set(feed.path, await parseWithAll(document, format));
  });

  it('lints without an error (the hostile corpus draws warnings of its own)', () => {
    const errors = feeds.flatMap(({ feed, document }) =>
      lintFeed({ path: `${feed.path}/feed.${format}`, body: document, format, now: new Date('2024-12-02T00:00:00Z') }).filter((d) => d.severity === 'error'),
    );
    expect(errors).toEqual([]);
  });

  it('has several authors, one of them co-signing with others', () => {
    expect([feeds.length > 3, feeds.some(({ feed }) => feed.articles.some((a) => a.authors.length > 1))]).toEqual([true, true]);
  });

  it.each(PARSERS[format])('gives back, read by %s, each feed’s title and its articles’ fields, newest first', (parser) => {
    const checked = FIELDS.filter((f) => BLIND_SPOTS[parser][format]?.[f] === undefined);
    const read = feeds.map(({ feed }) => {
      const one = parsed.get(feed.path)?.find((p) => p.parser === parser);
      return { title: one?.title, items: one?.items.map((i) => checked.map((field) => comparable(i[field]))) };
    });
    const expected = feeds.map(({ feed }) => ({
      title: feed.title,
      items: feed.articles.map((a) => checked.map((field) => comparable(expectedField(a, field, format)))),
    }));
    expect(read).toEqual(expected);
  });
});

// --- internal ---

/** What a correct parser must read back for `field` of `article` in `format`. */
function expectedField(article: Article, field: (typeof FIELDS)[number], format: FeedFormat): unknown {
  switch (field) {
    case 'id':
      return article.guid;
    case 'title':
      return stripForbidden(article.title);
    case 'link':
      return article.link;
    case 'published':
      return article.date;
    case 'updated':
      return article.updated;
    case 'categories':
      return article.categories.map((c) => c.name);
    // Atom: the display name is the term too (readers built on ROME or gofeed show only the term).
    case 'categoryTerms':
      return article.categories.map((c) => c.name);
    // RSS `domain`: the categories page; Atom `scheme`: the category's own page, so its identity rests on the slug.
    case 'categorySchemes':
      return article.categories.map((c) => (format === 'atom' ? `${categoriesUrl(config)}${c.slug}/` : categoriesUrl(config)));
    // Every format names the site author in an item without authors of its own: in Atom too, since no reader of
    // tests/interop applies RFC 4287's inheritance of the feed-level author.
    case 'authors':
      return article.authors.length > 0 ? article.authors.map((a) => a.name) : [config.author.name];
    case 'contentHtml':
      return stripForbidden(article.html);
    case 'summary':
      return stripForbidden(article.summary);
    case 'image':
      return expectedImage(article, format);
  }
}

/**
 * The enclosure carries the file's length (0 in RSS when unknown, none in Atom); the caption and credit travel in
 * Media RSS or, in JSON Feed, in the `_gazette` extension, as the writer gave them (the renderers drop controls).
 */
function expectedImage(article: Article, format: FeedFormat): unknown {
  const image = article.image;
  if (!image) return null;
  const text = (value: string | undefined) => (value === undefined ? undefined : stripForbidden(value));
  return {
    url: image.url,
    type: format === 'json' ? undefined : 'image/jpeg',
    length: format === 'json' ? undefined : format === 'rss' ? (image.length ?? 0) : image.length,
    width: image.width,
    height: image.height,
    caption: text(image.caption),
    credit: text(image.credit),
  };
}

/** Dates compare as the same instant to the second; everything else as is. */
function comparable(value: unknown): unknown {
  return value instanceof Date ? Math.floor(value.getTime() / 1000) : value;
}

/** XML 1.0 forbids C0 controls other than tab, LF, CR: the renderers drop them. */
function stripForbidden(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
}
