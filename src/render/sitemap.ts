// render: the sitemap (sitemaps.org protocol 0.9, https://www.sitemaps.org/protocol.html) — a `urlset` of the
// site's pages with their `lastmod`, and the sitemap index that replaces it when one file cannot hold them all.
// No clock: the same pages give the same bytes.
import { escapeXml } from '../_lib/escape-markup.ts';
import { formatZonedRfc3339 } from './french-date-format.ts';

/** sitemaps.org: "no more than 50,000 URLs and must be no larger than 50MB (52,428,800 bytes)" per file. */
export const SITEMAP_MAX_URLS = 50_000;
export const SITEMAP_MAX_BYTES = 52_428_800;

/** The namespace of sitemaps and sitemap indexes (sitemaps.org 0.9). */
export const SITEMAP_NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** One `<url>` of a urlset, or one `<sitemap>` of an index. */
export interface SitemapEntry {
  /** Absolute URL, encoded (site-paths.ts `siteUrlOf` + `encodePath`). */
  readonly loc: string;
  /** When the page last changed: the article's `updated`, a listing's newest article. */
  readonly lastmod: Date;
}

/** A `urlset` of `entries`, in their order; `lastmod` in W3C Datetime with the site's offset. */
export function renderSitemap(entries: Iterable<SitemapEntry>, timeZone: string): string {
  const lines = [XML_DECLARATION, `<urlset xmlns="${SITEMAP_NAMESPACE}">`];
  for (const entry of entries) lines.push(sitemapUrlLine(entry, timeZone));
  lines.push('</urlset>', '');
  return lines.join('\n');
}

/** A `sitemapindex` naming each part (sitemaps.org §"Using Sitemap index files"). */
export function renderSitemapIndex(parts: readonly SitemapEntry[], timeZone: string): string {
  const lines = [XML_DECLARATION, `<sitemapindex xmlns="${SITEMAP_NAMESPACE}">`];
  for (const part of parts) lines.push(`<sitemap><loc>${escapeXml(part.loc)}</loc><lastmod>${formatZonedRfc3339(part.lastmod, timeZone)}</lastmod></sitemap>`);
  lines.push('</sitemapindex>', '');
  return lines.join('\n');
}

/** Bytes of one `<url>` line in a urlset (the loc is ASCII once encoded; the offset form is the longest lastmod). */
export function sitemapUrlBytes(loc: string): number {
  return URL_LINE_OVERHEAD + escapeXml(loc).length;
}

/** Bytes of a urlset besides its `<url>` lines. */
export const SITEMAP_FRAME_BYTES = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${SITEMAP_NAMESPACE}">\n</urlset>\n`.length;

// --- internal ---

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

function sitemapUrlLine(entry: SitemapEntry, timeZone: string): string {
  return `<url><loc>${escapeXml(entry.loc)}</loc><lastmod>${formatZonedRfc3339(entry.lastmod, timeZone)}</lastmod></url>`;
}

/** `<url><loc></loc><lastmod>2024-11-22T14:30:00+01:00</lastmod></url>` and its newline, without the loc. */
const URL_LINE_OVERHEAD = '<url><loc></loc><lastmod>2024-11-22T14:30:00+01:00</lastmod></url>\n'.length;
