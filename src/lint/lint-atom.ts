// lint: Atom 1.0 rules (RFC 4287, https://www.rfc-editor.org/rfc/rfc4287) as the W3C Feed Validation Service applies them.
import { lintMedia } from './lint-media.ts';
import { createLineLocator } from '../_lib/line-locator.ts';
import { checkPlausibleDate, checkRfc3339Date } from './check-dates.ts';
import { checkXhtml, checkXhtmlDiv } from './atom-xhtml.ts';
import { checkHtmlContent, checkPlainText } from './content-html.ts';
import { ATOM_ENTRY_ELEMENTS, ATOM_FEED_ELEMENTS, checkDefinedChildren } from './feed-vocabulary.ts';
import type { LintReport } from './lint-report.ts';
import { checkAttributes } from './attribute-vocabulary.ts';
import { ATOM_NS } from './namespaces.ts';
import { checkUrl } from './rss-element-checks.ts';
import { checkLicense } from './rss-modules.ts';
import { checkUriSyntax, hasUriScheme, isAddrSpec, isCanonicalUri, isFullIri, isLanguageTag, isMediaType } from './value-checks.ts';
import { attributeOf, descendants, findChild, findChildren, type XmlElement } from './xml-tree.ts';

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
/** `<source>` children: the feed's, without entries (RFC 4287 §4.2.11). */
const SOURCE_ELEMENTS: ReadonlySet<string> = new Set([...ATOM_FEED_ELEMENTS].filter((n) => n !== 'entry'));
/** Link relations the validator knows (IANA registry as of its source, link.py); others must be full IRIs. */
const LINK_RELATIONS: ReadonlySet<string> = new Set([
  'alternate',
  'current',
  'describedby',
  'edit',
  'edit-media',
  'enclosure',
  'first',
  'hub',
  'last',
  'license',
  'next',
  'next-archive',
  'payment',
  'prev-archive',
  'previous',
  'related',
  'replies',
  'search',
  'self',
  'service',
  'up',
  'via',
]);
/** RFC 4287 §3.1: the text constructs. */
const TEXT_CONSTRUCTS = ['title', 'subtitle', 'summary', 'rights'];
/** Elements a feed or entry may hold once (RFC 4287 §4.1.1, §4.1.2). */
const SINGLES = ['id', 'title', 'updated', 'published', 'subtitle', 'summary', 'content', 'rights', 'icon', 'logo', 'generator', 'source'];

