// render: the one adapter to the `feed` package — everything that knows what `feed` 6.0.0 and its XML writer
// (xml-js 1.6, js2xml.js) emit: how a string must be prepared before it goes in, and the named patches applied to
// what `rss2()` / `atom1()` give back. tests/render/feed-package.test.ts pins every shape a patch relies on, on the
// raw output, so that upgrading `feed` fails there and nowhere else.
import { Feed, type Extension, type FeedOptions, type Item } from 'feed';
import { cleanXmlText } from '../article/xml-text.ts';
import { assertValidDate } from './machine-dates.ts';
import { escapeXml } from '../_lib/escape-markup.ts';

/** The `feed` release the patches below were written for; package.json pins exactly this version. */
export const FEED_PACKAGE_VERSION = '6.0.0';

// --- before: strings handed to `feed` ---

// U+FFFE and U+FFFF are not XML characters, so cleanXmlText removes them from every input below:
// they can mark the places to fix after xml-js has written the document (see the patches).
const LT_MARKER = '\uFFFE';
const CDATA_MARKER = '\uFFFF';

/**
 * Text for an element `feed` writes as character data (`title`, `guid`, author `name`, RSS `category`…).
 * xml-js decodes `&amp;` before escaping text (js2xml.js writeText), so `A &amp; B` would come out as `A & B`;
 * doubling `&` first makes the round trip exact.
 */
export function feedText(value: string): string {
  return cleanXmlText(value).replace(/&/g, '&amp;');
}

/**
 * Text for an element `feed` writes as CDATA (RSS `title`/`description`/`content:encoded`, Atom `title`/`summary`/
 * `content`). xml-js splits only the first `]]>` of a CDATA section (js2xml.js writeCdata): mark every one, and
 * the `cdataSections` patch writes such a value as escaped text afterwards.
 */
export function feedCdata(value: string): string {
  return cleanXmlText(value).replaceAll(']]>', `]]${CDATA_MARKER}>`);
}

/**
 * An Atom category `label`: `feed` escapes only `&` (utils.ts sanitize) and xml-js only `"` in attributes
 * (js2xml.js writeAttributes), so `<` travels as a marker that the `lessThan` patch writes as `&lt;`. Tabs and
 * line breaks become spaces, which is what an XML parser's attribute-value normalisation reads anyway (XML 1.0 §3.3.3).
 */
export function feedAtomAttribute(value: string): string {
  return cleanXmlText(value)
    .replace(/[\t\n\r]/g, ' ')
    .replace(/</g, LT_MARKER);
}

/** An RSS category `domain`: `feed` passes it through untouched and xml-js escapes only `"`, so escape it whole. */
export function feedRssAttribute(value: string): string {
  return escapeXml(value);
}

/**
 * One namespaced element per value in an RSS item (e.g. every `dc:creator`). `feed` copies `objects` into the
 * xml-js tree as given, and xml-js writes an array as repeated elements, although `feed` types it as a record.
 */
export function feedRepeatedElement(name: string, values: readonly string[]): Extension {
  const objects = values.map((value) => ({ _text: feedText(value) }));
  return { name, objects: objects as unknown as Record<string, unknown> };
}

/** Media RSS (https://www.rssboard.org/media-rss): the namespace of `media:content`, `media:description`, `media:credit`. */
export const MEDIA_NS = 'http://search.yahoo.com/mrss/';

/** A lead image as Media RSS describes it; every string plain text, the URL absolute and safe. */
export interface MediaImage {
  readonly url: string;
  /** Registered media type, when the extension names one. */
  readonly type: string | undefined;
  readonly width: number | undefined;
  readonly height: number | undefined;
  /** `media:description type="plain"`. */
  readonly caption: string | undefined;
  /** `media:credit`. */
  readonly credit: string | undefined;
}

/**
 * `media:content` for an RSS item, as an xml-js object (`feed` copies item extensions into the tree as given). The
 * URL goes escaped, like an RSS category domain (xml-js escapes only `"` in attributes); texts as {@link feedText}.
 */
export function feedMediaContent(media: MediaImage): Extension {
  const objects: Record<string, unknown> = { _attributes: mediaAttributes(media) };
  if (media.caption) objects['media:description'] = { _attributes: { type: 'plain' }, _text: feedText(media.caption) };
  if (media.credit) objects['media:credit'] = { _text: feedText(media.credit) };
  return { name: 'media:content', objects };
}

// --- after: the patches ---

/**
 * `feed`'s FeedOptions plus what it cannot take: the hubs after the first (`hub` holds one URL; W3C WebSub §4 lets a
 * publisher advertise several). Handed to the patches only, never to `feed`.
 */
export interface GazetteFeedOptions extends FeedOptions {
  readonly moreHubs?: readonly string[];
}

/** One correction of `feed`'s output: `corrects` names the `feed` behaviour it undoes. */
export interface FeedPatch {
  readonly name: string;
  readonly corrects: string;
  readonly apply: (xml: string, options: Readonly<GazetteFeedOptions>, media: readonly (MediaImage | undefined)[]) => string;
}

