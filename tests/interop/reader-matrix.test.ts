// Reader matrix: feed readers in Python, C++, Perl, Java and Go read the served feeds of the French corpus and the
// hostile corpus of the render tests; each value is compared with the source articles, as the JavaScript round trip
// (tests/render/round-trip.test.ts) does for the JS parsers.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/article/article.ts';
import { buildFeedSet } from '../../src/feed-set/build-feed-set.ts';
import type { FeedDefinition } from '../../src/feed-set/feed-set.ts';
import { buildSite } from '../../src/index.ts';
import { startServer } from '../../src/serve-site.ts';
import { renderAtom } from '../../src/render/atom.ts';
import { renderRss } from '../../src/render/rss.ts';
import { makeConfig } from '../helpers/factories.ts';
import { decodeEntities } from '../helpers/parsers.ts';
import { makeHostileCorpus } from '../render/hostile-corpus.ts';
import { requireClient } from './clients.ts';
import { ITEMS, config } from './corpus.ts';
import { type BlindSpots, READER_BLIND_SPOTS, prepareReaders, type ReaderEntry, type ReaderField, type ReaderName, type XmlFormat } from './readers.ts';

const READERS: readonly ReaderName[] = ['feedparser', 'newsboat', 'xml-feed', 'rome', 'gofeed'];
const FIELDS = [
  'title',
  'link',
  'id',
  'published',
  'updated',
  'categories',
  'authors',
  'content',
  'summary',
  'enclosure',
  'mediaContent',
  'caption',
  'credit',
] as const satisfies readonly ReaderField[];

/** One feed document as a reader gets it, with the articles it must read back. */
interface Source {
  url: string;
  body: string;
  articles: readonly Article[];
}

// Both corpora use the factory's site author, so `config.author.name` is the fallback author of each.
const hostileConfig = makeConfig({ hub: 'https://hub.example.org/', limit: 100 });
const served = (feedPath: string, pick: (f: FeedDefinition) => boolean) => async (): Promise<Source> => {
  const response = await fetch(`${base}${feedPath}`);
  expect(response.status).toBe(200);
  return { url: `${base}${feedPath}`, body: await response.text(), articles: feeds.find(pick)!.articles };
};
const hostile = (format: XmlFormat) => async (): Promise<Source> => {
  const main = buildFeedSet(makeHostileCorpus(), hostileConfig).main;
  const file = path.join(tmp, `hostile-${format}.xml`);
  const body = format === 'rss' ? renderRss(main, hostileConfig) : renderAtom(main, hostileConfig);
  await writeFile(file, body);
  return { url: pathToFileURL(file).href, body, articles: main.articles };
};
const FEEDS = [
  ['served RSS', 'rss', served('/feed.xml', (f) => f.path === '')],
  ['served Atom', 'atom', served('/atom.xml', (f) => f.path === '')],
  ['served category RSS', 'rss', served('/categories/societe/feed.xml', (f) => f.path === '/categories/societe')],
  ['served category Atom', 'atom', served('/categories/societe/atom.xml', (f) => f.path === '/categories/societe')],
  ['hostile RSS', 'rss', hostile('rss')],
  ['hostile Atom', 'atom', hostile('atom')],
] as const;

let server: Server;
let base: string;
let tmp: string;
let feeds: FeedDefinition[];
let readers: Awaited<ReturnType<typeof prepareReaders>>;