/** Applies the Atom 1.0 rules to a parsed document. */
export function lintAtom(report: LintReport, root: XmlElement, now: Date): void {
  checkAttributes(report, root, 'atom');
  if (root.local === 'entry' && root.uri === ATOM_NS) {
    lintEntryDocument(report, root, now);
    return;
  }
  if (root.local !== 'feed' || root.uri !== ATOM_NS) {
    report.error(
      'atom-root',
      root.line,
      root.name,
      `the root element must be <feed xmlns="${ATOM_NS}">`,
      root.uri === '' ? 'MissingNamespace' : 'InvalidNamespace',
    );
    return;
  }
  checkXmlBases(report, root);
  const lang = root.attributes.get('xml:lang');
  if (lang && lang.uri === XML_NS && lang.value !== '' && !isLanguageTag(lang.value)) {
    report.error('language-tag', root.line, 'xml:lang', `"${lang.value}" is not a language tag such as "fr-FR"`);
  }
  const ids = new Map<string, number>();
  checkDefinedChildren(report, root, ATOM_FEED_ELEMENTS, ATOM_NS);
  lintCommon(report, root, now, ids, root.attributes.has('xml:base'));
  checkLicense(report, root);
  const self = findChildren(root, 'link', ATOM_NS).find((l) => attributeOf(l, 'rel') === 'self');
  if (!self) report.error('self-link-missing', root.line, 'link', '<feed> needs <link rel="self" href="…"> with the feed\'s own URL');
  const feedHasAuthor = findChildren(root, 'author', ATOM_NS).length > 0;

  lintMedia(report, root);
  const entries = findChildren(root, 'entry', ATOM_NS);
  const updatedValues = new Map<string, XmlElement[]>();
  for (const entry of entries) {
    checkDefinedChildren(report, entry, ATOM_ENTRY_ELEMENTS, ATOM_NS);
    lintMedia(report, entry);
    lintCommon(report, entry, now, ids, root.attributes.has('xml:base') || entry.attributes.has('xml:base'));
    checkLicense(report, entry);
    const source = findChild(entry, 'source', ATOM_NS);
    const hasAuthor = findChildren(entry, 'author', ATOM_NS).length > 0 || (source !== undefined && findChildren(source, 'author', ATOM_NS).length > 0);
    if (!feedHasAuthor && !hasAuthor) {
      report.error('author-missing', entry.line, 'author', '<entry> has no <author> and the feed has none either (RFC 4287 §4.1.2)');
    }
    const content = findChild(entry, 'content', ATOM_NS);
    if (content) checkTypedText(report, content, true);
    checkTextualContent(report, entry, content);
    if (source) lintSource(report, source, now);
    const updated = findChild(entry, 'updated', ATOM_NS);
    if (updated) updatedValues.set(updated.text.trim(), [...(updatedValues.get(updated.text.trim()) ?? []), updated]);
  }
  // feedvalidator: DuplicateUpdated — readers sort and de-duplicate on <updated>, so two entries sharing one value
  // (several date-only records of one day, or a build clock) may be merged or shown in any order.
  for (const [value, els] of updatedValues) {
    if (els.length > 1) {
      report.warning(
        'same-updated',
        els[0]!.line,
        'updated',
        `${els.length} of ${entries.length} entries have updated "${value}"; give each entry its own time`,
      );
    }
  }
}

// --- internal ---

/** RFC 4287 §4.1.2 as a top-level document (RFC 5023 §9.2): the entry's own rules, with its own author. */
function lintEntryDocument(report: LintReport, entry: XmlElement, now: Date): void {
  checkXmlBases(report, entry);
  checkDefinedChildren(report, entry, ATOM_ENTRY_ELEMENTS, ATOM_NS);
  lintCommon(report, entry, now, new Map(), true);
  const source = findChild(entry, 'source', ATOM_NS);
  const hasAuthor = findChildren(entry, 'author', ATOM_NS).length > 0 || (source !== undefined && findChildren(source, 'author', ATOM_NS).length > 0);
  if (!hasAuthor) report.error('author-missing', entry.line, 'author', 'an entry document needs its own <author> (RFC 4287 §4.1.2)');
  const content = findChild(entry, 'content', ATOM_NS);
  if (content) checkTypedText(report, content, true);
  checkTextualContent(report, entry, content);
  if (source) lintSource(report, source, now);
}

/** RFC 4287 §4.2.11: `<source>` holds the feed's metadata (no entries), each singular element at most once. */
function lintSource(report: LintReport, source: XmlElement, now: Date): void {
  checkDefinedChildren(report, source, SOURCE_ELEMENTS, ATOM_NS);
  // feedvalidator: MissingSourceElement (a warning) — RFC 4287 §4.2.11 says the source SHOULD keep the feed's id, title, updated.
  for (const name of ['id', 'title', 'updated']) {
    if (!findChild(source, name, ATOM_NS))
      report.warning('source-incomplete', source.line, name, `<source> should keep the original feed's <${name}> (RFC 4287 §4.2.11)`);
  }
  lintCommon(report, source, now, new Map(), true, { required: false });
}

/** Every `xml:base` is an IRI reference (feedvalidator: InvalidIRI, InvalidUriChar). */
function checkXmlBases(report: LintReport, root: XmlElement): void {
  for (const el of descendants(root)) {
    const base = el.attributes.get('xml:base');
    if (base && base.uri === XML_NS) checkUrl(report, base.value, el.line, 'xml:base', 'rfc3987', { exact: true });
  }
}

