// lint: the element names RSS 2.0 and Atom define, and the extension namespaces the W3C validator knows.
import type { LintReport } from './lint-report.ts';
import { descendants, type XmlElement } from './xml-tree.ts';

/** Un-namespaced children of an RSS 2.0 `<channel>` (https://www.rssboard.org/rss-specification#requiredChannelElements). */
export const RSS_CHANNEL_ELEMENTS: ReadonlySet<string> = new Set([
  'title', 'link', 'description', 'language', 'copyright', 'managingEditor', 'webMaster', 'pubDate', 'lastBuildDate',
  'category', 'generator', 'docs', 'cloud', 'ttl', 'image', 'rating', 'textInput', 'skipHours', 'skipDays', 'item',
]);
/** Un-namespaced children of an RSS 2.0 `<item>` (https://www.rssboard.org/rss-specification#hrelementsOfLtitemgt). */
export const RSS_ITEM_ELEMENTS: ReadonlySet<string> = new Set([
  'title', 'link', 'description', 'author', 'category', 'comments', 'enclosure', 'guid', 'pubDate', 'source',
]);
/** Atom children of `<feed>` (RFC 4287 §4.1.1). */
export const ATOM_FEED_ELEMENTS: ReadonlySet<string> = new Set([
  'author', 'category', 'contributor', 'generator', 'icon', 'id', 'link', 'logo', 'rights', 'subtitle', 'title', 'updated', 'entry',
]);
/** Atom children of `<entry>` (RFC 4287 §4.1.2). */
export const ATOM_ENTRY_ELEMENTS: ReadonlySet<string> = new Set([
  'author', 'category', 'content', 'contributor', 'id', 'link', 'published', 'rights', 'source', 'summary', 'title', 'updated',
]);

/**
 * Namespaces of the extensions the validator knows how to check (Dublin Core, content, Atom, Media RSS, iTunes,
 * GeoRSS, WebSub-era modules…); a declaration of any other one is reported (feedvalidator: UnknownNamespace).
 */
const KNOWN_NAMESPACES: ReadonlySet<string> = new Set([
  'http://www.w3.org/2005/Atom', 'http://www.w3.org/1999/xhtml', 'http://www.w3.org/XML/1998/namespace',
  'http://purl.org/rss/1.0/modules/content/', 'http://purl.org/dc/elements/1.1/', 'http://purl.org/dc/terms/',
  'http://search.yahoo.com/mrss/', 'http://www.itunes.com/dtds/podcast-1.0.dtd', 'http://www.georss.org/georss',
  'http://www.opengis.net/gml', 'http://www.w3.org/2003/01/geo/wgs84_pos#', 'http://geourl.org/rss/module/',
  'http://postneo.com/icbm', 'http://purl.org/rss/1.0/modules/syndication/', 'http://purl.org/rss/1.0/modules/slash/',
  'http://wellformedweb.org/CommentAPI/', 'http://purl.org/syndication/thread/1.0', 'http://purl.org/rss/1.0/modules/threading/',
  'http://purl.org/syndication/history/1.0', 'http://www.w3.org/2007/app', 'http://a9.com/-/spec/opensearch/1.1/',
  'http://a9.com/-/spec/opensearchrss/1.0/', 'http://madskills.com/public/xml/rss/module/trackback/',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#', 'http://www.w3.org/2000/01/rdf-schema#', 'http://purl.org/rss/1.0/',
  'http://purl.org/net/rss1.1#', 'http://my.netscape.com/rdf/simple/0.9/', 'http://xmlns.com/foaf/0.1/',
  'http://web.resource.org/cc/', 'http://backend.userland.com/creativeCommonsRssModule', 'http://webns.net/mvcb/',
  'http://backend.userland.com/blogChannelModule', 'http://purl.org/rss/1.0/modules/annotate/',
  'http://purl.org/rss/1.0/modules/aggregation/', 'http://purl.org/rss/1.0/modules/company',
  'http://purl.org/rss/1.0/modules/email/', 'http://purl.org/rss/1.0/modules/event/', 'http://purl.org/rss/1.0/modules/image/',
  'http://purl.org/rss/1.0/modules/link/', 'http://purl.org/rss/1.0/modules/reference/', 'http://purl.org/rss/1.0/modules/richequiv/',
  'http://purl.org/rss/1.0/modules/rss091#', 'http://purl.org/rss/1.0/modules/search/', 'http://purl.org/rss/1.0/modules/servicestatus/',
  'http://purl.org/rss/1.0/modules/subscription/', 'http://purl.org/rss/1.0/modules/taxonomy/', 'http://purl.org/rss/1.0/modules/wiki/',
  'http://www.usemod.com/cgi-bin/mb.pl?ModWiki', 'http://hacks.benhammersley.com/rss/streaming/', 'http://media.tangent.org/rss/1.0/',
  'http://www.microsoft.com/schemas/rss/core/2005', 'http://feedsync.org/2007/feedsync', 'http://conversationsnetwork.org/rssNamespace-1.0/',
  'http://my.theinfo.org/changed/1.0/rss/', 'http://www.bloglines.com/about/specs/fac-1.0', 'urn:atom-extension:indexing',
  'http://rssnamespace.org/feedburner/ext/1.0', 'http://base.google.com/ns/1.0', 'http://openid.net/xmlns/1.0',
  'http://www.w3.org/2000/svg', 'http://www.w3.org/1998/Math/MathML', 'http://www.w3.org/1999/xlink',
  'http://schemas.xmlsoap.org/soap/envelope/', 'http://www.opml.org/spec2', 'http://earth.google.com/kml/2.0',
  'http://earth.google.com/kml/2.1', 'http://www.opengis.net/kml/2.2', 'xri://$xrd*($v*2.0)', 'xri://$xrds',
].map(nearMiss));

const XMLNS = 'http://www.w3.org/2000/xmlns/';

/** Warns (`namespace-unknown`) at each declaration, anywhere in the document, of a namespace the validator does not know. */
export function checkNamespaces(report: LintReport, root: XmlElement): void {
  for (const element of descendants(root)) {
    for (const attr of element.attributes.values()) {
      if (attr.uri !== XMLNS || attr.value === '' || KNOWN_NAMESPACES.has(nearMiss(attr.value))) continue;
      // feedvalidator: UnknownNamespace
      report.warning('namespace-unknown', element.line, attr.name, `namespace "${attr.value}" is unknown to the W3C validator and to most readers, which ignore its elements`);
    }
  }
}

/** Undefined RSS elements the validator reports with a class of their own. */
const NAMED_UNDEFINED: Readonly<Record<string, string>> = { blink: 'NoBlink' };

/** Errors (`element-undefined`) on each child in namespace `uri` that `allowed` does not list. */
export function checkDefinedChildren(report: LintReport, parent: XmlElement, allowed: ReadonlySet<string>, uri = ''): void {
  for (const child of parent.children) {
    if (child.uri !== uri || allowed.has(child.local)) continue;
    // feedvalidator: UndefinedElement, or the subclass it names one by (NoBlink for <blink>, channel.py)
    report.error(
      'element-undefined',
      child.line,
      child.name,
      `<${parent.local}> has no <${child.local}> element; readers ignore it (use a namespaced extension)`,
      uri === '' ? NAMED_UNDEFINED[child.local] : undefined,
    );
  }
}

// --- internal ---

/** The validator matches namespaces ignoring case and trailing punctuation (`…/elements/1.1` = `…/elements/1.1/`). */
function nearMiss(uri: string): string {
  return uri.replace(/\W+$/, '').toLowerCase();
}
