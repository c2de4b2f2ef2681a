// lint: Atom 1.0 rules (RFC 4287, https://www.rfc-editor.org/rfc/rfc4287) as the W3C Feed Validation Service applies them.
import { checkPlausibleDate, checkRfc3339Date } from './check-dates.ts';
import { checkHtmlContent, checkPlainText } from './content-html.ts';
import { ATOM_ENTRY_ELEMENTS, ATOM_FEED_ELEMENTS, checkDefinedChildren } from './feed-vocabulary.ts';
import { indexLines, type LintReport } from './lint-report.ts';
import { ATOM_NS } from './lint-rss.ts';
import { hasUriScheme, isAddrSpec, isCanonicalUri, isFullIri, isLanguageTag, isMediaType } from './value-checks.ts';
import { attributeOf, findChild, findChildren, type XmlElement } from './xml-tree.ts';

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
/** RFC 4287 §3.1: the text constructs. */
const TEXT_CONSTRUCTS = ['title', 'subtitle', 'summary', 'rights'];
/** Elements a feed or entry may hold once (RFC 4287 §4.1.1, §4.1.2). */
const SINGLES = ['id', 'title', 'updated', 'published', 'subtitle', 'summary', 'content', 'rights', 'icon', 'logo', 'generator', 'source'];

/** Applies the Atom 1.0 rules to a parsed document. */
export function lintAtom(report: LintReport, root: XmlElement, now: Date): void {
  if (root.local !== 'feed' || root.uri !== ATOM_NS) {
    report.error('atom-root', root.line, root.name, `the root element must be <feed xmlns="${ATOM_NS}">`);
    return;
  }
  const lang = root.attributes.get('xml:lang');
  if (lang && lang.uri === XML_NS && lang.value !== '' && !isLanguageTag(lang.value)) {
    report.error('language-tag', root.line, 'xml:lang', `"${lang.value}" is not a language tag such as "fr-FR"`);
  }
  const ids = new Map<string, number>();
  checkDefinedChildren(report, root, ATOM_FEED_ELEMENTS, ATOM_NS);
  lintCommon(report, root, now, ids, root.attributes.has('xml:base'));
  const self = findChildren(root, 'link', ATOM_NS).find((l) => attributeOf(l, 'rel') === 'self');
  if (!self) report.error('self-link-missing', root.line, 'link', '<feed> needs <link rel="self" href="…"> with the feed\'s own URL');
  const feedHasAuthor = findChildren(root, 'author', ATOM_NS).length > 0;

  const entries = findChildren(root, 'entry', ATOM_NS);
  const updatedValues = new Map<string, XmlElement[]>();
  for (const entry of entries) {
    checkDefinedChildren(report, entry, ATOM_ENTRY_ELEMENTS, ATOM_NS);
    lintCommon(report, entry, now, ids, root.attributes.has('xml:base') || entry.attributes.has('xml:base'));
    const source = findChild(entry, 'source', ATOM_NS);
    const hasAuthor = findChildren(entry, 'author', ATOM_NS).length > 0 || (source !== undefined && findChildren(source, 'author', ATOM_NS).length > 0);
    if (!feedHasAuthor && !hasAuthor) {
      report.error('author-missing', entry.line, 'author', '<entry> has no <author> and the feed has none either (RFC 4287 §4.1.2)');
    }
    const content = findChild(entry, 'content', ATOM_NS);
    if (content) checkContent(report, content);
    checkTextualContent(report, entry, content);
    const updated = findChild(entry, 'updated', ATOM_NS);
    if (updated) updatedValues.set(updated.text.trim(), [...(updatedValues.get(updated.text.trim()) ?? []), updated]);
  }
  // feedvalidator: DuplicateUpdated — readers sort and de-duplicate on <updated>, so two entries sharing one value
  // (several date-only records of one day, or a build clock) may be merged or shown in any order.
  for (const [value, els] of updatedValues) {
    if (els.length > 1) {
      report.warning('same-updated', els[0]!.line, 'updated', `${els.length} of ${entries.length} entries have updated "${value}"; give each entry its own time`);
    }
  }
}

// --- internal ---

