// lint: checks shared by the RSS channel and item rules — singular elements, Dublin Core twins, e-mail, URLs.
import type { LintReport } from './lint-report.ts';
import { checkPlainText } from './content-html.ts';
import { checkUriSyntax, isAbsoluteHttpUrl, isAddrSpec, isRssEmail, type UriKind } from './value-checks.ts';
import { findChild, findChildren, type XmlElement } from './xml-tree.ts';

export const DC_NS = 'http://purl.org/dc/elements/1.1/';

/** Errors on a repeated singular element of `parent`. */
export function checkSingles(report: LintReport, parent: XmlElement, names: readonly string[], uri = ''): void {
  for (const name of names) {
    const found = findChildren(parent, name, uri);
    for (const extra of found.slice(1)) {
      report.error('duplicate-element', extra.line, name, `<${parent.name}> may have only one <${name}> (first at line ${found[0]!.line})`);
    }
  }
}

/** Warns (`duplicate-semantics`) when `parent` has both a core element and its Dublin Core twin: readers pick either. */
export function checkDuplicateSemantics(
  report: LintReport,
  parent: XmlElement,
  twins: readonly (readonly [string, string, string])[],
  w3c = 'DuplicateSemantics',
): void {
  for (const [core, uri, local] of twins) {
    const coreEl = findChild(parent, core);
    const twin = findChild(parent, local, uri);
    if (!coreEl || !twin) continue;
    // feedvalidator: DuplicateSemantics, DuplicateItemSemantics
    const later = coreEl.line > twin.line ? coreEl : twin;
    report.warning(
      'duplicate-semantics',
      later.line,
      later.name,
      `<${parent.local}> has both <${core}> and <${twin.name}>; keep one (readers disagree on which wins)`,
      w3c,
    );
  }
}

/**
 * `<author>`, `managingEditor`, `webMaster`: an e-mail address followed by the person's name in parentheses, as the
 * validator's `email_with_name` reads it: a `mailto:` prefix is allowed; an address without the parenthesised name
 * is a warning (MissingRealName, or EmailFormat for `Name <address>`); otherwise the address must be an addr-spec
 * (InvalidContact) and the text plain (ContainsHTML).
 */
export function checkEmailWithName(report: LintReport, el: XmlElement): void {
  let value = el.text.trim();
  if (value.startsWith('mailto:')) {
    try {
      value = decodeURIComponent(value.slice('mailto:'.length));
    } catch {
      value = value.slice('mailto:'.length);
    }
  }
  if (value.indexOf('@') > 0 && !value.endsWith(')')) {
    if (value.indexOf(' ') > 0)
      report.warning(
        'author-email-name',
        el.line,
        el.name,
        `"${value}": write the address first, then the name in parentheses: "redaction@example.org (Rédaction)"`,
        'EmailFormat',
      );
    else report.warning('author-email-name', el.line, el.name, `"${value}": add the name after the address, as in "${value} (Camille Laurent)"`);
    return;
  }
  const address = /^(.*?)\s*\(.*\)$/.exec(value)?.[1] ?? /<([^>]*)>/.exec(value)?.[1] ?? value;
  checkPlainText(report, value, el.line, el.name);
  if (!isRssEmail(`${address.split('?')[0]}`) && !isAddrSpec(address.split('?')[0]!)) {
    report.error('author-email', el.line, el.name, `"${value}" must be an e-mail address, optionally followed by " (Name)"; put names in <dc:creator>`);
  }
}

/**
 * A link-like value: an error (`url-invalid`, `tag-uri`, `urn-invalid`) with the validator's class when its syntax is
 * wrong for `kind`; else a warning (`url-absolute`, Gazette's own) unless it is an absolute http(s) URL, which is what
 * readers open (the validator accepts `ftp:` and other schemes). `httpOnly` (enclosures) makes that an error too
 * (feedvalidator: InvalidURLAttribute, as its `httpURL`). `exact` checks attribute values untrimmed.
 */
export function checkUrl(
  report: LintReport,
  value: string,
  line: number,
  field: string,
  kind: UriKind = 'rfc2396_full',
  options: { httpOnly?: boolean; exact?: boolean } = {},
): void {
  // Element text is read trimmed, as the validator does; an attribute value (`exact`) is the IRI as written.
  const text = options.exact ? value : value.trim();
  const problem = checkUriSyntax(text, kind);
  if (problem) {
    report.error(problem.code, line, field, `"${text}" is not a valid ${kind === 'rfc3987' ? 'IRI' : 'URI'}: ${problem.reason}`, problem.w3c);
  } else if (options.httpOnly && !isAbsoluteHttpUrl(text)) {
    report.error('url-invalid', line, field, `"${text}" must be an absolute http(s) URL`, 'InvalidURLAttribute');
  } else if (!isAbsoluteHttpUrl(text) && text !== '') {
    report.warning('url-absolute', line, field, `"${text}" is not an absolute http(s) URL; many readers cannot open it`);
  }
}
