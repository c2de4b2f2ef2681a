// lint: RSS 2.0 rules (https://www.rssboard.org/rss-specification) as the W3C Feed Validation Service applies them.
import { checkAttributes } from './attribute-vocabulary.ts';
import { lintMedia } from './lint-media.ts';
import { ATOM_NS } from './namespaces.ts';
import { checkPlausibleDate, checkRfc822Date } from './check-dates.ts';
import { checkPlainText, checkRssCharacterData } from './content-html.ts';
import { checkDefinedChildren, RSS_CHANNEL_ELEMENTS } from './feed-vocabulary.ts';
import type { LintReport } from './lint-report.ts';
import { lintRssItem } from './lint-rss-item.ts';
import { checkChannelParts } from './rss-channel-parts.ts';
import { checkDuplicateSemantics, checkEmailWithName, checkSingles, checkUrl, DC_NS } from './rss-element-checks.ts';
import { isAbsoluteHttpUrl, isLanguageTag, isMediaType } from './value-checks.ts';
import { attributeOf, findChild, findChildren, type XmlElement } from './xml-tree.ts';

const DCTERMS_NS = 'http://purl.org/dc/terms/';

/** Channel elements RSS 2.0 allows at most once. */
const CHANNEL_SINGLE = [
  'title',
  'link',
  'description',
  'language',
  'copyright',
  'managingEditor',
  'webMaster',
  'pubDate',
  'lastBuildDate',
  'generator',
  'docs',
  'cloud',
  'ttl',
  'image',
  'rating',
  'textInput',
  'skipHours',
  'skipDays',
];
/** Core channel elements and the Dublin Core element saying the same thing (feedvalidator: DuplicateSemantics). */
const CHANNEL_DC_TWINS: readonly (readonly [string, string, string])[] = [
  ['managingEditor', DC_NS, 'creator'],
  ['webMaster', DC_NS, 'publisher'],
  ['language', DC_NS, 'language'],
  ['copyright', DC_NS, 'rights'],
  ['pubDate', DC_NS, 'date'],
  ['lastBuildDate', DCTERMS_NS, 'modified'],
  ['category', DC_NS, 'subject'],
];

/** Applies the RSS 2.0 rules to a parsed document; `lines` are the document's source lines. */
export function lintRss(report: LintReport, root: XmlElement, now: Date, lines: readonly string[]): void {
  const version = (attributeOf(root, 'version') ?? '').trim();
  const legacy = /^0\.9\d*$/.test(version);
  // RSS 0.9x and 2.0 live in no namespace; readers do not recognise an <rss> in one (feedvalidator: InvalidNamespace).
  if (root.local === 'rss' && root.uri !== '') {
    report.error('rss-root', root.line, root.name, `<rss> must be in no namespace, not xmlns="${root.uri}"`, 'InvalidNamespace');
    return;
  }
  if (root.local === 'rss' && attributeOf(root, 'version') === undefined) {
    // feedvalidator: MissingAttribute (rss.py) — the version is absent rather than wrong.
    report.error('missing-attribute', root.line, 'rss', '<rss> needs its version attribute: version="2.0"');
    return;
  }
  if (root.local !== 'rss' || root.uri !== '' || (version !== '2.0' && !legacy)) {
    report.error(
      'rss-root',
      root.line,
      root.name,
      `the root element must be <rss version="2.0"> (or 0.91–0.94), got ${version === '' ? 'no version' : `version="${version}"`}`,
    );
    return;
  }
  checkAttributes(report, root, 'rss');
  checkDoctype(report, lines.slice(0, root.line).join('\n'), version);
  const channel = findChild(root, 'channel');
  if (!channel) {
    report.error('missing-required', root.line, 'channel', '<rss> must contain a <channel>');
    return;
  }
  for (const name of ['title', 'link', 'description']) {
    if (!findChild(channel, name)) report.error('missing-required', channel.line, name, `<channel> must have a <${name}>`);
  }
  checkDefinedChildren(report, channel, RSS_CHANNEL_ELEMENTS);
  checkSingles(report, channel, CHANNEL_SINGLE);
  checkDuplicateSemantics(report, channel, CHANNEL_DC_TWINS);
  checkCommon(report, channel, now, lines);
  for (const name of ['description', 'copyright']) {
    for (const el of findChildren(channel, name)) checkRssText(report, el, lines);
  }
  for (const name of ['managingEditor', 'webMaster']) {
    const el = findChild(channel, name);
    if (el) checkEmailWithName(report, el);
  }
  const language = findChild(channel, 'language');
  if (language && !isLanguageTag(language.text.trim())) {
    report.error('language-tag', language.line, 'language', `"${language.text.trim()}" is not a language tag such as "fr-FR"`);
  }
  for (const name of ['url', 'link']) {
    const image = findChild(channel, 'image');
    const el = image && findChild(image, name);
    if (el) checkUrl(report, el.text, el.line, `image/${name}`);
  }
  checkChannelParts(report, channel);
  // The self link came with RSS 2.0 (and the RSS Profile); RSS 0.9x feeds predate it.
  if (!legacy) checkSelfLink(report, channel);

  lintMedia(report, channel);
  const guids = new Map<string, number>();
  for (const item of findChildren(channel, 'item')) {
    lintRssItem(report, item, guids, legacy, version === '0.91');
    lintMedia(report, item);
    checkCommon(report, item, now, lines);
  }
}