/** Rules shared by feed and entry: required id/title/updated, singletons, ids, dates, text constructs, links, categories. */
function lintCommon(report: LintReport, parent: XmlElement, now: Date, ids: Map<string, number>, hasBase: boolean): void {
  for (const name of ['id', 'title', 'updated']) {
    if (!findChild(parent, name, ATOM_NS)) report.error('missing-required', parent.line, name, `<${parent.local}> must have an <${name}> (RFC 4287 §4.1)`);
  }
  for (const name of SINGLES) {
    const found = findChildren(parent, name, ATOM_NS);
    for (const extra of found.slice(1)) {
      report.error('duplicate-element', extra.line, name, `<${parent.local}> may have only one <${name}> (first at line ${found[0]!.line})`);
    }
  }
  const id = findChild(parent, 'id', ATOM_NS);
  if (id) {
    const value = id.text.trim();
    if (!isFullIri(value)) report.error('id-not-iri', id.line, 'id', `"${value}" is not a full IRI (scheme required, e.g. tag:example.org,2024-01-01:…)`);
    // feedvalidator: NonCanonicalURI — ids compare character by character, so two spellings of one URI are two ids.
    else if (!isCanonicalUri(value)) report.warning('id-not-canonical', id.line, 'id', `"${value}" is not in normal form (lower-case scheme and host, no default port, "/" path, upper-case %XX); readers compare ids as strings`);
    const first = ids.get(value);
    if (first !== undefined) report.error('id-duplicate', id.line, 'id', `"${value}" is also the id at line ${first}`);
    else ids.set(value, id.line);
  }
  for (const name of ['updated', 'published']) {
    for (const el of findChildren(parent, name, ATOM_NS)) {
      const date = checkRfc3339Date(report, el.text.trim(), el.line, name);
      if (date) checkPlausibleDate(report, date, now, el.line, name);
    }
  }
  for (const name of TEXT_CONSTRUCTS) {
    for (const el of findChildren(parent, name, ATOM_NS)) checkTextConstruct(report, el);
  }
  checkLinks(report, parent, hasBase);
  for (const category of findChildren(parent, 'category', ATOM_NS)) {
    const term = attributeOf(category, 'term');
    if (term === undefined || term.trim() === '') report.error('category-term', category.line, 'category', '<category> needs a non-empty term attribute');
    else checkPlainText(report, term, category.line, 'category');
    const label = attributeOf(category, 'label');
    if (label !== undefined) checkPlainText(report, label, category.line, 'category');
  }
  for (const author of findChildren(parent, 'author', ATOM_NS)) {
    if (!findChild(author, 'name', ATOM_NS)) report.error('missing-required', author.line, 'name', '<author> needs a <name>');
    const email = findChild(author, 'email', ATOM_NS);
    // feedvalidator: InvalidAddrSpec
    if (email && !isAddrSpec(email.text)) report.error('author-email', email.line, 'email', `"${email.text.trim()}" is not an e-mail address such as "redaction@example.org"`);
  }
}

/** RFC 4287 §4.2.7: every link has an href (absolute unless xml:base), a media type if typed, one alternate per type and language. */
function checkLinks(report: LintReport, parent: XmlElement, hasBase: boolean): void {
  const alternates = new Map<string, number>();
  for (const link of findChildren(parent, 'link', ATOM_NS)) {
    const href = attributeOf(link, 'href');
    if (href === undefined) report.error('missing-required', link.line, 'link', '<link> needs an href attribute');
    else if (!hasBase && !hasUriScheme(href)) report.error('url-absolute', link.line, 'link', `"${href}" is relative and there is no xml:base`);
    const rel = attributeOf(link, 'rel') ?? 'alternate';
    const type = attributeOf(link, 'type');
    if (type !== undefined && !isMediaType(type)) {
      // feedvalidator: InvalidMIMEType
      report.error('link-type', link.line, 'link', `type="${type}" is not a media type such as "text/html" or "image/jpeg"`);
    } else if (rel === 'self' && type !== undefined && !/^application\/(?:atom|rss|rdf)\+xml\s*(?:;|$)/.test(type)) {
      // feedvalidator: SelfNotAtom
      report.warning('self-link-type', link.line, 'link', `rel="self" points at the feed itself, so its type is application/atom+xml, not "${type}"`);
    }
    if (rel !== 'alternate') continue;
    const key = `${type ?? ''} ${attributeOf(link, 'hreflang') ?? ''}`;
    const first = alternates.get(key);
    // feedvalidator: DuplicateAtomLink
    if (first !== undefined) report.error('link-alternate-duplicate', link.line, 'link', `a second rel="alternate" link with the same type and hreflang as line ${first}`);
    else alternates.set(key, link.line);
  }
}