/** Writes `options.moreHubs` after the one hub link `feed` wrote (matched by `hubLink`), on lines of its indent. */
function moreHubsPatch(hubLink: RegExp, write: (href: string) => string): FeedPatch {
  return {
    name: 'moreHubs',
    corrects: 'feed.ts takes one `hub` URL and writes one rel="hub" link',
    apply: (xml, options) => {
      const more = options.moreHubs ?? [];
      if (more.length === 0) return xml;
      return xml.replace(hubLink, (line, indent: string) => line + more.map((href) => `${indent}${write(escapeXml(href))}`).join(''));
    },
  };
}

const DC_NS = 'xmlns:dc="http://purl.org/dc/elements/1.1/"';
const ATOM_ROOT = '<feed xmlns="http://www.w3.org/2005/Atom">';

// RSS enclosures need a type and a length; the length is unknown, and the RSS Best Practices Profile
// (https://www.rssboard.org/rss-profile#element-channel-item-enclosure) says to use 0 then.
/** Registered media types (RFC 2046 and the IANA registry) of the image files an article may carry, by extension. */
export const IMAGE_TYPES: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
};

/**
 * A value holding `]]>` cannot be one CDATA section. Split sections are valid XML, but gofeed (internal/shared
 * parseutils.go StripCDATA) loses text after the second one, so such a value is written as escaped character data
 * instead: the same text for every XML parser. Values without `]]>` keep their single CDATA section.
 */
const CDATA_SECTIONS: FeedPatch = {
  name: 'cdataSections',
  corrects: 'xml-js splits only the first "]]>" of a CDATA section (js2xml.js writeCdata); feedCdata marked them all',
  apply: (xml) =>
    xml.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (whole, value: string) =>
      value.includes(CDATA_MARKER) ? escapeXml(value.replaceAll(`]]${CDATA_MARKER}>`, ']]>')) : whole,
    ),
};

const LESS_THAN: FeedPatch = {
  name: 'lessThan',
  corrects: 'xml-js leaves "<" unescaped in attribute values (js2xml.js writeAttributes); feedAtomAttribute marked it',
  apply: (xml) => xml.replaceAll(LT_MARKER, '&lt;'),
};

/** Patches applied, in this order, to the text of `rss2()`. */
export const RSS_PATCHES: readonly FeedPatch[] = [
  CDATA_SECTIONS,
  LESS_THAN,
  {
    name: 'mediaNamespace',
    // Decided from the items, not the text: an article may quote `<media:content` in its body.
    corrects: 'rss2.ts declares only the namespaces it writes itself, not that of a media:content extension',
    apply: (xml, _options, media) => (media.some(Boolean) ? xml.replace('<rss version="2.0"', `<rss version="2.0" xmlns:media="${MEDIA_NS}"`) : xml),
  },
  {
    name: 'dcNamespace',
    corrects: 'rss2.ts declares xmlns:dc only when some item has content:encoded, but dc:creator needs it always',
    // Only the root's attributes count: an article may quote the declaration in its text.
    apply: (xml) =>
      xml.replace(/<rss version="2\.0"([^>]*)>/, (root, attributes: string) =>
        attributes.includes(DC_NS) ? root : `<rss version="2.0" ${DC_NS}${attributes}>`,
      ),
  },
  moreHubsPatch(/(\n[ \t]*)<atom:link href="[^"]*" rel="hub"\/>/, (href) => `<atom:link href="${href}" rel="hub"/>`),
];

