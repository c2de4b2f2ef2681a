// Test helper: three independent feed parsers, each result mapped onto one normalised shape.
import { extractFromXml } from '@extractus/feed-extractor';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import Parser from 'rss-parser';
import sax from 'sax';

export type FeedFormat = 'rss' | 'atom' | 'json';
export type ParserName = 'rss-parser' | 'feedsmith' | 'feed-extractor' | 'json-parse';

/** One item as a parser saw it. `undefined` means this parser does not report the field (see BLIND_SPOTS). */
export interface ParsedItem {
  id: string | undefined;
  /** Plain text: an Atom title is entity-decoded here only when it is `type="html"`. */
  title: string | undefined;
  link: string | undefined;
  published: Date | undefined;
  updated: Date | undefined;
  /** Display names (RSS text, Atom `label`, JSON `tags`). */
  categories: string[] | undefined;
  /** Atom `term` values. */
  categoryTerms: string[] | undefined;
  /** Atom `scheme` or RSS `domain` values. */
  categorySchemes: string[] | undefined;
  /** Author names (dc:creator in RSS, <author><name> in Atom, authors[].name in JSON). */
  authors: string[] | undefined;
  /** Full HTML as given back by the parser (content:encoded, Atom content, content_html). */
  contentHtml: string | undefined;
  /** Summary as plain text (entity-decoded where the format carries HTML). */
  summary: string | undefined;
  /**
   * The lead image: the enclosure's URL, type and length with Media RSS `media:content` (RSS, Atom), or JSON Feed
   * `image` with our `_gazette` extension; null when the item has none.
   */
  image: ParsedImage | null | undefined;
}

/** A lead image as read back; a member a format does not carry is undefined. */
export interface ParsedImage {
  url: string | undefined;
  type: string | undefined;
  length: number | undefined;
  width: number | undefined;
  height: number | undefined;
  caption: string | undefined;
  credit: string | undefined;
}

/** Feed-level values as a parser saw them. */
export interface ParsedFeed {
  parser: ParserName;
  title: string | undefined;
  language: string | undefined;
  updated: Date | undefined;
  items: ParsedItem[];
}

const JSON_FEED_SPOTS = {
  categoryTerms: 'JSON Feed tags are plain strings',
  categorySchemes: 'JSON Feed tags are plain strings',
} as const;

/** Fields a parser cannot report, per format, with the reason: tests take those fields from the other parsers. */
export const BLIND_SPOTS: Readonly<Record<ParserName, Partial<Record<FeedFormat, Partial<Record<keyof ParsedItem, string>>>>>> = {
  'rss-parser': {
    rss: {
      updated: 'RSS 2.0 has no per-item modification date',
      categoryTerms: 'RSS categories have no term',
    },
  },
  feedsmith: {
    json: { ...JSON_FEED_SPOTS, image: 'feedsmith drops JSON Feed extension objects (our `_gazette`)' },
    rss: {
      updated: 'RSS 2.0 has no per-item modification date',
      categoryTerms: 'RSS categories have no term',
    },
  },
  'feed-extractor': {
    rss: {
      updated: 'RSS 2.0 has no per-item modification date',
      categoryTerms: 'RSS categories have no term',
    },
  },
  'json-parse': { json: JSON_FEED_SPOTS },
};

/** Parses `document` with every parser that reads `format`: three for RSS and Atom, two for JSON Feed. */
export async function parseWithAll(document: string, format: FeedFormat): Promise<ParsedFeed[]> {
  if (format === 'json') return [fromJson('json-parse', JSON.parse(document)), fromJson('feedsmith', parseJsonFeed(document))];
  return [await withRssParser(document, format), withFeedsmith(document, format), withFeedExtractor(document, format)];
}

/** Decodes the entities our renderers and common HTML use; enough to read `type="html"` text back as plain text. */
export function decodeEntities(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (_, e: string) => {
    const k = e.toLowerCase();
    if (k.startsWith('#x')) return String.fromCodePoint(Number.parseInt(k.slice(2), 16));
    if (k.startsWith('#')) return String.fromCodePoint(Number.parseInt(k.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' } as Record<string, string>)[k]!;
  });
}

/** Documented normalisation for comparing HTML as text: drop tags, decode entities, collapse whitespace (NBSP kept). */
export function htmlToText(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ' '))
    .replace(/[ \t\n\r]+/g, ' ')
    .trim();
}

// --- internal ---

type Loose = Record<string, any>;