beforeAll(async () => {
  await Promise.all([requireClient('feedparser'), requireClient('newsboat'), requireClient('sqlite3')]);
  readers = await prepareReaders();
  tmp = await mkdtemp(path.join(os.tmpdir(), 'gazette-matrix-'));
  const { feedSet } = await buildSite(config, { itemsDir: ITEMS, lint: false });
  feeds = [feedSet!.main, ...feedSet!.categories];
  server = await startServer({ config, port: 0, host: '127.0.0.1', itemsDir: ITEMS, watch: false, ledger: 'read' }); // never write a ledger into the fixtures
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 180_000);
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await readers?.dispose();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('every reader of the matrix', () => {
  it('reads every field of each format with some reader (RSS items have no modification date)', () => {
    const uncovered = (['rss', 'atom'] as const).flatMap((format) =>
      FIELDS.filter((field) => READERS.every((r) => READER_BLIND_SPOTS[r][format]?.[field] !== undefined)).map((field) => `${format}.${field}`),
    );
    expect(uncovered).toEqual(['rss.updated']);
  });
});

describe.each(READERS)('%s', (reader) => {
  describe.each(FEEDS)('when it reads the %s feed', (_label, format, load) => {
    let entries: ReaderEntry[];
    let articles: readonly Article[];
    beforeAll(async () => {
      const source = await load();
      articles = source.articles;
      entries = await readers.read(reader, source.url, source.body);
    }, 60_000);

    it('lists every article, newest first', () => {
      expect(entries.map((e) => e.id)).toEqual(articles.map((a) => a.guid));
    });

    const spots: BlindSpots = READER_BLIND_SPOTS[reader][format] ?? {};
    const checked = FIELDS.filter((field) => spots[field] === undefined);
    it.each(checked)('gives back each article’s %s', (field) => {
      const actual = entries.map((e, i) => comparable(e, field, format, articles[i], spots));
      const expected = articles.map((a) => expectedField(a, field, format));
      expect(actual).toEqual(expected);
    });
  });
});

// --- internal ---

const iso = (date: Date): string => new Date(Math.floor(date.getTime() / 1000) * 1000).toISOString().replace('.000', '');

/** What a reader must show for `field` of `article`. */
function expectedField(article: Article, field: (typeof FIELDS)[number], format: XmlFormat): unknown {
  switch (field) {
    case 'title':
      return stripForbidden(article.title);
    case 'link':
      return article.link;
    case 'id':
      return article.guid;
    case 'published':
      return iso(article.date);
    case 'updated':
      return iso(article.updated);
    case 'categories':
      return article.categories.map((c) => c.name);
    // Every entry names its authors, else the site author, in both formats: no reader here applies Atom's
    // inheritance of the feed-level author (RFC 4287 §4.2.1), so Gazette writes it into the entry.
    case 'authors':
      return authorNames(article);
    case 'content':
      return sameReferences(stripForbidden(article.html));
    // RSS: the summary as HTML (compared decoded), else the full HTML; Atom: the plain-text summary, if any.
    case 'summary':
      if (format === 'atom') return stripForbidden(article.summary) || null;
      return stripForbidden(article.summary) || sameReferences(stripForbidden(article.html));
    // The lead image (Article.image): the enclosure carries the file's length when known (RSS requires one, 0 when
    // unknown; Atom omits it, RFC 4287 §4.2.7.6); Media RSS the size, caption and credit. The alt text is the page's.
    case 'enclosure':
      return article.image
        ? { url: article.image.url, type: imageType(article.image.url), length: article.image.length ?? (format === 'rss' ? 0 : null) }
        : null;
    case 'mediaContent': {
      const image = article.image;
      return image ? { url: image.url, medium: 'image', type: imageType(image.url), width: image.width ?? null, height: image.height ?? null } : null;
    }
    case 'caption':
      return article.image?.caption === undefined ? null : stripForbidden(article.image.caption);
    case 'credit':
      return article.image?.credit === undefined ? null : stripForbidden(article.image.credit);
  }
}

/** The registered type of the image file, from its extension (the corpora's images are JPEG files). */
function imageType(url: string): string | undefined {
  const ext = new URL(url).pathname.split('.').at(-1)?.toLowerCase();
  return ({ jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp' } as Record<string, string>)[ext ?? ''];
}

/** A number a reader gives as text (feedparser, gofeed, XML::Feed) or as a number (ROME), as a number. */
function asNumber(value: string | number | null): number | null {
  return value === null ? null : Number(value);
}

/**
 * The reader's value, normalised only in ways that keep its meaning: an RSS `description` that carries the escaped
 * summary is decoded back to text; HTML character references are spelled one way (ROME writes `&lt;` as `&#60;`);
 * a reader with a `coAuthors` blind spot passes when its one author string is the article's author, or names one
 * of its co-authors; sizes given as text are numbers, and a reader with a `zeroLength` blind spot gives 0 for an
 * enclosure without length.
 */
function comparable(entry: ReaderEntry, field: (typeof FIELDS)[number], format: XmlFormat, article: Article | undefined, spots: BlindSpots): unknown {
  const value = entry[field];
  const oneAuthor = spots.coAuthors !== undefined;
  if (field === 'enclosure' && entry.enclosure) {
    const length = asNumber(entry.enclosure.length);
    return { ...entry.enclosure, length: length === 0 && spots.zeroLength !== undefined ? null : length };
  }
  if (field === 'mediaContent' && entry.mediaContent) {
    return { ...entry.mediaContent, width: asNumber(entry.mediaContent.width), height: asNumber(entry.mediaContent.height) };
  }
  if (field === 'summary' && format === 'rss' && article?.summary && typeof value === 'string') return decodeEntities(value);
  if ((field === 'content' || field === 'summary') && typeof value === 'string') return sameReferences(value);
  if (field === 'authors' && oneAuthor && article) {
    const names = authorNames(article);
    const [only, ...rest] = entry.authors;
    const fits = only !== undefined && rest.length === 0 && (names.length === 1 ? only === names[0] : names.some((n) => only.includes(n)));
    return fits ? names : entry.authors;
  }
  return value;
}

/** XML 1.0 forbids C0 controls other than tab, LF, CR: the renderers drop them. */
function stripForbidden(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
}

function authorNames(article: Article): string[] {
  return article.authors.length > 0 ? article.authors.map((a) => a.name) : [config.author.name];
}

/** HTML character references in one spelling: the five XML ones named, every other one as its character. */
function sameReferences(html: string): string {
  return html.replace(/&#(x[0-9a-f]+|\d+);/gi, (_, ref: string) => {
    const char = String.fromCodePoint(ref[0] === 'x' || ref[0] === 'X' ? Number.parseInt(ref.slice(1), 16) : Number.parseInt(ref, 10));
    return ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' } as Record<string, string>)[char] ?? char;
  });
}
