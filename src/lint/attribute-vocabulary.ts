// lint: the attributes and text RSS 2.0 and Atom define on their elements; any other un-namespaced attribute, and text
// directly inside an element made of child elements, is unexpected.
import { ATOM_NS } from './namespaces.ts';
import type { LintReport } from './lint-report.ts';
import type { XmlElement } from './xml-tree.ts';

/**
 * Un-namespaced attributes of RSS 2.0 elements (https://www.rssboard.org/rss-specification); every other RSS element
 * has none. `guid` is left to the item rules, which name the isPermaLink misspelling.
 */
const RSS_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  rss: ['version'],
  category: ['domain'],
  source: ['url'],
  enclosure: ['url', 'length', 'type'],
  cloud: ['domain', 'port', 'path', 'registerProcedure', 'protocol'],
};
/** RSS elements whose children are RSS elements too (content and values hold none). */
const RSS_CONTAINERS: ReadonlySet<string> = new Set(['rss', 'channel', 'item', 'image', 'textInput', 'skipHours', 'skipDays']);

/**
 * Elements made of child elements (and attributes) only: text beside their children is read by no one (feedvalidator:
 * UnexpectedText, its validatorBase elements). Text constructs, values and content take text.
 */
const TEXTLESS: Readonly<Record<'rss' | 'atom', ReadonlySet<string>>> = {
  rss: new Set(['rss', 'channel', 'item', 'image', 'textInput', 'skipHours', 'skipDays', 'enclosure', 'cloud']),
  atom: new Set(['feed', 'entry', 'source', 'author', 'contributor', 'category']),
};

/** Un-namespaced attributes of Atom elements (RFC 4287 §3–4); every other Atom element has none. */
const ATOM_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  link: ['href', 'rel', 'type', 'hreflang', 'title', 'length'],
  category: ['term', 'scheme', 'label'],
  generator: ['uri', 'version'],
  content: ['type', 'src'],
  title: ['type'],
  subtitle: ['type'],
  summary: ['type'],
  rights: ['type'],
};
/** Atom elements whose children are Atom elements (text constructs and content hold text or foreign markup). */
const ATOM_CONTAINERS: ReadonlySet<string> = new Set(['feed', 'entry', 'source', 'author', 'contributor']);

/** Why an attribute Atom feeds often carry is not there, for the message. */
const HINTS: Readonly<Record<string, string>> = {
  mode: ' (mode is Atom 0.3: in Atom 1.0, type="html" says the markup is escaped and type="xhtml" that it is inline)',
  url: ' (the Atom 1.0 generator says uri="…")',
};

/**
 * Errors (`unexpected-attribute`) on each un-namespaced attribute an RSS 2.0 or Atom element does not define, as the
 * validator reports them (feedvalidator: UnexpectedAttribute): readers ignore them, so what they say is lost.
 * Namespaced attributes (`xml:lang`, extensions) are allowed. Errors (`unexpected-text`) on text inside an element
 * made of elements. `format` picks the vocabulary; the walk is iterative.
 */
export function checkAttributes(report: LintReport, root: XmlElement, format: 'rss' | 'atom'): void {
  const uri = format === 'rss' ? '' : ATOM_NS;
  const defined = format === 'rss' ? RSS_ATTRIBUTES : ATOM_ATTRIBUTES;
  const containers = format === 'rss' ? RSS_CONTAINERS : ATOM_CONTAINERS;
  const todo = [root];
  while (todo.length > 0) {
    const el = todo.pop()!;
    if (el.uri !== uri) continue;
    if (el.local !== 'guid' || format !== 'rss') {
      for (const attr of el.attributes.values()) {
        if (attr.uri !== '' || attr.name.startsWith('xmlns') || (defined[el.local] ?? []).includes(attr.local)) continue;
        report.error(
          'unexpected-attribute',
          el.line,
          el.name,
          `<${el.name}> has no ${attr.name} attribute${format === 'atom' ? (HINTS[attr.local] ?? '') : ''}; readers ignore it`,
        );
      }
    }
    const text = el.text.trim();
    if (text !== '' && TEXTLESS[format].has(el.local)) {
      const shown = text.length > 30 ? `${text.slice(0, 30)}…` : text;
      report.error('unexpected-text', el.line, el.name, `<${el.name}> holds only elements, yet has the text "${shown}" beside them; readers ignore it`);
    }
    if (containers.has(el.local)) todo.push(...el.children);
  }
}
