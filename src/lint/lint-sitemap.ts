// lint: Gazette's own sitemaps (sitemaps.org 0.9) — well-formed, at most 50,000 entries and 50 MB a file, every
// `loc` an absolute URL below the site's URL ("all URLs in a Sitemap must be from a single host"; a sitemap at the
// site's root may list only URLs below it, sitemaps.org §"Sitemap file location").
import type { Diagnostic } from '../diagnostics.ts';
import { findChildren, parseXmlTree, type XmlElement } from './xml-tree.ts';

const NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const MAX_ENTRIES = 50_000;
const MAX_BYTES = 52_428_800;
/** Enough `loc` findings to show the pattern; the count says how many more. */
const MAX_REPORTED = 5;

/**
 * Findings about one sitemap or sitemap index at `path` of the site at `siteUrl` (without it, a file on its own:
 * every URL must be on the first one's origin); empty when it is sound.
 */
export function lintSitemap(path: string, body: string, siteUrl?: string): Diagnostic[] {
  const found: Diagnostic[] = [];
  const report = (code: string, message: string, line?: number) =>
    found.push({ severity: 'error', file: path, ...(line === undefined ? {} : { line }), code, source: 'feed', message });
  const bytes = Buffer.byteLength(body, 'utf8');
  if (bytes > MAX_BYTES) report('sitemap-too-large', `${bytes} bytes; a sitemap holds at most ${MAX_BYTES} (50 MB): split it in a sitemap index`);
  const parsed = parseXmlTree(body);
  if (parsed.error) {
    report('sitemap-not-well-formed', `not well-formed XML: ${parsed.error.message}`, parsed.error.line);
    return found;
  }
  const { root } = parsed;
  const entry = root.local === 'urlset' ? 'url' : root.local === 'sitemapindex' ? 'sitemap' : undefined;
  if (root.uri !== NAMESPACE || entry === undefined) {
    report('sitemap-root', `the root element is <${root.name}> in ${JSON.stringify(root.uri)}; expected <urlset> or <sitemapindex> in ${NAMESPACE}`, root.line);
    return found;
  }
  const entries = findChildren(root, entry, NAMESPACE);
  if (entries.length > MAX_ENTRIES)
    report('sitemap-too-many-urls', `${entries.length} <${entry}> entries; at most ${MAX_ENTRIES}: split it in a sitemap index`);
  const base = siteUrl === undefined ? originOfFirst(entries) : `${siteUrl.replace(/\/+$/, '')}/`;
  let wrong = 0;
  for (const element of entries) {
    const problem = locProblem(element, base);
    if (problem === undefined) continue;
    if (++wrong <= MAX_REPORTED) report('sitemap-loc', problem, element.line);
  }
  if (wrong > MAX_REPORTED) report('sitemap-loc', `${wrong - MAX_REPORTED} more <loc> with the same kind of problem`);
  return found;
}

/** `https://host/` of the first entry's loc ('' when it has none: every loc is then judged on its own). */
function originOfFirst(entries: readonly XmlElement[]): string {
  const first = entries[0] && findChildren(entries[0], 'loc', NAMESPACE)[0]?.text.trim();
  try {
    return first ? `${new URL(first).origin}/` : '';
  } catch {
    return '';
  }
}

function locProblem(element: XmlElement, base: string): string | undefined {
  const loc = findChildren(element, 'loc', NAMESPACE);
  if (loc.length !== 1) return `<${element.local}> needs exactly one <loc>, has ${loc.length}`;
  const text = (loc[0] as XmlElement).text.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `<loc> ${JSON.stringify(text)} is not an absolute URL`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `<loc> ${JSON.stringify(text)} is not an http(s) URL`;
  if (!text.startsWith(base) && `${text}/` !== base) return `<loc> ${JSON.stringify(text)} is not on the site (${base})`;
  return undefined;
}
