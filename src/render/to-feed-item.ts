// render: the one adapter to the `feed` package — FeedDefinition → RSS 2.0 / Atom 1.0 XML text.
import { Feed, type Author as FeedAuthor, type Item } from 'feed';
import type { Article } from '../article/article.ts';
import type { ResolvedConfig } from '../config/config-schema.ts';
import type { FeedDefinition } from '../feed-set/feed-set.ts';
import { categoriesUrl, feedUrls } from './feed-urls.ts';
import { assertValidDate } from './machine-dates.ts';
import { cleanXmlText } from '../article/xml-text.ts';
import { escapeXml } from './xml-safe.ts';
import { HTTP_SCHEMES, isSafeUrl } from '../_lib/read-url.ts';

/** The two XML formats the `feed` package writes for us. */
export type XmlFormat = 'rss' | 'atom';

/** Fixed generator name: no version, so upgrading never changes the bytes of the feeds. */
export const GENERATOR = 'Gazette';

/** Renders `feed` as RSS 2.0 or Atom 1.0 with the `feed` package, after making every string safe for it. */
export function renderFeedXml(feed: FeedDefinition, config: ResolvedConfig, format: XmlFormat): string {
  if (format !== 'rss' && format !== 'atom') throw new TypeError(`renderFeedXml: unknown format ${String(format)}`);
  assertValidDate(feed.updated, 'feed.updated');
  const urls = feedUrls(feed, config);
  const author: FeedAuthor = { name: text(config.author.name) };
  if (config.author.email) author.email = text(config.author.email);
  const authorUrl = safeUrl(config.author.url);
  if (authorUrl) author.link = authorUrl;

  const out = new Feed({
    title: text(feed.title),
    description: text(feed.description),
    // Atom feed id: the feed's own Atom URL — unique per feed and stable while siteUrl is.
    id: text(urls.atom),
    link: urls.html,
    language: config.language,
    copyright: text(config.copyright),
    // Always passed: `feed` falls back to `new Date()`, which would break determinism.
    updated: new Date(feed.updated.getTime()),
    generator: GENERATOR,
    feedLinks: { rss: urls.rss, atom: urls.atom },
    author,
    ...(safeUrl(config.hub) ? { hub: safeUrl(config.hub) } : {}),
  });
  for (const article of feed.articles) out.addItem(toFeedItem(article, config, format, urls.html));
  return format === 'rss' ? restoreMarkers(out.rss2()) : restoreMarkers(toAtomPlainText(fixAtomEnclosureTypes(out.atom1())));
}

/** Maps one Article to the `feed` package's Item for `format`, escaping around xml-js's gaps. */
export function toFeedItem(article: Article, config: ResolvedConfig, format: XmlFormat, fallbackLink: string): Item {
  assertValidDate(article.date, `article ${article.id} date`);
  assertValidDate(article.updated, `article ${article.id} updated`);
  const scheme = categoriesUrl(config);
  const link = safeUrl(article.link) ?? fallbackLink;
  const html = cleanXmlText(article.html);
  const summary = cleanXmlText(article.summary);
  const item: Item = {
    title: cdata(cleanXmlText(article.title)),
    // Atom id goes through `new URL()` in `feed`; a tag: URI survives it unchanged when ASCII.
    id: safeUrl(article.guid, ['tag:']) ?? link,
    guid: text(article.guid),
    link,
    // `feed` writes Atom <updated> from `date` and RSS <pubDate>/Atom <published> from `published`.
    date: new Date(article.updated.getTime()),
    published: new Date(article.date.getTime()),
    ...(html ? { content: cdata(html) } : {}),
  };
  const description = itemDescription(summary, html, format);
  if (description) item.description = description;
  if (format === 'rss') {
    item.category = article.categories.map((c) => ({ name: text(c.name), domain: escapeXml(scheme) }));
    // Authors are named in dc:creator only, never also in <author>: the W3C validator warns when an item has
    // both (feedvalidator: DuplicateItemSemantics), and dc:creator carries every co-author, <author> one e-mail.
    const names = article.authors.length > 0 ? article.authors.map((a) => a.name) : [config.author.name];
    // xml-js writes an array as repeated elements; `feed` types `objects` as a record but passes it through.
    const creators = names.map((n) => ({ _text: text(n) }));
    item.extensions = [{ name: 'dc:creator', objects: creators as unknown as Record<string, unknown> }];
  } else {
    // xml-js escapes only `"` in attributes and `feed` only `&`: `<` travels as a marker.
    item.category = article.categories.map((c) => ({
      term: c.slug,
      name: cleanXmlText(c.name).replace(/[\t\n\r]/g, ' ').replace(/</g, LT_MARKER),
      scheme,
    }));
    if (article.authors.length > 0) item.author = article.authors.map(toFeedAuthor);
  }
  const image = imageEnclosure(article.image);
  if (image) item.image = format === 'rss' ? image : image.url;
  return item;
}