// --- internal ---

/** Rules shared by channel and item: plain-text, non-blank title and categories, absolute link, RFC 822 dates. */
function checkCommon(report: LintReport, parent: XmlElement, now: Date, lines: readonly string[]): void {
  for (const title of findChildren(parent, 'title')) {
    checkRssText(report, title, lines);
    // feedvalidator: NotBlank
    if (title.text.trim() === '') report.warning('text-blank', title.line, 'title', `<${parent.local}> has an empty <title>`);
  }
  for (const category of findChildren(parent, 'category')) {
    checkRssText(report, category, lines);
    // feedvalidator: NotBlank
    if (category.text.trim() === '') report.warning('text-blank', category.line, 'category', `<${parent.local}> has an empty <category>`);
  }
  for (const link of findChildren(parent, 'link')) checkUrl(report, link.text, link.line, 'link');
  for (const name of ['pubDate', 'lastBuildDate']) {
    for (const el of findChildren(parent, name)) {
      const date = checkRfc822Date(report, el.text, el.line, name);
      if (date) checkPlausibleDate(report, date, now, el.line, name);
    }
  }
}

/** An RSS plain-text element: no markup once unescaped, and markup-like `<`/`&#` written the RSS Profile way. */
function checkRssText(report: LintReport, el: XmlElement, lines: readonly string[]): void {
  checkPlainText(report, el.text, el.line, el.name);
  checkRssCharacterData(report, el.text, lines.slice(el.line - 1, el.endLine).join('\n'), el.line, el.name);
}

/**
 * The Netscape RSS 0.91 doctype (it brings the HTML entities) belongs to version 0.91 only (feedvalidator:
 * InvalidDoctype), and its my.netscape.com address is gone: the RSS Advisory Board's copy replaces it (DeprecatedDTD).
 */
function checkDoctype(report: LintReport, prolog: string, version: string): void {
  const doctype = /<!DOCTYPE\s+rss\s+PUBLIC\s+["']-\/\/Netscape Communications\/\/DTD RSS 0\.91\/\/EN["']\s+["']([^"']*)["']/.exec(prolog);
  if (!doctype) return;
  const line = prolog.slice(0, doctype.index).split('\n').length;
  const system = doctype[1]!;
  if (system === 'http://my.netscape.com/publish/formats/rss-0.91.dtd')
    report.error('doctype', line, 'DOCTYPE', `${system} is gone; the RSS 0.91 DTD is at http://www.rssboard.org/rss-0.91.dtd`);
  if ((system === 'http://my.netscape.com/publish/formats/rss-0.91.dtd' || system === 'http://www.rssboard.org/rss-0.91.dtd') && version !== '0.91')
    report.error('doctype', line, 'DOCTYPE', `the RSS 0.91 doctype is for version="0.91", not "${version}"`, 'InvalidDoctype');
}

function checkSelfLink(report: LintReport, channel: XmlElement): void {
  const links = findChildren(channel, 'link', ATOM_NS);
  for (const link of links) {
    const type = attributeOf(link, 'type');
    // feedvalidator: InvalidMIMEType
    if (type !== undefined && !isMediaType(type))
      report.error('link-type', link.line, 'atom:link', `type="${type}" is not a media type such as "application/rss+xml"`);
  }
  const self = links.find((l) => attributeOf(l, 'rel') === 'self');
  if (!self) {
    report.error(
      'self-link-missing',
      channel.line,
      'atom:link',
      '<channel> needs <atom:link rel="self" type="application/rss+xml" href="…"> with the feed\'s own URL',
    );
    return;
  }
  const type = attributeOf(self, 'type');
  // A wrong type is an error (stricter on purpose; feedvalidator: SelfNotAtom). A missing one only a warning: the
  // validator accepts it (RFC 4287 §4.2.7.3 makes type advisory) and readers still find the address.
  if (type === undefined) {
    report.warning('self-link-type', self.line, 'atom:link', 'rel="self" should say type="application/rss+xml"');
  } else if (type !== 'application/rss+xml') {
    report.error('self-link-type', self.line, 'atom:link', `rel="self" must have type="application/rss+xml", got "${type}"`);
  }
  const href = attributeOf(self, 'href') ?? '';
  if (!isAbsoluteHttpUrl(href))
    report.error('self-link-type', self.line, 'atom:link', `rel="self" href="${href}" must be the feed's absolute http(s) URL`, 'RelativeSelf');
}