/** Rules shared by feed and entry: required id/title/updated, singletons, ids, dates, text constructs, links, categories. */
function lintCommon(report: LintReport, parent: XmlElement, now: Date, ids: Map<string, number>, hasBase: boolean, options: { required?: boolean } = {}): void {
  for (const name of options.required === false ? [] : ['id', 'title', 'updated']) {
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
    const problem = checkUriSyntax(id.text, 'rfc2396_full');
    if (problem)
      report.error(problem.code === 'url-invalid' ? 'id-not-iri' : problem.code, id.line, 'id', `"${value}" is not a valid id: ${problem.reason}`, problem.w3c);
    else if (!isFullIri(value)) report.error('id-not-iri', id.line, 'id', `"${value}" is not a full IRI (scheme required, e.g. tag:example.org,2024-01-01:…)`);
    // feedvalidator: NonCanonicalURI — ids compare character by character, so two spellings of one URI are two ids.
    else if (!isCanonicalUri(value))
      report.warning(
        'id-not-canonical',
        id.line,
        'id',
        `"${value}" is not in normal form (lower-case scheme and host, no default port, "/" path, upper-case %XX); readers compare ids as strings`,
      );
    const first = ids.get(value);
    if (first !== undefined) report.error('id-duplicate', id.line, 'id', `"${value}" is also the id at line ${first}`);
    else ids.set(value, id.line);
  }
  for (const name of ['updated', 'published']) {
    for (const el of findChildren(parent, name, ATOM_NS)) {
      // feedvalidator: UnexpectedWhitespace — RFC 3339 has no room for it, and strict readers reject the date.
      if (el.text !== el.text.trim()) report.error('whitespace', el.line, name, `<${name}> has white space around its date`);
      const date = checkRfc3339Date(report, el.text.trim(), el.line, name);
      if (date) checkPlausibleDate(report, date, now, el.line, name);
    }
  }
  for (const name of TEXT_CONSTRUCTS) {
    for (const el of findChildren(parent, name, ATOM_NS)) checkTypedText(report, el, false);
  }
  for (const name of ['icon', 'logo']) {
    for (const el of findChildren(parent, name, ATOM_NS)) checkUrl(report, el.text, el.line, name, 'rfc3987');
  }
  for (const generator of findChildren(parent, 'generator', ATOM_NS)) {
    const uri = attributeOf(generator, 'uri');
    if (uri !== undefined) checkUrl(report, uri, generator.line, 'generator', 'rfc3987', { exact: true });
    for (const child of generator.children) report.error('element-undefined', child.line, child.name, '<generator> holds text only');
    checkPlainText(report, generator.text, generator.line, 'generator');
    if (generator.text.trim() === '') report.warning('text-blank', generator.line, 'generator', '<generator> is empty: name the software');
  }
  checkLinks(report, parent, hasBase);
  for (const category of findChildren(parent, 'category', ATOM_NS)) {
    const term = attributeOf(category, 'term');
    if (term === undefined) report.error('category-term', category.line, 'category', '<category> needs a term attribute (RFC 4287 §4.2.2)', 'MissingAttribute');
    // feedvalidator: AttrNotBlank (a warning): readers drop a category without a term.
    else if (term.trim() === '') report.warning('category-term', category.line, 'category', '<category term=""> is blank; readers drop it');
    else checkPlainText(report, term, category.line, 'category');
    const label = attributeOf(category, 'label');
    if (label !== undefined) checkPlainText(report, label, category.line, 'category');
  }
  for (const person of [...findChildren(parent, 'author', ATOM_NS), ...findChildren(parent, 'contributor', ATOM_NS)]) checkPerson(report, person);
}

