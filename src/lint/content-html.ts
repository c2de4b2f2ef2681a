// lint: checks on HTML carried inside feeds (descriptions, content) and on fields that must stay plain text.
import type { LintReport } from './lint-report.ts';
import { hasUriScheme } from './value-checks.ts';

/**
 * Elements feed readers strip or that run code: the W3C Feed Validation Service reports them as
 * "security risk" (https://validator.w3.org/feed/docs/warning/SecurityRisk.html).
 */
const UNSAFE_ELEMENTS = new Set(['script', 'iframe', 'object', 'embed', 'style', 'applet', 'frame', 'frameset', 'meta', 'link', 'base']);
/** Attributes holding a URL that a reader resolves against the feed, not the article, when relative. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'poster', 'cite', 'background', 'longdesc', 'action', 'formaction', 'data']);
const TAG = /<([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const ATTRIBUTE = /([^\s=/"'>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;

/**
 * Reports unsafe markup (`unsafe-element`, `unsafe-attribute`, `unsafe-url`) and relative URLs (`relative-url`)
 * in an HTML fragment; `lineOf` maps an offset in `html` to a line of the feed.
 */
export function checkHtmlContent(report: LintReport, html: string, lineOf: (offset: number) => number, field: string): void {
  // Comments cannot hold live markup; blank them out (keeping offsets) so they raise nothing.
  const text = html.replace(/<!--[\s\S]*?(?:-->|$)/g, (c) => c.replace(/[^\n]/g, ' '));
  for (const tag of text.matchAll(TAG)) {
    const name = tag[1]!.toLowerCase();
    const line = lineOf(tag.index);
    if (UNSAFE_ELEMENTS.has(name)) {
      report.error('unsafe-element', line, field, `<${name}> in content is a security risk and is stripped by feed readers`);
    }
    for (const attr of (tag[2] ?? '').matchAll(ATTRIBUTE)) {
      const attrName = attr[1]!.toLowerCase();
      const raw = attr[2] ?? attr[3] ?? attr[4];
      if (attrName.startsWith('on')) {
        report.error('unsafe-attribute', line, field, `<${name} ${attrName}> is an event handler; content must not run scripts`);
      }
      if (raw === undefined) continue;
      const value = decodeEntities(raw);
      // Browsers ignore tabs, newlines and leading controls inside a scheme (WHATWG URL), so `java\tscript:` runs too.
      const compact = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
      if (/^(?:javascript|vbscript|livescript):/.test(compact) || (attrName !== 'srcset' && compact.startsWith('data:text/html'))) {
        report.error('unsafe-url', line, field, `<${name} ${attrName}="${value}"> is a script URL`);
        continue;
      }
      const urls = attrName === 'srcset' ? parseSrcset(value) : URL_ATTRIBUTES.has(attrName) ? [value.trim()] : [];
      for (const url of urls) {
        if (url !== '' && !hasUriScheme(url)) {
          report.error('relative-url', line, field, `<${name} ${attrName}="${url}"> is relative; feed readers resolve it against the feed, not the article — make it absolute`);
        }
      }
    }
  }
}

/** Reports `plain-text` when a text-only field (title, category) holds markup or escaped entities once unescaped. */
export function checkPlainText(report: LintReport, text: string, line: number | undefined, field: string): void {
  const markup = /<\/?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?\/?>|&(?:[a-zA-Z][a-zA-Z0-9]*|#\d+|#x[0-9a-fA-F]+);/.exec(text);
  if (markup) {
    report.error('plain-text', line, field, `"${markup[0]}" is markup in a plain-text field (double-escaped or HTML); readers show it literally`);
  }
}

// --- internal ---

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