const toDate = (v: unknown): Date | undefined => (typeof v === 'string' && v ? new Date(v) : undefined);
const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const str = (v: unknown): string | undefined => (v === undefined || v === null ? undefined : String(v));
/** RFC 4287 §3.1: an Atom text construct is plain text unless its `type` is `html`, whose entities are then decoded. */
const atomText = (value: string, type: unknown): string => (type === 'html' ? decodeEntities(value) : value);

/** What a parser read of an RSS 2.0 item, past the four values every parser finds as they are written. */
interface RssRead {
  /** Each <category> text and its `domain` (none: ''). */
  categories: { name: string; domain: unknown }[];
  authors: string[];
  contentHtml: string | undefined;
  /** The <description> as written (HTML, so entity-decoded for the summary). */
  description: string | undefined;
  image: ParsedImage | null;
}

/** One RSS 2.0 item for every RSS parser alike: RSS has no per-item update date and no category term. */
function fromRss(guid: unknown, title: unknown, link: unknown, pubDate: unknown, read: RssRead): ParsedItem {
  return {
    id: str(guid),
    title: str(title),
    link: str(link),
    published: toDate(pubDate),
    updated: undefined,
    categories: read.categories.map((c) => c.name),
    categoryTerms: undefined,
    categorySchemes: read.categories.map((c) => String(c.domain ?? '')),
    authors: read.authors,
    contentHtml: read.contentHtml,
    summary: read.description === undefined ? undefined : decodeEntities(read.description),
    image: read.image,
  };
}

async function withRssParser(document: string, format: FeedFormat): Promise<ParsedFeed> {
  // customFields (documented rss-parser option) keep every dc:creator and the raw Atom
  // category/author/updated elements, which rss-parser otherwise drops or reduces to the first.
  const parser = new Parser<Loose, Loose>({
    customFields: {
      item: [
        ['dc:creator', 'creators', { keepArray: true }],
        ['category', 'categoryElements', { keepArray: true }],
        ['author', 'authorElements', { keepArray: true }],
        ['title', 'titleElements', { keepArray: true }],
        ['summary', 'summaryElements', { keepArray: true }],
        ['media:content', 'mediaContents', { keepArray: true }],
        ['link', 'linkElements', { keepArray: true }],
        'updated',
      ] as any,
    },
  });
  const feed = (await parser.parseString(document)) as Loose;
  const items = (feed.items as Loose[]).map((it): ParsedItem => {
    if (format === 'rss') {
      return fromRss(it.guid, it.title, it.link, it.isoDate, {
        categories: list<any>(it.categories).map((c) => (typeof c === 'string' ? { name: c, domain: '' } : { name: String(c._), domain: c.$?.domain })),
        authors: list<any>(it.creators).map(String),
        contentHtml: str(it['content:encoded']),
        description: str(it.content),
        image: xml2jsImage(it.enclosure, it.mediaContents),
      });
    }
    const cats = list<any>(it.categoryElements).map((c) => c.$ ?? {});
    return {
      id: str(it.id),
      title: it.title === undefined ? undefined : atomText(String(it.title), it.titleElements?.[0]?.$?.type),
      link: str(it.link),
      published: toDate(it.isoDate),
      updated: toDate(it.updated),
      categories: cats.map((c) => String(c.label)),
      categoryTerms: cats.map((c) => String(c.term)),
      categorySchemes: cats.map((c) => String(c.scheme)),
      authors: list<any>(it.authorElements).map((a) => String(list(a.name)[0])),
      contentHtml: str(it.content),
      summary: it.summary === undefined ? undefined : atomText(String(it.summary), it.summaryElements?.[0]?.$?.type),
      image: xml2jsImage(list<any>(it.linkElements).find((l) => l.$?.rel === 'enclosure')?.$, it.mediaContents, 'href'),
    };
  });
  return { parser: 'rss-parser', title: str(feed.title), language: str(feed.language), updated: toDate(feed.lastBuildDate), items };
}

