// lint: feed file bytes → text (BOM, XML prolog encoding) and the document's format (from its root element).
import { ATOM_NS, RDF_NS } from './namespaces.ts';
import { replaceC1WithWindows1252 } from '../_lib/windows-1252.ts';

/** Every document kind `gazette lint` recognises; only `rss`, `atom` and `json` are formats Gazette writes. */
export type DocumentFormat = 'rss' | 'atom' | 'json' | 'rss-0.9x' | 'rss-1.0' | 'rss-1.1' | 'atom-entry' | 'atom-0.3' | 'sitemap' | 'unknown';

/** Human names of the document kinds, as findings and `--json` output show them. */
export const FORMAT_NAMES: Readonly<Record<DocumentFormat, string>> = {
  rss: 'RSS 2.0',
  atom: 'Atom 1.0',
  json: 'JSON Feed 1.1',
  'rss-0.9x': 'RSS 0.9x',
  'rss-1.0': 'RSS 1.0 (RDF)',
  'rss-1.1': 'RSS 1.1',
  'atom-entry': 'Atom 1.0 entry document',
  'atom-0.3': 'Atom 0.3',
  sitemap: 'sitemap (sitemaps.org 0.9)',
  unknown: 'unknown',
};

const ATOM_03_NS = 'http://purl.org/atom/ns#';

/** A decoded document: its text (without BOM), the encoding used, and what went wrong reading it. */
export interface DecodedFeed {
  readonly text: string;
  readonly encoding: string;
  /** Problems with the declared encoding (unknown label), for the caller to report. */
  readonly problems: readonly { readonly code: 'encoding-unknown' | 'encoding-mismatch'; readonly message: string }[];
}

/**
 * Decodes feed bytes as XML 1.0 Appendix F says: a BOM (UTF-8, UTF-16 LE/BE) wins; else UTF-16 is recognised from
 * `<?` in two bytes; else the `encoding` of the XML declaration (ISO-8859-1/15, Windows-1252, … any label
 * `TextDecoder` knows); else UTF-8. Never throws on bad input.
 */
export function decodeFeed(bytes: Uint8Array): DecodedFeed {
  const problems: { code: 'encoding-unknown' | 'encoding-mismatch'; message: string }[] = [];
  const b = bytes;
  const bom =
    b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf
      ? 'utf-8'
      : b[0] === 0xff && b[1] === 0xfe
        ? 'utf-16le'
        : b[0] === 0xfe && b[1] === 0xff
          ? 'utf-16be'
          : undefined;
  if (bom !== undefined) {
    const text = decode(bom, b.subarray(bom === 'utf-8' ? 3 : 2));
    const declared = /^<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z][\w.:-]*)["']/.exec(text)?.[1];
    // XML 1.0 §4.3.3: a document with a byte order mark must not declare another encoding family.
    if (declared !== undefined && !declared.toLowerCase().startsWith(bom.slice(0, 5 + (bom === 'utf-8' ? 0 : 1)))) {
      problems.push({
        code: 'encoding-mismatch',
        message: `the byte order mark says ${bom.toUpperCase()} but the XML declaration says encoding="${declared}"; readers disagree on which wins`,
      });
    }
    return { text, encoding: bom, problems };
  }
  if (b[0] === 0x3c && b[1] === 0x00 && b[2] === 0x3f && b[3] === 0x00) return { text: decode('utf-16le', b), encoding: 'utf-16le', problems };
  if (b[0] === 0x00 && b[1] === 0x3c && b[2] === 0x00 && b[3] === 0x3f) return { text: decode('utf-16be', b), encoding: 'utf-16be', problems };
  const head = Buffer.from(b.subarray(0, 512)).toString('latin1');
  const declared = /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z][\w.:-]*)["']/.exec(head)?.[1];
  if (declared === undefined) return { text: decode('utf-8', b), encoding: 'utf-8', problems };
  const label = declared.toLowerCase();
  if (/^(?:utf-?16|ucs-?2|iso-10646-ucs-2)/.test(label)) {
    problems.push({
      code: 'encoding-mismatch',
      message: `the XML declaration says encoding="${declared}" but the bytes are not UTF-16 (no byte order mark); read as UTF-8`,
    });
    return { text: decode('utf-8', b), encoding: 'utf-8', problems };
  }
  // WHATWG maps ISO-8859-1 and US-ASCII to Windows-1252; XML means the real ISO-8859-1 (C1 controls included).
  if (/^(?:iso-8859-1|iso_8859-1|latin1|l1|iso-ir-100|cp819|ibm819|us-ascii|ascii)$/.test(label)) {
    return { text: Buffer.from(b).toString('latin1'), encoding: 'iso-8859-1', problems };
  }
  try {
    const decoder = new TextDecoder(label);
    if (decoder.encoding === 'windows-1252') return { text: decodeWindows1252(b), encoding: 'windows-1252', problems };
    return { text: decoder.decode(b), encoding: decoder.encoding, problems };
  } catch {
    problems.push({
      code: 'encoding-unknown',
      message: `encoding "${declared}" in the XML declaration is not one readers know; read as UTF-8 — save the feed as UTF-8`,
    });
    return { text: decode('utf-8', b), encoding: 'utf-8', problems };
  }
}

