// render: robots.txt (RFC 9309): every crawler may read every path, and learns the site's sitemaps (the `Sitemap:`
// line of sitemaps.org §"Informing search engine crawlers", absolute URLs).

/** The robots.txt of a site whose sitemaps are at `sitemapUrls`. */
export function renderRobots(sitemapUrls: readonly string[]): string {
  return ['User-agent: *', 'Allow: /', '', ...sitemapUrls.map((url) => `Sitemap: ${url}`), ''].join('\n');
}
