// render: FeedDefinition and Article → the `feed` package's FeedOptions and Items, for RSS 2.0 or Atom 1.0.
// What the package does with each string (and how it is prepared for that) lives in feed-package.ts.
import type { Author as FeedAuthor, Item } from 'feed';
import type { Article, ArticleImage } from '../article/article.ts';
import { cleanXmlText } from '../article/xml-text.ts';
import type { Author } from '../config/define-config.ts';
import type { ResolvedConfig } from '../config/config-schema.ts';
import type { FeedDefinition } from '../feed-set/feed-set.ts';
import { categoriesUrl, categoryFeedPath, feedPagePath, feedUrls, siteUrlOf } from '../_lib/site-paths.ts';
import {
  IMAGE_TYPES,
  type GazetteFeedOptions,
  feedAtomAttribute,
  feedCdata,
  feedMediaContent,
  feedRepeatedElement,
  feedRssAttribute,
  feedText,
  type MediaImage,
} from './feed-package.ts';
import { assertValidDate } from './machine-dates.ts';
import { escapeXml } from '../_lib/escape-markup.ts';
import { HTTP_SCHEMES, isSafeUrl } from '../_lib/read-url.ts';

/** The two XML formats the `feed` package writes for us. */
export type XmlFormat = 'rss' | 'atom';

/** Fixed generator name: no version, so upgrading never changes the bytes of the feeds. */
export const GENERATOR = 'Gazette';

/** The channel / feed-level options of `feed` for one FeedDefinition. */
export function toFeedOptions(feed: FeedDefinition, config: ResolvedConfig): GazetteFeedOptions {
  assertValidDate(feed.updated, 'feed.updated');
  const urls = feedUrls(feed, config);
  const [hub, ...moreHubs] = config.hub.flatMap((url) => safeUrl(url) ?? []);
  const ttl = ttlMinutes(config.cacheControl);
  return {
    title: feedText(feed.title),
    description: feedText(feed.description),
    // Atom feed id: the feed's own Atom URL — unique per feed and stable while siteUrl is.
    id: feedText(urls.atom),
    link: urls.html,
    language: config.language,
    ...(ttl === undefined ? {} : { ttl }),
    copyright: feedText(config.copyright),
    // Always passed: `feed` falls back to `new Date()`, which would break determinism.
    updated: new Date(feed.updated.getTime()),
    generator: GENERATOR,
    feedLinks: { rss: urls.rss, atom: urls.atom },
    // An author's feed is theirs (Atom feed `author`); the others are the site's.
    author: toFeedAuthor(feed.author ?? config.author),
    ...(hub ? { hub } : {}),
    ...(moreHubs.length > 0 ? { moreHubs } : {}),
  };
}

/**
 * RSS `<ttl>` (minutes a reader may cache the channel, RSS 2.0 §ttl) from the `max-age` of the feeds' own
 * `Cache-Control`, rounded up: one number for readers and HTTP caches. None without a max-age, or with max-age=0
 * (`<ttl>` must be above zero).
 */
export function ttlMinutes(cacheControl: string): number | undefined {
  const match = /(?:^|,)\s*max-age\s*=\s*"?(\d+)"?\s*(?:,|$)/i.exec(cacheControl);
  const seconds = match ? Number(match[1]) : 0;
  return seconds > 0 ? Math.ceil(seconds / 60) : undefined;
}

/** Every article of `feed` as `feed` Items for `format`; an article without a usable link gets the feed's page. */
export function toFeedItems(feed: FeedDefinition, config: ResolvedConfig, format: XmlFormat): Item[] {
  if (format !== 'rss' && format !== 'atom') throw new TypeError(`toFeedItems: unknown format ${String(format)}`);
  const fallbackLink = feedUrls(feed, config).html;
  return feed.articles.map((article) => toFeedItem(article, config, format, fallbackLink));
}

/** The lead image of each article of `feed` as Media RSS describes it (undefined: none, or no registered type). */
export function toMediaImages(feed: FeedDefinition): (MediaImage | undefined)[] {
  return feed.articles.map((article) => toMediaImage(article.image));
}

/** The lead image as Media RSS describes it; undefined without a safe URL or a registered image type. */
export function toMediaImage(image: ArticleImage | undefined): MediaImage | undefined {
  const enclosure = imageEnclosure(image);
  if (!image || !enclosure) return undefined;
  return { url: enclosure.url, type: enclosure.type, width: image.width, height: image.height, caption: image.caption, credit: image.credit };
}

