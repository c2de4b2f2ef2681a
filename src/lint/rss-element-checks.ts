// lint: checks shared by the RSS channel and item rules — singular elements, Dublin Core twins, e-mail, URLs.
import type { LintReport } from './lint-report.ts';
import { isAbsoluteHttpUrl, isRssEmail } from './value-checks.ts';
import { findChild, findChildren, type XmlElement } from './xml-tree.ts';

export const DC_NS = 'http://purl.org/dc/elements/1.1/';

/** Errors on a repeated singular element of `parent`. */
export function checkSingles(report: LintReport, parent: XmlElement, names: readonly string[]): void {
  for (const name of names) {
    const found = findChildren(parent, name);
    for (const extra of found.slice(1)) {
      report.error('duplicate-element', extra.line, name, `<${parent.name}> may have only one <${name}> (first at line ${found[0]!.line})`);
    }
  }
}

/** Warns (`duplicate-semantics`) when `parent` has both a core element and its Dublin Core twin: readers pick either. */
export function checkDuplicateSemantics(report: LintReport, parent: XmlElement, twins: readonly (readonly [string, string, string])[]): void {
  for (const [core, uri, local] of twins) {
    const coreEl = findChild(parent, core);
    const twin = findChild(parent, local, uri);
    if (!coreEl || !twin) continue;
    // feedvalidator: DuplicateSemantics, DuplicateItemSemantics
    const later = coreEl.line > twin.line ? coreEl : twin;
    report.warning('duplicate-semantics', later.line, later.name, `<${parent.local}> has both <${core}> and <${twin.name}>; keep one (readers disagree on which wins)`);
  }
}

/**
 * `<author>`, `managingEditor`, `webMaster`: an e-mail address (error otherwise), followed by the person's name in
 * parentheses (RSS Best Practices Profile; warning otherwise).
 */
export function checkEmailWithName(report: LintReport, el: XmlElement): void {
  const value = el.text.trim();
  if (!isRssEmail(value)) {
    report.error('author-email', el.line, el.name, `"${value}" must be an e-mail address, optionally followed by " (Name)"; put names in <dc:creator>`);
  } else if (!/\)$/.test(value)) {
    // feedvalidator: MissingRealName
    report.warning('author-email-name', el.line, el.name, `"${value}": add the name after the address, as in "${value} (Camille Laurent)"`);
  }
}

/** Errors (`url-absolute`) unless `value` is an absolute http(s) URL. */
export function checkUrl(report: LintReport, value: string, line: number, field: string): void {
  if (!isAbsoluteHttpUrl(value)) report.error('url-absolute', line, field, `"${value.trim()}" must be an absolute http(s) URL`);
}