function withFeedsmith(document: string, format: FeedFormat): ParsedFeed {
  if (format === 'rss') {
    const feed = parseRssFeed(document) as Loose;
    const items = list<Loose>(feed.items).map((it) =>
      fromRss(it.guid?.value, it.title, it.link, it.pubDate, {
        categories: list<any>(it.categories).map((c) => ({ name: String(c.name), domain: c.domain })),
        authors: list<string>(it.dc?.creators).map(String),
        contentHtml: str(it.content?.encoded),
        description: str(it.description),
        image: feedsmithImage(list<any>(it.enclosures)[0], it.media),
      }),
    );
    return { parser: 'feedsmith', title: str(feed.title), language: str(feed.language), updated: toDate(feed.lastBuildDate), items };
  }
  const feed = parseAtomFeed(document) as Loose;
  const items = list<Loose>(feed.entries).map(
    (it): ParsedItem => ({
      id: str(it.id),
      title: it.title === undefined ? undefined : atomText(String(it.title.value), it.title.type),
      link: str(list<any>(it.links).find((l) => !l.rel || l.rel === 'alternate')?.href),
      published: toDate(it.published),
      updated: toDate(it.updated),
      categories: list<any>(it.categories).map((c) => String(c.label)),
      categoryTerms: list<any>(it.categories).map((c) => String(c.term)),
      categorySchemes: list<any>(it.categories).map((c) => String(c.scheme)),
      authors: list<any>(it.authors).map((a) => String(a.name)),
      contentHtml: str(it.content?.value),
      summary: it.summary === undefined ? undefined : atomText(String(it.summary.value), it.summary.type),
      image: feedsmithImage(
        list<any>(it.links)
          .filter((l) => l.rel === 'enclosure')
          .map((l) => ({ ...l, url: l.href }))[0],
        it.media,
      ),
    }),
  );
  return { parser: 'feedsmith', title: str(feed.title?.value), language: str(feed.xml?.lang), updated: toDate(feed.updated), items };
}

function withFeedExtractor(document: string, format: FeedFormat): ParsedFeed {
  // Normalised output keeps only id/title/link/published/description (truncated, tag-stripped), and for Atom
  // `published` is really <updated>: take everything from the raw entry instead (getExtraEntryFields).
  const feed = extractFromXml(document, {
    descriptionMaxLen: 0,
    xmlParserOptions: { parseTagValue: false, trimValues: false },
    getExtraEntryFields: (raw: unknown) => ({ raw }),
  } as any) as Loose;
  const items = list<Loose>(feed.entries).map((entry): ParsedItem => {
    const it = entry.raw as Loose;
    const text = (v: any): string | undefined => (v === undefined ? undefined : typeof v === 'object' ? str(v['#text'] ?? '') : String(v));
    if (format === 'rss') {
      return fromRss(text(it.guid), text(it.title), text(it.link), it.pubDate, {
        categories: list<any>(it.category).map((c) => ({ name: text(c)!, domain: c['@_domain'] })),
        authors: list<any>(it['dc:creator']).map((a) => text(a)!),
        contentHtml: text(it['content:encoded']),
        description: text(it.description),
        image: fastXmlImage(it.enclosure, it['media:content'], 'url', text),
      });
    }
    const cats = list<any>(it.category);
    return {
      id: text(it.id),
      title: it.title === undefined ? undefined : atomText(text(it.title)!, it.title?.['@_type']),
      link: str(list<any>(it.link).find((l) => !l['@_rel'] || l['@_rel'] === 'alternate')?.['@_href']),
      published: toDate(text(it.published)),
      updated: toDate(text(it.updated)),
      categories: cats.map((c) => String(c['@_label'])),
      categoryTerms: cats.map((c) => String(c['@_term'])),
      categorySchemes: cats.map((c) => String(c['@_scheme'])),
      authors: list<any>(it.author).map((a) => text(a.name)!),
      contentHtml: text(it.content),
      summary: it.summary === undefined ? undefined : atomText(text(it.summary)!, it.summary?.['@_type']),
      image: fastXmlImage(
        list<any>(it.link).find((l) => l['@_rel'] === 'enclosure'),
        it['media:content'],
        'href',
        text,
      ),
    };
  });
  return { parser: 'feed-extractor', title: str(feed.title), language: str(feed.language) || undefined, updated: toDate(feed.published), items };
}

function fromJson(parser: ParserName, feed: Loose): ParsedFeed {
  const items = list<Loose>(feed.items).map(
    (it): ParsedItem => ({
      id: str(it.id),
      title: str(it.title),
      link: str(it.url),
      published: toDate(it.date_published),
      updated: toDate(it.date_modified),
      categories: list<string>(it.tags).map(String),
      categoryTerms: undefined,
      categorySchemes: undefined,
      // JSON Feed 1.1: items without `authors` inherit the feed's.
      authors: list<any>(it.authors ?? feed.authors).map((a) => String(a.name)),
      contentHtml: str(it.content_html),
      summary: str(it.summary),
      image: jsonImage(it),
    }),
  );
  return { parser, title: str(feed.title), language: str(feed.language), updated: undefined, items };
}

