// lint: RSS 1.0 (RDF Site Summary, https://web.resource.org/rss/1.0/spec) with the validator's main rules.
import { CONTENT_NS, RDF_NS } from './namespaces.ts';
import { createLineLocator } from '../_lib/line-locator.ts';
import { checkPlausibleDate, checkW3cdtfDate } from './check-dates.ts';
import { checkHtmlContent, checkPlainText } from './content-html.ts';
import type { LintReport } from './lint-report.ts';
import { checkSingles, checkUrl, DC_NS } from './rss-element-checks.ts';
import { findChild, findChildren, type XmlElement } from './xml-tree.ts';

const RSS1_NS = 'http://purl.org/rss/1.0/';
/** Each RSS 1.0 element, the children it requires and the ones it may have (spec §5). */
const ELEMENTS: Readonly<Record<string, { required: readonly string[]; allowed: readonly string[] }>> = {
  channel: { required: ['title', 'link', 'description', 'items'], allowed: ['image', 'textinput'] },
  item: { required: ['title', 'link'], allowed: ['description'] },
  image: { required: ['title', 'url', 'link'], allowed: [] },
  textinput: { required: ['title', 'description', 'name', 'link'], allowed: [] },
};

/** Applies the RSS 1.0 rules to a parsed `<rdf:RDF>` document. */
export function lintRss1(report: LintReport, root: XmlElement, now: Date, _lines: readonly string[]): void {
  const channels = findChildren(root, 'channel', RSS1_NS);
  if (channels.length === 0)
    report.error('missing-required', root.line, 'channel', '<rdf:RDF> must contain an RSS 1.0 <channel xmlns="http://purl.org/rss/1.0/">');
  for (const child of root.children) {
    if (child.uri === RSS1_NS && !(child.local in ELEMENTS)) {
      report.error('element-undefined', child.line, child.name, `<${child.local}> is not an RSS 1.0 element`);
    }
  }
  for (const top of root.children) {
    const rule = top.uri === RSS1_NS ? ELEMENTS[top.local] : undefined;
    if (!rule) continue;
    if (top.attributes.get('rdf:about')?.uri !== RDF_NS && ![...top.attributes.values()].some((a) => a.local === 'about' && a.uri === RDF_NS)) {
      report.error('missing-attribute', top.line, top.name, `<${top.local}> needs an rdf:about attribute (its URI)`);
    }
    for (const name of rule.required) {
      if (!findChild(top, name, RSS1_NS))
        report.error(
          'missing-required',
          top.line,
          name,
          `<${top.local}> must have a <${name}>`,
          name === 'link' ? 'MissingLink' : name === 'description' ? 'MissingDescription' : name === 'title' ? 'MissingTitle' : 'MissingElement',
        );
    }
    const allowed = new Set([...rule.required, ...rule.allowed]);
    for (const child of top.children) {
      if (child.uri === RSS1_NS && !allowed.has(child.local))
        report.error('element-undefined', child.line, child.name, `<${top.local}> has no <${child.local}> element in RSS 1.0`);
    }
    checkSingles(report, top, ['title', 'link', 'description', 'url', 'name', 'items'], RSS1_NS);
    for (const title of findChildren(top, 'title', RSS1_NS)) {
      checkPlainText(report, title.text, title.line, 'title');
      if (title.text.trim() === '') report.warning('text-blank', title.line, 'title', `<${top.local}> has an empty <title>`);
    }
    for (const name of ['link', 'url']) {
      for (const el of findChildren(top, name, RSS1_NS)) checkUrl(report, el.text, el.line, name);
    }
    for (const description of findChildren(top, 'description', RSS1_NS)) {
      checkHtmlContent(report, description.text, createLineLocator(description.text, description.contentLine).lineOf, 'description');
    }
    const encoded = findChild(top, 'encoded', CONTENT_NS);
    if (encoded) checkHtmlContent(report, encoded.text, createLineLocator(encoded.text, encoded.contentLine).lineOf, 'content:encoded');
    for (const date of findChildren(top, 'date', DC_NS)) {
      const instant = checkW3cdtfDate(report, date.text.trim(), date.line, 'dc:date');
      if (instant) checkPlausibleDate(report, instant, now, date.line, 'dc:date');
    }
  }
}
