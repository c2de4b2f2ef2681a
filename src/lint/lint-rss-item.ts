// lint: the RSS 2.0 <item> rules (https://www.rssboard.org/rss-specification#hrelementsOfLtitemgt) the W3C validator applies.
import { CONTENT_NS } from './namespaces.ts';
import { createLineLocator } from '../_lib/line-locator.ts';
import { checkHtmlContent, checkPlainText } from './content-html.ts';
import { checkDefinedChildren, RSS_ITEM_ELEMENTS } from './feed-vocabulary.ts';
import type { LintReport } from './lint-report.ts';
import { checkDuplicateSemantics, checkEmailWithName, checkSingles, checkUrl, DC_NS } from './rss-element-checks.ts';
import { checkUriSyntax, isAbsoluteHttpUrl, isMediaType } from './value-checks.ts';
import { attributeOf, findChild, findChildren, type XmlElement } from './xml-tree.ts';

/** Item elements RSS 2.0 allows at most once (`author` included: it holds one e-mail address; enclosures below). */
const ITEM_SINGLE = ['title', 'link', 'description', 'author', 'comments', 'guid', 'pubDate', 'source'];
/** Core item elements and the Dublin Core element saying the same thing (feedvalidator: DuplicateItemSemantics). */
const ITEM_DC_TWINS: readonly (readonly [string, string, string])[] = [
  ['author', DC_NS, 'creator'],
  ['pubDate', DC_NS, 'date'],
  ['category', DC_NS, 'subject'],
  ['source', DC_NS, 'source'],
];

/** Applies the item rules; `guids` maps each guid seen so far in the channel to its line. */
export function lintRssItem(report: LintReport, item: XmlElement, guids: Map<string, number>, legacy = false, plainDescription = false): void {
  const description = findChild(item, 'description');
  if (!findChild(item, 'title') && !description) {
    report.error('item-title-or-description', item.line, 'item', '<item> must have a <title> or a <description>');
  }
  checkDefinedChildren(report, item, RSS_ITEM_ELEMENTS);
  checkSingles(report, item, ITEM_SINGLE);
  checkDuplicateSemantics(report, item, ITEM_DC_TWINS, 'DuplicateItemSemantics');

  for (const author of findChildren(item, 'author')) checkEmailWithName(report, author);
  const comments = findChild(item, 'comments');
  if (comments) checkUrl(report, comments.text, comments.line, 'comments');
  const enclosures = findChildren(item, 'enclosure');
  for (const enclosure of enclosures) checkEnclosure(report, enclosure);
  // feedvalidator: DuplicateEnclosure (a warning) — RSS 2.0 is silent on the count, and most readers show only the first.
  for (const extra of enclosures.slice(1)) {
    report.warning(
      'enclosure-duplicate',
      extra.line,
      'enclosure',
      `a second <enclosure> (first at line ${enclosures[0]!.line}); most readers show only the first — use Media RSS for several`,
    );
  }
  const source = findChild(item, 'source');
  if (source) checkUrl(report, attributeOf(source, 'url') ?? '', source.line, 'source');
  if (!legacy || findChild(item, 'guid')) checkGuid(report, item, guids);

  const encoded = findChild(item, 'encoded', CONTENT_NS);
  // feedvalidator: NeedDescriptionBeforeContent (a warning there too) — readers that stop at content:encoded never see
  // a later description.
  if (encoded && (!description || description.line > encoded.line)) {
    report.warning(
      'description-with-content',
      encoded.line,
      'content:encoded',
      '<content:encoded> needs a <description> before it too (summary for readers that ignore it)',
    );
  }
  // RSS 0.91 (Netscape and UserLand) has a plain-text item description, as the validator reads it (item.py: nonhtml):
  // markup there is shown as text, never run, so it is no security risk.
  if (description && plainDescription) checkPlainText(report, description.text, description.line, 'description');
  else if (description) checkHtmlContent(report, description.text, createLineLocator(description.text, description.contentLine).lineOf, 'description');
  if (encoded) checkHtmlContent(report, encoded.text, createLineLocator(encoded.text, encoded.contentLine).lineOf, 'content:encoded');
}

// --- internal ---

