// lint: RSS 2.0 rules (https://www.rssboard.org/rss-specification) as the W3C Feed Validation Service applies them.
import { checkPlausibleDate, checkRfc822Date } from './check-dates.ts';
import { checkHtmlContent, checkPlainText } from './content-html.ts';
import { indexLines, type LintReport } from './lint-report.ts';
import { isAbsoluteHttpUrl, isLanguageTag, isRssEmail } from './value-checks.ts';
import { attributeOf, findChild, findChildren, type XmlElement } from './xml-tree.ts';

export const ATOM_NS = 'http://www.w3.org/2005/Atom';
const CONTENT_NS = 'http://purl.org/rss/1.0/modules/content/';

/** Channel elements RSS 2.0 allows at most once. */
const CHANNEL_SINGLE = ['title', 'link', 'description', 'language', 'copyright', 'managingEditor', 'webMaster', 'pubDate',
  'lastBuildDate', 'generator', 'docs', 'cloud', 'ttl', 'image', 'rating', 'textInput', 'skipHours', 'skipDays'];
/** Item elements RSS 2.0 allows at most once (`author` included: it holds one e-mail address). */
const ITEM_SINGLE = ['title', 'link', 'description', 'author', 'comments', 'enclosure', 'guid', 'pubDate', 'source'];

/** Applies the RSS 2.0 rules to a parsed document. */
export function lintRss(report: LintReport, root: XmlElement, now: Date): void {
  if (root.local !== 'rss' || root.uri !== '' || attributeOf(root, 'version') !== '2.0') {
    report.error('rss-root', root.line, root.name, 'the root element must be <rss version="2.0">');
    return;
  }
  const channel = findChild(root, 'channel');
  if (!channel) {
    report.error('missing-required', root.line, 'channel', '<rss> must contain a <channel>');
    return;
  }
  for (const name of ['title', 'link', 'description']) {
    if (!findChild(channel, name)) report.error('missing-required', channel.line, name, `<channel> must have a <${name}>`);
  }
  checkSingles(report, channel, CHANNEL_SINGLE);
  checkCommon(report, channel, now);
  for (const name of ['managingEditor', 'webMaster']) {
    const el = findChild(channel, name);
    if (el && !isRssEmail(el.text)) report.error('author-email', el.line, name, `"${el.text.trim()}" must be an e-mail address, optionally followed by " (Name)"`);
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
  checkSelfLink(report, channel);

  const guids = new Map<string, number>();
  for (const item of findChildren(channel, 'item')) lintItem(report, item, now, guids);
}

// --- internal ---

function lintItem(report: LintReport, item: XmlElement, now: Date, guids: Map<string, number>): void {
  const description = findChild(item, 'description');
  if (!findChild(item, 'title') && !description) {
    report.error('item-title-or-description', item.line, 'item', '<item> must have a <title> or a <description>');
  }
  checkSingles(report, item, ITEM_SINGLE);
  checkCommon(report, item, now);

  for (const author of findChildren(item, 'author')) {
    if (!isRssEmail(author.text)) {
      report.error('author-email', author.line, 'author', `"${author.text.trim()}" is not an e-mail address; put names in <dc:creator>`);
    }
  }
  const comments = findChild(item, 'comments');
  if (comments) checkUrl(report, comments.text, comments.line, 'comments');
  for (const enclosure of findChildren(item, 'enclosure')) {
    const url = attributeOf(enclosure, 'url');
    if (url === undefined) report.error('missing-required', enclosure.line, 'enclosure', '<enclosure> needs a url attribute');
    else checkUrl(report, url, enclosure.line, 'enclosure');
  }
  const source = findChild(item, 'source');
  if (source) checkUrl(report, attributeOf(source, 'url') ?? '', source.line, 'source');

  const guid = findChild(item, 'guid');
  if (guid) {
    const value = guid.text.trim();
    const permalink = attributeOf(guid, 'isPermaLink');
    if (permalink !== undefined && permalink !== 'true' && permalink !== 'false') {
      report.error('guid-permalink-value', guid.line, 'guid', `isPermaLink must be "true" or "false", got "${permalink}"`);
    }
    // RSS 2.0 §guid: isPermaLink defaults to true, and then the guid must be the item's full URL.
    if (permalink !== 'false' && !isAbsoluteHttpUrl(value)) {
      report.error('guid-not-permalink', guid.line, 'guid', `"${value}" is not a full URL; add isPermaLink="false" or use the article URL`);
    }
    if (value === '') report.error('guid-empty', guid.line, 'guid', '<guid> is empty');
    const first = guids.get(value);
    if (first !== undefined) report.error('guid-duplicate', guid.line, 'guid', `"${value}" is also the guid of the item at line ${first}`);
    else guids.set(value, guid.line);
  }

  const encoded = findChild(item, 'encoded', CONTENT_NS);
  if (encoded && !description) {
    report.error('description-with-content', encoded.line, 'content:encoded', '<content:encoded> needs a <description> too (summary for readers that ignore it)');
  }
  if (description) checkHtmlContent(report, description.text, indexLines(description.text, description.contentLine), 'description');
  if (encoded) checkHtmlContent(report, encoded.text, indexLines(encoded.text, encoded.contentLine), 'content:encoded');
}

/** Rules shared by channel and item: plain-text title and categories, absolute link, RFC 822 dates. */
function checkCommon(report: LintReport, parent: XmlElement, now: Date): void {
  for (const title of findChildren(parent, 'title')) checkPlainText(report, title.text, title.line, 'title');
  for (const category of findChildren(parent, 'category')) checkPlainText(report, category.text, category.line, 'category');
  for (const link of findChildren(parent, 'link')) checkUrl(report, link.text, link.line, 'link');
  for (const name of ['pubDate', 'lastBuildDate']) {
    for (const el of findChildren(parent, name)) {
      const date = checkRfc822Date(report, el.text, el.line, name);
      if (date) checkPlausibleDate(report, date, now, el.line, name);
    }
  }
}

function checkSingles(report: LintReport, parent: XmlElement, names: readonly string[]): void {
  for (const name of names) {
    const found = findChildren(parent, name);
    for (const extra of found.slice(1)) {
      report.error('duplicate-element', extra.line, name, `<${parent.name}> may have only one <${name}> (first at line ${found[0]!.line})`);
    }
  }
}

function checkSelfLink(report: LintReport, channel: XmlElement): void {
  const self = findChildren(channel, 'link', ATOM_NS).find((l) => attributeOf(l, 'rel') === 'self');
  if (!self) {
    report.error('self-link-missing', channel.line, 'atom:link', '<channel> needs <atom:link rel="self" type="application/rss+xml" href="…"> with the feed\'s own URL');
    return;
  }
  const type = attributeOf(self, 'type');
  if (type !== 'application/rss+xml') {
    report.error('self-link-type', self.line, 'atom:link', `rel="self" must have type="application/rss+xml", got ${type === undefined ? 'none' : `"${type}"`}`);
  }
  checkUrl(report, attributeOf(self, 'href') ?? '', self.line, 'atom:link');
}

function checkUrl(report: LintReport, value: string, line: number, field: string): void {
  if (!isAbsoluteHttpUrl(value)) report.error('url-absolute', line, field, `"${value.trim()}" must be an absolute http(s) URL`);
}
