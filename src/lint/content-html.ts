// lint: checks on HTML carried inside feeds (descriptions, content) and on fields that must stay plain text.
import { HTML_ELEMENTS, UNSAFE_ELEMENTS, unsafeStyleParts } from './html-vocabulary.ts';
import type { LintReport } from './lint-report.ts';
import { hasUriScheme } from './value-checks.ts';

/** Attributes holding a URL that a reader resolves against the feed, not the article, when relative. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'poster', 'cite', 'background', 'longdesc', 'action', 'formaction', 'data']);
const TAG = /<([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const ATTRIBUTE = /([^\s=/"'>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;

/**
 * Reports unsafe markup (`unsafe-element`, `unsafe-attribute`, `unsafe-url`, and the warnings `unsafe-style` and
 * `unknown-html-element`) and relative URLs (`relative-url`) in an HTML fragment; `lineOf` maps an offset in `html`
 * to a line of the feed.
 */
export function checkHtmlContent(report: LintReport, html: string, lineOf: (offset: number) => number, field: string): void {
  // Comments cannot hold live markup; blank them out (keeping offsets) so they raise nothing.
  const text = html.replace(/<!--[\s\S]*?(?:-->|$)/g, (c) => c.replace(/[^\n]/g, ' '));
  for (const tag of text.matchAll(TAG)) {
    const name = tag[1]!.toLowerCase();
    const line = lineOf(tag.index);
    if (UNSAFE_ELEMENTS.has(name)) {
      // feedvalidator: SecurityRisk
      report.error('unsafe-element', line, field, `<${name}> in content is a security risk and is stripped by feed readers`);
    } else if (!HTML_ELEMENTS.has(name)) {
      // feedvalidator: NotHtml ("Non-html tag")
      report.warning('unknown-html-element', line, field, `<${name}> is not an HTML element (pasted from a word processor?); readers drop or show it`);
    }
    for (const attr of (tag[2] ?? '').matchAll(ATTRIBUTE)) {
      const attrName = attr[1]!.toLowerCase();
      const raw = attr[2] ?? attr[3] ?? attr[4];
      if (attrName.startsWith('on')) {
        report.error('unsafe-attribute', line, field, `<${name} ${attrName}> is an event handler; content must not run scripts`);
      }
      if (raw === undefined) continue;
      const value = decodeEntities(raw);
      if (attrName === 'style') {
        // feedvalidator: DangerousStyleAttr
        const unsafe = unsafeStyleParts(value);
        if (unsafe.length > 0)
          report.warning(
            'unsafe-style',
            line,
            field,
            `<${name} style="${value}">: ${unsafe.map((u) => `"${u}"`).join(', ')} is not a plain presentational style; readers strip it`,
          );
      }
      // Browsers ignore tabs, newlines and leading controls inside a scheme (WHATWG URL), so `java\tscript:` runs too.
      const compact = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
      if (/^(?:javascript|vbscript|livescript):/.test(compact) || (attrName !== 'srcset' && compact.startsWith('data:text/html'))) {
        report.error('unsafe-url', line, field, `<${name} ${attrName}="${value}"> is a script URL`);
        continue;
      }
      const urls = attrName === 'srcset' ? parseSrcset(value) : URL_ATTRIBUTES.has(attrName) ? [value.trim()] : [];
      for (const url of urls) {
        if (url !== '' && !hasUriScheme(url)) {
          report.error(
            'relative-url',
            line,
            field,
            `<${name} ${attrName}="${url}"> is relative; feed readers resolve it against the feed, not the article — make it absolute`,
          );
        }
      }
    }
  }
}

/**
 * Warns (`plain-text`) when a text-only field (title, category, summary…) holds, once unescaped, an HTML end tag or
 * an entity: it was double-escaped or written as HTML, and readers show the markup literally
 * (feedvalidator: ContainsHTML, ContainsUndeclaredHTML). A lone `<` or `&` (`R&D <Tech>`) is ordinary text.
 */
export function checkPlainText(report: LintReport, text: string, line: number | undefined, field: string, w3c?: string): void {
  const markup = findMarkup(text);
  if (markup) {
    report.warning('plain-text', line, field, `"${markup}" is markup in a plain-text field (double-escaped or HTML); readers show it literally`, w3c);
  }
}

/**
 * RSS Best Practices Profile (https://www.rssboard.org/rss-profile): in RSS plain text, `&` and `<` that could read as
 * markup (`<T…`, `</…`, `&#…`) should be written as hexadecimal character references (`&#x3C;`); the validator warns
 * unless the element's lines hold one (feedvalidator: CharacterData). `rawLines` is the element's source text.
 */
export function checkRssCharacterData(report: LintReport, text: string, rawLines: string, line: number, field: string): void {
  if (findMarkup(text) || rawLines.includes('&#x')) return; // plain-text already speaks, or the publisher encoded
  const found = /&#[x0-9]|<[/a-zA-Z]/.exec(text);
  if (found) {
    report.warning(
      'plain-text-unencoded',
      line,
      field,
      `"${text.slice(found.index, found.index + 8)}…" reads like markup to RSS readers; the RSS Profile writes such "<" and "&" as &#x3C; and &#x26;`,
    );
  }
}

// --- internal ---

/** An HTML end tag (`</b>`) or an entity reference (`&eacute;`, `&#233`, `&amp`) in unescaped text, if any. */
function findMarkup(text: string): string | undefined {
  for (const m of text.matchAll(/<\/(\w+)>/g)) if (HTML_ELEMENTS.has(m[1]!.toLowerCase())) return m[0];
  // Named references need their `;` (so `R&D` stays text), except the five everyone writes without one.
  return /&(?:#x?[0-9a-fA-F]+;?|[a-zA-Z][a-zA-Z0-9]*;|(?:amp|lt|gt|quot|nbsp)\b)/.exec(text)?.[0];
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", colon: ':', tab: '\t', newline: '\n', nbsp: '\u00a0' };

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);?/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

/** URLs of a `srcset` (HTML §4.8.4.3): comma-separated candidates, each a URL and an optional descriptor. */
function parseSrcset(value: string): string[] {
  return value
    .split(/,(?=\s|$)|,(?=[^,\s]*\s+\d)/)
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter((url) => url !== '');
}