/** Maps one Article to the `feed` package's Item for `format`. */
export function toFeedItem(article: Article, config: ResolvedConfig, format: XmlFormat, fallbackLink: string): Item {
  assertValidDate(article.date, `article ${article.id} date`);
  assertValidDate(article.updated, `article ${article.id} updated`);
  const link = safeUrl(article.link) ?? fallbackLink;
  const content = feedCdata(article.html);
  const item: Item = {
    title: feedCdata(article.title),
    // Atom id goes through `new URL()` in `feed`; a tag: URI survives it unchanged when ASCII.
    id: safeUrl(article.guid, ['tag:']) ?? link,
    guid: feedText(article.guid),
    link,
    // `feed` writes Atom <updated> from `date` and RSS <pubDate>/Atom <published> from `published`.
    date: new Date(article.updated.getTime()),
    published: new Date(article.date.getTime()),
    ...(content ? { content } : {}),
  };
  const description = itemDescription(article, format);
  if (description) item.description = description;
  if (format === 'rss') {
    const domain = feedRssAttribute(categoriesUrl(config));
    item.category = article.categories.map((c) => ({ name: feedText(c.name), domain }));
    // Authors are named in dc:creator only, never also in <author>: the W3C validator warns when an item has
    // both (feedvalidator: DuplicateItemSemantics), and dc:creator carries every co-author, <author> one e-mail.
    const names = article.authors.length > 0 ? article.authors.map((a) => a.name) : [config.author.name];
    const media = toMediaImage(article.image);
    item.extensions = [feedRepeatedElement('dc:creator', names), ...(media ? [feedMediaContent(media)] : [])];
  } else {
    // The display name is the term, because ROME and gofeed report a category by its term alone (and XML::Feed,
    // feedparser by its label): every reader then shows `Société`, never the slug. The scheme, the category's own
    // page, carries the slug, so the category stays the same one when its label is edited.
    item.category = article.categories.map((c) => {
      const name = feedAtomAttribute(c.name);
      return { term: name, name, scheme: categoryUrl(config, c.slug) };
    });
    // The site author is written into every entry without one: RFC 4287 §4.2.1 lets an entry inherit the feed's
    // author, but none of feedparser, newsboat, ROME, gofeed or XML::Feed applies that inheritance.
    item.author = article.authors.length > 0 ? article.authors.map(toFeedAuthor) : [toFeedAuthor(config.author)];
  }
  const image = imageEnclosure(article.image);
  // Atom gets no type: `feed` ignores it and derives one from the extension (the enclosureTypes patch fixes it). A
  // length only when known: RFC 4287 §4.2.7.6 makes it optional, where RSS requires one (0 when unknown).
  if (image) item.image = format === 'rss' ? image : image.length > 0 ? { url: image.url, length: image.length } : image.url;
  return item;
}

// --- internal ---

/** A category's own page, `siteUrl/categories/<slug>/`: the Atom category scheme, stable while the slug is. */
function categoryUrl(config: ResolvedConfig, slug: string): string {
  return siteUrlOf(config.siteUrl, feedPagePath(categoryFeedPath(slug)));
}

/**
 * RSS <description> is HTML: the summary, escaped. An item with full text but no summary (a photo-only
 * article) gets the full HTML instead, so <description> still comes before <content:encoded> for readers
 * that ignore the latter (RSS Best Practices Profile; feedvalidator: NeedDescriptionBeforeContent).
 * Atom summaries are plain text (feed-package.ts writes them type="text").
 */
function itemDescription(article: Article, format: XmlFormat): string | undefined {
  const summary = cleanXmlText(article.summary);
  if (format === 'atom') return summary ? feedCdata(summary) : undefined;
  if (summary) return escapeXml(summary);
  return feedCdata(article.html) || undefined;
}

function toFeedAuthor(author: Readonly<Author>): FeedAuthor {
  const out: FeedAuthor = { name: feedText(author.name) };
  if (author.email) out.email = feedText(author.email);
  const url = safeUrl(author.url);
  if (url) out.link = url;
  return out;
}

/** `feed` throws on any URL `new URL()` rejects, and a feed link must never carry a script: the shared last guard. */
function safeUrl(url: string | undefined, schemes: readonly string[] = HTTP_SCHEMES): string | undefined {
  return url !== undefined && isSafeUrl(url, schemes) ? new URL(url).href : undefined;
}

/**
 * The enclosure of the lead image: its length is the file's size when it is a file of the site's static-assets
 * folder, else 0, as the RSS Best Practices Profile says for an unknown length.
 */
function imageEnclosure(image: ArticleImage | undefined): { url: string; type: string; length: number } | undefined {
  const url = safeUrl(image?.url);
  if (!image || !url) return undefined;
  const ext = new URL(url).pathname.split('.').at(-1)?.toLowerCase() ?? '';
  const type = IMAGE_TYPES[ext];
  return type ? { url, type, length: image.length ?? 0 } : undefined;
}