// --- images: the enclosure (URL, type, length) and Media RSS media:content (size, caption, credit) ---

const num = (v: unknown): number | undefined => (v === undefined || v === null || v === '' ? undefined : Number(v));

function xml2jsImage(enclosure: any, contents: any, urlKey = 'url'): ParsedImage | null {
  if (!enclosure) return null;
  const media = list<any>(contents)[0];
  const attrs = media?.$ ?? {};
  const caption = list<any>(media?.['media:description'])[0];
  return {
    url: str(enclosure[urlKey]),
    type: str(enclosure.type),
    length: num(enclosure.length),
    width: num(attrs.width),
    height: num(attrs.height),
    caption: caption === undefined ? undefined : String(typeof caption === 'object' ? caption._ : caption),
    credit: str(list<any>(media?.['media:credit'])[0]),
  };
}

function feedsmithImage(enclosure: any, media: any): ParsedImage | null {
  if (!enclosure) return null;
  const content = list<any>(media?.contents)[0];
  return {
    url: str(enclosure.url),
    type: str(enclosure.type),
    length: num(enclosure.length),
    width: num(content?.width),
    height: num(content?.height),
    caption: str(content?.description?.value),
    credit: str(list<any>(content?.credits)[0]?.value),
  };
}

function fastXmlImage(enclosure: any, contents: any, urlKey: string, text: (v: any) => string | undefined): ParsedImage | null {
  if (!enclosure) return null;
  const media = list<any>(contents)[0];
  return {
    url: str(enclosure[`@_${urlKey}`]),
    type: str(enclosure['@_type']),
    length: num(enclosure['@_length']),
    width: num(media?.['@_width']),
    height: num(media?.['@_height']),
    caption: media?.['media:description'] === undefined ? undefined : text(media['media:description']),
    credit: media?.['media:credit'] === undefined ? undefined : text(media['media:credit']),
  };
}

function jsonImage(item: Loose): ParsedImage | null {
  if (item.image === undefined) return null;
  const details = (item._gazette as Loose | undefined)?.image as Loose | undefined;
  return {
    url: str(item.image),
    type: undefined,
    length: undefined,
    width: num(details?.width),
    height: num(details?.height),
    caption: str(details?.caption),
    credit: str(details?.credit),
  };
}

/**
 * Strict XML 1.0 well-formedness check: the first error, or undefined.
 * sax (strict mode) checks nesting and entities; the lexical scan adds what every JS parser here
 * tolerates and xmllint does not: `<` in attribute values, `]]>` in text, forbidden characters.
 */
export function findXmlError(xml: string): string | undefined {
  const parser = sax.parser(true, { xmlns: true });
  let error: string | undefined;
  parser.onerror = (e) => {
    error ??= e.message.split('\n')[0];
    parser.resume();
  };
  parser.write(xml).close();
  return error ?? findLexicalError(xml);
}

function findLexicalError(xml: string): string | undefined {
  // XML 1.0 §2.2 Char.
  const forbidden = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.exec(xml);
  if (forbidden) return `forbidden character U+${forbidden[0].codePointAt(0)!.toString(16).padStart(4, '0')} at ${forbidden.index}`;
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt === -1 ? xml.length : lt);
    // XML 1.0 §2.4: `]]>` must not appear in character data.
    if (text.includes(']]>')) return `"]]>" in character data at ${i + text.indexOf(']]>')}`;
    if (lt === -1) break;
    const skip = (open: string, close: string): number | undefined =>
      xml.startsWith(open, lt) ? xml.indexOf(close, lt + open.length) + close.length : undefined;
    const end = skip('<![CDATA[', ']]>') ?? skip('<!--', '-->') ?? skip('<?', '?>') ?? tagEnd(xml, lt);
    if (typeof end === 'string') return end;
    if (end < lt + 2) return `unterminated markup at ${lt}`;
    i = end;
  }
  return undefined;
}

/** End of the tag starting at `start`, or an error: XML 1.0 §3.1 AttValue excludes `<`. */
function tagEnd(xml: string, start: number): number | string {
  let quote: string | undefined;
  for (let j = start + 1; j < xml.length; j++) {
    const c = xml[j]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '<') return `"<" in an attribute value at ${j}`;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return j + 1;
  }
  return `unterminated tag at ${start}`;
}
