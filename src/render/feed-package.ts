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
  readonly apply: (xml: string, options: Readonly<GazetteFeedOptions>) => string;
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
      xml.replace(/(<link rel="enclosure" href="[^"]*" type=")image\/([^"]*)(")/g, (whole, head: string, ext: string, tail: string) => {
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
];

/** RSS 2.0 text of `options` and `items`, every patch applied. */
export function writeRss2(options: GazetteFeedOptions, items: readonly Item[]): string {
  return applyPatches(build(options, items).rss2(), RSS_PATCHES, options);
}

/** Atom 1.0 text of `options` and `items` (with `options.language` as the root's xml:lang), every patch applied. */
export function writeAtom1(options: GazetteFeedOptions, items: readonly Item[]): string {
  return applyPatches(build(options, items).atom1(), ATOM_PATCHES, options);
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

function applyPatches(xml: string, patches: readonly FeedPatch[], options: Readonly<GazetteFeedOptions>): string {
  return patches.reduce((text, patch) => patch.apply(text, options), xml);
}