// --- internal ---

// U+FFFE and U+FFFF are not XML characters, so cleanXmlText has removed them from every input:
// they can mark the places to fix after xml-js has written the document.
const LT_MARKER = '\uFFFE';
const CDATA_MARKER = '\uFFFF';

/** xml-js decodes `&amp;` before escaping text (js2xml.js writeText); doubling `&` makes the round trip exact. */
function text(value: string): string {
  return cleanXmlText(value).replace(/&/g, '&amp;');
}

/** xml-js splits only the first `]]>` of a CDATA section; mark every one and split them all afterwards. */
function cdata(value: string): string {
  return value.replaceAll(']]>', `]]${CDATA_MARKER}>`);
}

/**
 * `feed` writes every entry title and summary as `type="html"` CDATA. Ours are plain text, so say so
 * (RFC 4287 §3.1.1.1): parsers then agree on the value instead of some returning HTML-escaped text.
 */
function toAtomPlainText(xml: string): string {
  return xml.replace(
    /<(title|summary) type="html"><!\[CDATA\[([\s\S]*?)\]\]><\/\1>/g,
    (_, tag: string, value: string) => `<${tag} type="text">${escapeXml(value.replaceAll(`]]${CDATA_MARKER}>`, ']]>'))}</${tag}>`,
  );
}

/**
 * RSS <description> is HTML: the summary, escaped. An item with full text but no summary (a photo-only
 * article) gets the full HTML instead, so <description> still comes before <content:encoded> for readers
 * that ignore the latter (RSS Best Practices Profile; feedvalidator: NeedDescriptionBeforeContent).
 * Atom summaries are plain text, written as type="text" below.
 */
function itemDescription(summary: string, html: string, format: XmlFormat): string | undefined {
  if (format === 'atom') return summary ? cdata(summary) : undefined;
  if (summary) return escapeXml(summary);
  return html ? cdata(html) : undefined;
}

/**
 * `feed` types an Atom enclosure `image/<file extension>`, which gives the unregistered `image/jpg` for
 * `.jpg` files (RFC 2046 registers `image/jpeg`); write the registered type we would give RSS.
 */
function fixAtomEnclosureTypes(xml: string): string {
  return xml.replace(
    /(<link rel="enclosure" href="[^"]*" type=")image\/([^"]*)(")/g,
    (whole, head: string, ext: string, tail: string) => {
      const type = IMAGE_TYPES[ext.toLowerCase()];
      return type ? `${head}${type}${tail}` : whole;
    },
  );
}

function restoreMarkers(xml: string): string {
  return xml.replaceAll(CDATA_MARKER, ']]><![CDATA[').replaceAll(LT_MARKER, '&lt;');
}

function toFeedAuthor(author: Article['authors'][number]): FeedAuthor {
  const out: FeedAuthor = { name: text(author.name) };
  if (author.email) out.email = text(author.email);
  const url = safeUrl(author.url);
  if (url) out.link = url;
  return out;
}

/** `feed` throws on any URL `new URL()` rejects, and a feed link must never carry a script: the shared last guard. */
function safeUrl(url: string | undefined, schemes: readonly string[] = HTTP_SCHEMES): string | undefined {
  return url !== undefined && isSafeUrl(url, schemes) ? new URL(url).href : undefined;
}

// RSS enclosures need a type and a length; the length is unknown, and the RSS Best Practices Profile
// (https://www.rssboard.org/rss-profile#element-channel-item-enclosure) says to use 0 then.
const IMAGE_TYPES: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp', avif: 'image/avif',
};

function imageEnclosure(image: string | undefined): { url: string; type: string; length: number } | undefined {
  const url = safeUrl(image);
  if (!url) return undefined;
  const ext = new URL(url).pathname.split('.').at(-1)?.toLowerCase() ?? '';
  const type = IMAGE_TYPES[ext];
  return type ? { url, type, length: 0 } : undefined;
}
