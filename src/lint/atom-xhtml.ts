// lint: Atom text constructs of type="xhtml" (RFC 4287 §3.1.1.3) — one XHTML div, as the W3C validator reads it
// (feedvalidator/content.py), and the markup inside it.
import { checkHtmlContent } from './content-html.ts';
import type { LintReport } from './lint-report.ts';
import { XHTML_NS } from './namespaces.ts';
import { descendants, type XmlElement } from './xml-tree.ts';

/**
 * RFC 4287 §3.1.1.3: xhtml content is one XHTML `div`, read as the validator reads it (content.py): text, or another
 * element (a `div` in no namespace included), before a `div` holding text is MissingXhtmlDiv, text after it
 * UnexpectedText; a second XHTML `div` breaks only the RFC's wording, which the validator accepts (warning).
 */
export function checkXhtmlDiv(report: LintReport, el: XmlElement, field: string): void {
  let divs = 0;
  let divText = false; // the validator's "value so far": a div of text only, no elements
  for (const node of el.nodes) {
    if (typeof node === 'string') {
      if (node.trim() === '') continue;
      if (divs === 0) report.error('xhtml-div', el.line, field, `<${field} type="xhtml"> must hold its text inside <div xmlns="${XHTML_NS}">`);
      else report.error('unexpected-text', el.line, field, `text after the <div> of <${field} type="xhtml"> is outside its XHTML content`);
      return;
    }
    if (node.local === 'div' && node.uri === XHTML_NS) {
      divs++;
      divText ||= node.children.length === 0 && node.text.trim() !== '';
      if (divs === 2) report.warning('xhtml-div', node.line, field, `<${field} type="xhtml"> should hold one <div>; readers may show only the first`);
    } else if (!divText) {
      report.error(
        'xhtml-div',
        node.line,
        field,
        node.local === 'div'
          ? `the <div> of <${field} type="xhtml"> must be in the XHTML namespace ${XHTML_NS}`
          : `<${field} type="xhtml"> must hold exactly one <div xmlns="${XHTML_NS}">`,
      );
      return;
    }
  }
}

/** XHTML content is markup in the tree: check each element as its HTML serialisation would be. */
export function checkXhtml(report: LintReport, el: XmlElement): void {
  const div = el.children[0];
  for (const node of descendants(el).slice(1)) {
    // feedvalidator: MissingNamespace — an element in no namespace inside the XHTML div is not XHTML to any reader.
    // Outside a real XHTML div the fault is the div itself (MissingXhtmlDiv above), as the validator reports it.
    if (node.uri === '' && node !== div && div?.uri === XHTML_NS && div.local === 'div')
      report.error(
        'xhtml-div',
        node.line,
        el.local,
        `<${node.name}> inside type="xhtml" content is in no namespace; it must be XHTML (${XHTML_NS})`,
        'MissingNamespace',
      );
    const attrs = [...node.attributes.values()]
      .filter((a) => !a.name.startsWith('xmlns'))
      .map((a) => ` ${a.local}="${a.value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`)
      .join('');
    checkHtmlContent(report, `<${node.local}${attrs}>`, () => node.line, el.local);
  }
}