/**
 * RFC 4287 §4.1.1.1 and §4.1.2: an entry without content needs a rel="alternate" link, and one without textual
 * content (none, out-of-line, or a non-text media type) needs a summary.
 */
function checkTextualContent(report: LintReport, entry: XmlElement, content: XmlElement | undefined): void {
  const hasSummary = findChild(entry, 'summary', ATOM_NS) !== undefined;
  if (!content) {
    const alternate = findChildren(entry, 'link', ATOM_NS).some((l) => (attributeOf(l, 'rel') ?? 'alternate') === 'alternate');
    // feedvalidator: MissingContentOrAlternate
    if (!alternate) report.error('entry-content-or-alternate', entry.line, 'entry', '<entry> has neither <content> nor a rel="alternate" link: readers have nothing to show or open');
    // feedvalidator: MissingTextualContent
    if (!hasSummary) report.warning('entry-summary-missing', entry.line, 'entry', '<entry> has neither <content> nor <summary>: readers show the title only');
    return;
  }
  const type = attributeOf(content, 'type') ?? 'text';
  const textual = ['text', 'html', 'xhtml'].includes(type) || /\+xml$|\/xml$|^text\//.test(type);
  if (!hasSummary && (attributeOf(content, 'src') !== undefined || !textual)) {
    // feedvalidator: MissingSummary
    report.error('entry-summary-missing', content.line, 'content', `<content ${attributeOf(content, 'src') !== undefined ? 'src' : `type="${type}"`}> is not text readers can show: add a <summary>`);
  }
}

/** RFC 4287 §3.1.1: a text construct's type is text, html or xhtml; html is checked as HTML, text as plain text. */
function checkTextConstruct(report: LintReport, el: XmlElement): void {
  const type = attributeOf(el, 'type') ?? 'text';
  if (type !== 'text' && type !== 'html' && type !== 'xhtml') {
    report.error('text-type', el.line, el.local, `type="${type}" must be text, html or xhtml`);
    return;
  }
  // feedvalidator: NotBlank
  if (el.text.trim() === '' && el.children.length === 0) report.warning('text-blank', el.line, el.local, `<${el.local}> is empty`);
  if (type === 'html') checkHtmlContent(report, el.text, indexLines(el.text, el.contentLine), el.local);
  else if (type === 'xhtml') checkXhtml(report, el);
  else checkPlainText(report, el.text, el.line, el.local);
}

/** RFC 4287 §4.1.3: content type is text, html, xhtml or a MIME media type. */
function checkContent(report: LintReport, el: XmlElement): void {
  const type = attributeOf(el, 'type') ?? 'text';
  if (type === 'html') checkHtmlContent(report, el.text, indexLines(el.text, el.contentLine), 'content');
  else if (type === 'xhtml') checkXhtml(report, el);
  else if (type !== 'text' && !/^[\w.+-]+\/[\w.+-]+/.test(type)) {
    report.error('text-type', el.line, 'content', `type="${type}" must be text, html, xhtml or a media type`);
  }
}

/** XHTML content is markup in the tree: check each element as its HTML serialisation would be. */
function checkXhtml(report: LintReport, el: XmlElement): void {
  const visit = (node: XmlElement) => {
    const attrs = [...node.attributes.values()].filter((a) => !a.name.startsWith('xmlns'))
      .map((a) => ` ${a.local}="${a.value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`).join('');
    checkHtmlContent(report, `<${node.local}${attrs}>`, () => node.line, el.local);
    node.children.forEach(visit);
  };
  el.children.forEach(visit);
}