/** Patches applied, in this order, to the text of `atom1()`. */
export const ATOM_PATCHES: readonly FeedPatch[] = [
  {
    name: 'enclosureTypes',
    // `image/jpg` for `.jpg` files is not registered (RFC 2046 registers image/jpeg): write the type RSS gets.
    corrects: 'atom1.ts types an enclosure `image/<file extension>`',
    apply: (xml) =>
      xml.replace(/(<link rel="enclosure" href="[^"]*"(?: title="[^"]*")? type=")image\/([^"]*)(")/g, (whole, head: string, ext: string, tail: string) => {
        const type = IMAGE_TYPES[ext.toLowerCase()];
        return type ? `${head}${type}${tail}` : whole;
      }),
  },
  {
    name: 'plainTextConstructs',
    // Ours are plain text, so say so (RFC 4287 §3.1.1.1): parsers then agree on the value instead of some
    // returning HTML-escaped text.
    corrects: 'atom1.ts writes every entry title and summary as type="html" CDATA',
    apply: (xml) =>
      xml.replace(
        /<(title|summary) type="html"><!\[CDATA\[([\s\S]*?)\]\]><\/\1>/g,
        (_, tag: string, value: string) => `<${tag} type="text">${escapeXml(value.replaceAll(`]]${CDATA_MARKER}>`, ']]>'))}</${tag}>`,
      ),
  },
  {
    name: 'mediaContent',
    // The enclosure of entry i carries the marker of i in its title attribute (writeAtom1): the marker goes, and the
    // Media RSS elements close the entry (RFC 4287 §6.4 allows extension elements anywhere in it). Last, not beside
    // the enclosure: feedparser takes a media:description met before <summary> as the entry's summary. Outside CDATA
    // a `</entry>` can only be the end tag (xml-js escapes `<` in text, feedAtomAttribute in labels), so CDATA
    // sections are stepped over whole.
    corrects: 'atom1.ts writes no extension element in an entry',
    apply: (xml, _options, media) => {
      let pending: MediaImage | undefined;
      return xml.replace(new RegExp(`<!\\[CDATA\\[[\\s\\S]*?\\]\\]>| title="${MEDIA_MARKER}(\\d+)${MEDIA_MARKER}"|</entry>`, 'g'), (token, index?: string) => {
        if (index !== undefined) {
          pending = media[Number(index)];
          return '';
        }
        if (token !== '</entry>' || pending === undefined) return token;
        const element = atomMediaContent(pending);
        pending = undefined;
        return `    ${element}\n    </entry>`;
      });
    },
  },
  CDATA_SECTIONS,
  LESS_THAN,
  {
    name: 'xmlLang',
    // RFC 4287 §2 lets xml:lang on the root cover every entry.
    corrects: 'atom1.ts ignores options.language and writes the root without xml:lang',
    apply: (xml, options) =>
      options.language ? xml.replace(ATOM_ROOT, `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(options.language)}">`) : xml,
  },
  moreHubsPatch(/(\n[ \t]*)<link rel="hub" href="[^"]*"\/>/, (href) => `<link rel="hub" href="${href}"/>`),
  {
    name: 'mediaNamespace',
    corrects: 'atom1.ts declares no namespace but Atom’s',
    apply: (xml, _options, media) =>
      media.some(Boolean)
        ? xml.replace('<feed xmlns="http://www.w3.org/2005/Atom"', `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="${MEDIA_NS}"`)
        : xml,
  },
];

/**
 * RSS 2.0 text of `options` and `items`, every patch applied. `media[i]` is the image item i carries as a
 * {@link feedMediaContent} extension: it decides the Media RSS namespace.
 */
export function writeRss2(options: GazetteFeedOptions, items: readonly Item[], media: readonly (MediaImage | undefined)[] = []): string {
  return applyPatches(build(options, items).rss2(), RSS_PATCHES, options, media);
}

/**
 * Atom 1.0 text of `options` and `items` (with `options.language` as the root's xml:lang), every patch applied.
 * `media[i]`, when set, is written as `media:content` after the enclosure of item i (which must have an image).
 */
export function writeAtom1(options: GazetteFeedOptions, items: readonly Item[], media: readonly (MediaImage | undefined)[] = []): string {
  const marked = items.map((item, i) => {
    const image = item.image;
    if (media[i] === undefined || image === undefined) return item;
    // `feed` writes an enclosure's title as an attribute and xml-js leaves it as given: the marker survives.
    const enclosure = typeof image === 'string' ? { url: image } : image;
    return { ...item, image: { ...enclosure, title: `${MEDIA_MARKER}${i}${MEDIA_MARKER}` } };
  });
  return applyPatches(build(options, marked).atom1(), ATOM_PATCHES, options, media);
}

// --- internal ---

function build(options: GazetteFeedOptions, items: readonly Item[]): Feed {
  // `feed` falls back to `new Date()` for lastBuildDate/updated, which would break determinism: demand one.
  assertValidDate(options.updated, 'feed options.updated');
  const { moreHubs: _patchedIn, ...feedOptions } = options;
  const feed = new Feed(feedOptions);
  for (const item of items) feed.addItem(item);
  return feed;
}

function applyPatches(xml: string, patches: readonly FeedPatch[], options: Readonly<GazetteFeedOptions>, media: readonly (MediaImage | undefined)[]): string {
  return patches.reduce((text, patch) => patch.apply(text, options, media), xml);
}

/** Two U+FFFF in a row: cleanXmlText removes U+FFFF from every input, and CDATA_MARKER never comes doubled. */
const MEDIA_MARKER = `${CDATA_MARKER}${CDATA_MARKER}`;

function mediaAttributes(media: MediaImage): Record<string, string | number> {
  return {
    url: escapeXml(media.url),
    medium: 'image',
    ...(media.type ? { type: media.type } : {}),
    ...(media.width ? { width: media.width } : {}),
    ...(media.height ? { height: media.height } : {}),
  };
}

/** The Atom entry's `media:content`, written here since `feed` has no entry extensions; indented as xml-js does. */
function atomMediaContent(media: MediaImage): string {
  const attributes = Object.entries(mediaAttributes(media))
    .map(([name, value]) => ` ${name}="${value}"`)
    .join('');
  const children = [
    media.caption ? `<media:description type="plain">${escapeXml(cleanXmlText(media.caption))}</media:description>` : '',
    media.credit ? `<media:credit>${escapeXml(cleanXmlText(media.credit))}</media:credit>` : '',
  ].filter(Boolean);
  if (children.length === 0) return `<media:content${attributes}/>`;
  return `<media:content${attributes}>\n${children.map((c) => `            ${c}\n`).join('')}        </media:content>`;
}