/** RFC 4287 §3.2: a person has one `name` (plain text), at most one `email` (addr-spec) and one `uri` (IRI). */
function checkPerson(report: LintReport, person: XmlElement): void {
  const where = `<${person.local}>`;
  if (!findChild(person, 'name', ATOM_NS)) report.error('missing-required', person.line, 'name', `${where} needs a <name>`);
  for (const name of ['name', 'email', 'uri']) {
    const found = findChildren(person, name, ATOM_NS);
    for (const extra of found.slice(1))
      report.error('duplicate-element', extra.line, name, `${where} may have only one <${name}> (first at line ${found[0]!.line})`);
  }
  for (const child of person.children) {
    if (child.uri === ATOM_NS && !['name', 'email', 'uri'].includes(child.local))
      report.error('element-undefined', child.line, child.name, `${where} has no <${child.local}> element (RFC 4287 §3.2)`);
  }
  for (const name of findChildren(person, 'name', ATOM_NS)) {
    checkPlainText(report, name.text, name.line, `${person.local}/name`);
    if (name.text.trim() === '') report.warning('text-blank', name.line, 'name', `${where} has an empty <name>`);
  }
  for (const email of findChildren(person, 'email', ATOM_NS)) {
    const address = email.text.trim();
    // feedvalidator: UnknownHost (a warning) for an address whose domain has no dot, such as `redaction@localhost`.
    if (/^[\w.%+-]+@[A-Za-z][\w.-]+$/.test(address) && !isAddrSpec(address))
      report.warning('email-host', email.line, 'email', `"${address}": the domain has no dot, so no reader can mail it`);
    else if (!isAddrSpec(address))
      report.error(
        'author-email',
        email.line,
        'email',
        `"${address}" is not an e-mail address such as "redaction@example.org" (RFC 4287 §3.2.3: the address only)`,
        'InvalidAddrSpec',
      );
  }
  for (const uri of findChildren(person, 'uri', ATOM_NS)) checkUrl(report, uri.text, uri.line, `${person.local}/uri`, 'rfc3987');
}