function checkGuid(report: LintReport, item: XmlElement, guids: Map<string, number>): void {
  const guid = findChild(item, 'guid');
  if (!guid) {
    // feedvalidator: MissingGuid
    report.warning('guid-missing', item.line, 'guid', '<item> has no <guid>; readers then guess from link or title and show edited items again as new');
    return;
  }
  const value = guid.text.trim();
  const permalink = attributeOf(guid, 'isPermaLink');
  for (const attr of guid.attributes.values()) {
    if (attr.uri === '' && attr.name !== 'isPermaLink')
      report.error(
        'unexpected-attribute',
        guid.line,
        'guid',
        `<guid> has no ${attr.name} attribute${attr.name.toLowerCase() === 'ispermalink' ? ' (the spelling is isPermaLink)' : ''}`,
      );
  }
  if (permalink !== undefined && permalink !== 'true' && permalink !== 'false') {
    report.error('guid-permalink-value', guid.line, 'guid', `isPermaLink must be "true" or "false", got "${permalink}"`);
  }
  // RSS 2.0 §guid: isPermaLink defaults to true, and then the guid must be the item's full URL. An invalid value is
  // reported above and, as the validator reads it (item.py), makes no permalink.
  const isPermalink = permalink === undefined || permalink === 'true';
  if (isPermalink && value === '') {
    report.error(
      'guid-not-permalink',
      guid.line,
      'guid',
      '<guid> is empty but a permalink by default; write the article URL, or an id with isPermaLink="false"',
    );
  } else if (isPermalink) {
    if (/^(?:tag:|urn:uuid:)/i.test(value)) {
      report.error('guid-not-permalink', guid.line, 'guid', `"${value}" is not a URL a reader can open; add isPermaLink="false"`, 'InvalidPermalink');
    } else if (!isAbsoluteHttpUrl(value)) {
      report.error('guid-not-permalink', guid.line, 'guid', `"${value}" is not a full URL; add isPermaLink="false" or use the article URL`);
    }
  } else if (/^tag:/i.test(value) && checkUriSyntax(value, 'rfc2396_full')) {
    // The validator leaves non-permalink guids unchecked; one that says it is a tag: URI must be one (RFC 4151), as
    // every guid Gazette writes is. A warning: readers still compare it as an opaque string.
    report.warning('tag-uri', guid.line, 'guid', `"${value}" is not a tag: URI: ${checkUriSyntax(value, 'rfc2396_full')!.reason}`);
  } else if (/^\d{1,8}$/.test(value)) {
    report.warning('guid-short', guid.line, 'guid', `"${value}" is too short to be unique across feeds; readers may merge it with another feed's item`);
  }
  // feedvalidator: NotBlank (a warning): an empty guid is ignored by readers, which then identify the item otherwise.
  if (value === '' && !isPermalink)
    report.warning('guid-empty', guid.line, 'guid', '<guid> is empty; readers fall back on the link or title to identify the item');
  const first = guids.get(value);
  if (first !== undefined) report.error('guid-duplicate', guid.line, 'guid', `"${value}" is also the guid of the item at line ${first}`);
  else guids.set(value, guid.line);
}

/**
 * An enclosure URL is an absolute http(s) URL with a host, in full URI syntax (RSS 2.0 §enclosure); the validator
 * names every fault of it, a stray space included, InvalidURLAttribute (validators.py: httpURL).
 */
function checkEnclosureUrl(report: LintReport, url: string, line: number): void {
  const problem = HTTP_URL_START.test(url) ? checkUriSyntax(url, 'rfc2396_full') : { reason: 'it must be an absolute http(s) URL' };
  if (problem) report.error('url-invalid', line, 'enclosure', `"${url}" is not a valid enclosure URL: ${problem.reason}`, 'InvalidURLAttribute');
}
const HTTP_URL_START = /^https?:\/\/[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*(?::\d+)?(?:\/|$)/i;

/** RSS 2.0 §enclosure: url, length (bytes, 0 when unknown) and type (a media type) are all required. */
function checkEnclosure(report: LintReport, enclosure: XmlElement): void {
  const url = attributeOf(enclosure, 'url');
  if (url === undefined) report.error('enclosure-attributes', enclosure.line, 'enclosure', '<enclosure> needs a url attribute', 'MissingAttribute');
  else checkEnclosureUrl(report, url, enclosure.line);
  const length = attributeOf(enclosure, 'length')?.trim();
  const type = attributeOf(enclosure, 'type');
  // feedvalidator: MissingAttribute, InvalidIntegerAttribute, UseZeroForUnknown, InvalidNonNegativeInteger, InvalidMIMEAttribute
  if (length === undefined) {
    report.error(
      'enclosure-attributes',
      enclosure.line,
      'enclosure',
      '<enclosure> needs a length attribute (the size in bytes; 0 when unknown)',
      'MissingAttribute',
    );
  } else if (!/^-?\d+$/.test(length)) {
    report.error(
      'enclosure-attributes',
      enclosure.line,
      'enclosure',
      `length="${length}" must be the size in bytes, a whole number (0 when unknown)`,
      'InvalidIntegerAttribute',
    );
  } else if (length.startsWith('-')) {
    report.error(
      'enclosure-attributes',
      enclosure.line,
      'enclosure',
      `length="${length}" cannot be negative; write 0 when the size is unknown`,
      length === '-1' ? 'UseZeroForUnknown' : 'InvalidNonNegativeInteger',
    );
  }
  if (type === undefined) {
    report.error('enclosure-attributes', enclosure.line, 'enclosure', '<enclosure> needs a type attribute such as "image/jpeg"', 'MissingAttribute');
  } else if (!isMediaType(type.trim())) {
    report.error('enclosure-attributes', enclosure.line, 'enclosure', `type="${type}" is not a media type such as "image/jpeg"`, 'InvalidMIMEAttribute');
  }
}