/** The document kind of `text`, from its first non-blank character (JSON) or its root element (XML). */
export function detectFormat(text: string): DocumentFormat {
  const root = rootStartTag(text);
  if (root === 'json') return 'json';
  if (!root) return 'unknown';
  const { prefix, local, attributes } = root;
  const uri = attributes.get(prefix === '' ? 'xmlns' : `xmlns:${prefix}`) ?? '';
  if (local === 'rss' && uri === '') {
    const version = (attributes.get('version') ?? '').trim();
    return /^0\.9\d*$/.test(version) ? 'rss-0.9x' : 'rss';
  }
  if (local === 'RDF' && uri === RDF_NS) return 'rss-1.0';
  if (local === 'Channel' && uri === 'http://purl.org/net/rss1.1#') return 'rss-1.1';
  if (local === 'feed' && uri === ATOM_NS) return 'atom';
  if (local === 'feed' && uri === ATOM_03_NS) return 'atom-0.3';
  if (local === 'entry' && uri === ATOM_NS) return 'atom-entry';
  if ((local === 'urlset' || local === 'sitemapindex') && uri === 'http://www.sitemaps.org/schemas/sitemap/0.9') return 'sitemap';
  return 'unknown';
}

// --- internal ---

function decodeWindows1252(bytes: Uint8Array): string {
  // The five unassigned bytes stay C1 controls, which the `c1-control` rule then reports.
  return replaceC1WithWindows1252(Buffer.from(bytes).toString('latin1'), 'keep');
}

function decode(encoding: string, bytes: Uint8Array): string {
  return new TextDecoder(encoding).decode(bytes);
}

/**
 * The root start tag after the prolog: XML declaration, processing instructions, comments (a `<` inside one does not
 * count), white space and the doctype with its internal subset. `'json'` for a document starting with `{`.
 */
function rootStartTag(text: string): 'json' | { prefix: string; local: string; attributes: Map<string, string> } | undefined {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (text[i] === '{') return 'json';
    if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i + 2);
      if (end < 0) return undefined;
      i = end + 2;
    } else if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) return undefined;
      i = end + 3;
    } else if (text.startsWith('<!DOCTYPE', i) || text.startsWith('<!doctype', i)) {
      i = skipDoctype(text, i);
      if (i < 0) return undefined;
    } else break;
  }
  const m = /^<([A-Za-z_][\w.-]*)(?::([A-Za-z_][\w.-]*))?/.exec(text.slice(i, i + 200));
  if (!m) return undefined;
  const [prefix, local] = m[2] === undefined ? ['', m[1]!] : [m[1]!, m[2]];
  const attributes = new Map<string, string>();
  let j = i + m[0].length;
  const ATTR = /\s*([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')|\s*(\/?>)/y;
  for (;;) {
    ATTR.lastIndex = j;
    const a = ATTR.exec(text);
    if (!a || a[4] !== undefined) break;
    attributes.set(a[1]!, a[2] ?? a[3] ?? '');
    j = ATTR.lastIndex;
  }
  return { prefix, local, attributes };
}

/** Index after a `<!DOCTYPE …>` starting at `start`, skipping quoted strings and a `[…]` internal subset; -1 if unclosed. */
function skipDoctype(text: string, start: number): number {
  let inSubset = false;
  for (let i = start + 9; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const end = text.indexOf(c, i + 1);
      if (end < 0) return -1;
      i = end;
    } else if (inSubset && text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) return -1;
      i = end + 2;
    } else if (c === '[') inSubset = true;
    else if (c === ']') inSubset = false;
    else if (c === '>' && !inSubset) return i + 1;
  }
  return -1;
}