/** RFC 4287 §4.2.7: every link has an href (absolute unless xml:base), a media type if typed, one alternate per type and language. */
function checkLinks(report: LintReport, parent: XmlElement, hasBase: boolean): void {
  const alternates = new Map<string, number>();
  for (const link of findChildren(parent, 'link', ATOM_NS)) {
    const href = attributeOf(link, 'href');
    if (href === undefined) report.error('missing-attribute', link.line, 'link', '<link> needs an href attribute', 'MissingHref');
    else if (checkUriSyntax(href, 'rfc3987')) checkUrl(report, href, link.line, 'link', 'rfc3987', { exact: true });
    else if (!hasBase && !hasUriScheme(href)) {
      const self = attributeOf(link, 'rel') === 'self';
      report.warning(
        'url-absolute',
        link.line,
        'link',
        `"${href}" is relative and there is no xml:base: readers resolve it against the feed's own URL, and some do not at all`,
        self ? 'RelativeSelf' : null,
      );
    }
    const rel = attributeOf(link, 'rel') ?? 'alternate';
    const relName = rel.replace(/^http:\/\/www\.iana\.org\/assignments\/relation\//, '');
    if (rel.trim() === '') report.warning('attr-blank', link.line, 'link', '<link rel=""> is blank');
    else if (!LINK_RELATIONS.has(relName) && checkUriSyntax(rel, 'rfc2396_full') !== undefined) {
      // feedvalidator: UnregisteredAtomLinkRel
      report.warning('link-rel', link.line, 'link', `rel="${rel}" is neither a registered link relation nor a full IRI; readers ignore the link`);
    }
    const hreflang = attributeOf(link, 'hreflang');
    if (hreflang !== undefined && !isLanguageTag(hreflang))
      report.error('language-tag', link.line, 'link', `hreflang="${hreflang}" is not a language tag such as "fr-FR"`);
    const title = attributeOf(link, 'title');
    if (title !== undefined) checkPlainText(report, title, link.line, 'link');
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
    if (first !== undefined)
      report.error('link-alternate-duplicate', link.line, 'link', `a second rel="alternate" link with the same type and hreflang as line ${first}`);
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
    if (!alternate)
      report.error(
        'entry-content-or-alternate',
        entry.line,
        'entry',
        '<entry> has neither <content> nor a rel="alternate" link: readers have nothing to show or open',
      );
    // feedvalidator: MissingTextualContent
    if (!hasSummary) report.warning('entry-summary-missing', entry.line, 'entry', '<entry> has neither <content> nor <summary>: readers show the title only');
    return;
  }
  const type = attributeOf(content, 'type') ?? 'text';
  // As the validator reads it (entry.py): a type without "/" is a keyword (a misspelt one, `HTML`, is reported as
  // InvalidMIMEType, not as binary content), and XML and text/* media types are textual.
  const textual = !type.includes('/') || /\+xml$|\/xml$|^text\//.test(type);
  if (!hasSummary && (attributeOf(content, 'src') !== undefined || !textual)) {
    // feedvalidator: MissingSummary
    report.error(
      'entry-summary-missing',
      content.line,
      'content',
      `<content ${attributeOf(content, 'src') !== undefined ? 'src' : `type="${type}"`}> is not text readers can show: add a <summary>`,
    );
  }
}

/**
 * RFC 4287 §3.1.1 (text constructs) and §4.1.3 (content): type text, html or xhtml, or for content a media type
 * (feedvalidator: InvalidTextType, InvalidMIMEType, AttrNotBlank, MissingTypeAttr); child elements only in xhtml and
 * XML types (UndefinedElement), xhtml inside one XHTML `<div>` (MissingXhtmlDiv); no Atom 0.3 `mode` (NotEscaped); not
 * blank (NotBlank); html checked as HTML, xhtml as its markup, text as plain text (ContainsUndeclaredHTML).
 */
function checkTypedText(report: LintReport, el: XmlElement, isContent: boolean): void {
  const field = el.local;
  const src = attributeOf(el, 'src');
  const typeAttr = attributeOf(el, 'type');
  if (typeAttr !== undefined && typeAttr.trim() === '') report.warning('attr-blank', el.line, field, `<${field} type=""> is blank`);
  const type = typeAttr ?? (src !== undefined ? '' : 'text');
  if (!isContent && type.includes('/')) {
    report.error('text-type', el.line, field, `type="${type}" must be text, html or xhtml (a media type is for <content> only)`, 'InvalidTextType');
  }
  if (src !== undefined) {
    checkUrl(report, src, el.line, field, 'rfc3987', { exact: true });
    if (typeAttr === undefined)
      report.warning('content-type-missing', el.line, field, `<${field} src> should say the media type of what it points to (type="…")`);
  }
  const keyword = ['text', 'html', 'xhtml'].includes(type) && src === undefined;
  if (!keyword && type !== '' && (!isMediaType(type) || /^multipart\//i.test(type))) {
    report.error(
      'text-type',
      el.line,
      field,
      src !== undefined && ['text', 'html', 'xhtml'].includes(type)
        ? `<${field} src> needs the media type of what it points to, not type="${type}"`
        : `type="${type}" is not ${isContent ? 'text, html, xhtml or a single-part media type' : 'text, html or xhtml'}`,
      'InvalidMIMEType',
    );
  }
  // The Atom 0.3 `mode` attribute is unexpected in Atom 1.0 (checkAttributes); mode="escaped" over elements also
  // contradicts itself: the markup is not escaped (feedvalidator: NotEscaped, content.py).
  if (attributeOf(el, 'mode') === 'escaped' && el.children.length > 0)
    report.error('mode-attribute', el.children[0]!.line, field, `<${field} mode="escaped"> holds elements: escape the markup and say type="html"`);
  const xmlType = /[+/]xml$/i.test(type);
  if (type !== 'xhtml' && !xmlType && el.children.length > 0) {
    const child = el.children[0]!;
    report.error(
      'element-undefined',
      child.line,
      child.name,
      `<${field} type="${type || 'text'}"> cannot hold elements; escape the markup and say type="html", or use type="xhtml"`,
    );
  }
  if (type === 'xhtml') checkXhtmlDiv(report, el, field);
  // feedvalidator: NotBlank
  if (el.text.trim() === '' && el.children.length === 0 && src === undefined) report.warning('text-blank', el.line, field, `<${field}> is empty`);
  if (type === 'html' || (isContent && /\/html$/i.test(type))) checkHtmlContent(report, el.text, createLineLocator(el.text, el.contentLine).lineOf, field);
  else if (type === 'xhtml') checkXhtml(report, el);
  else if (type === 'text') checkPlainText(report, el.text, el.line, field, 'ContainsUndeclaredHTML');
}
