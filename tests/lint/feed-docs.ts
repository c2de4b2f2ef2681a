// Test helpers: small valid feed documents in each format, with one part swapped out per test row.

/** Parts of one RSS item; each is a line of XML (an empty string drops it). */
export interface RssItemParts {
  title?: string;
  link?: string;
  guid?: string;
  pubDate?: string;
  category?: string;
  description?: string;
  content?: string;
  extra?: string;
}

/** Inner XML of a valid RSS item; `n` varies its guid, link and date. */
export function rssItem(parts: RssItemParts = {}, n = 0): string {
  const day = String(22 - n).padStart(2, '0');
  const weekday = ['Fri', 'Thu', 'Wed', 'Tue', 'Mon', 'Sun', 'Sat'][n % 7];
  return [
    parts.title ?? `<title>Maroc : l’été « chaud » n° ${n}</title>`,
    parts.link ?? `<link>https://example.org/articles/maroc-${n}/</link>`,
    parts.guid ?? `<guid isPermaLink="false">tag:example.org,2024-01-01:maroc-${n}</guid>`,
    parts.pubDate ?? `<pubDate>${weekday}, ${day} Nov 2024 00:00:00 +0100</pubDate>`,
    parts.category ?? '<category domain="https://example.org/categories/">Société</category>',
    '<dc:creator>Claire Dupont</dc:creator>',
    parts.description ?? '<description>Résumé &amp; chapeau, avec une espace\u00a0insécable.</description>',
    parts.content ??
      '<content:encoded><![CDATA[<p>Texte <a href="https://example.org/x">lien</a> <img src="https://example.org/i.jpg" srcset="https://example.org/i.jpg 1x, https://example.org/i2.jpg 2x"></p>]]></content:encoded>',
    parts.extra ?? '',
  ]
    .filter((l) => l !== '')
    .join('\n');
}

/** A whole RSS 2.0 document; `head` replaces parts of the channel head, `items` holds item inner XML. */
export function rssDoc(
  options: { head?: Partial<Record<'title' | 'link' | 'description' | 'self' | 'language' | 'extra', string>>; items?: string[]; root?: string } = {},
): string {
  const h = options.head ?? {};
  const items = options.items ?? [rssItem()];
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    options.root ??
      '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<channel>',
    h.title ?? '<title>Gazette de test</title>',
    h.link ?? '<link>https://example.org/</link>',
    h.description ?? '<description>Les dépêches de la rédaction</description>',
    h.self ?? '<atom:link href="https://example.org/feed.xml" rel="self" type="application/rss+xml"/>',
    h.language ?? '<language>fr-FR</language>',
    '<lastBuildDate>Fri, 22 Nov 2024 00:00:00 +0100</lastBuildDate>',
    h.extra ?? '',
    ...items.map((inner) => `<item>\n${inner}\n</item>`),
    '</channel>',
    '</rss>',
  ]
    .filter((l) => l !== '')
    .join('\n');
}

/** Parts of one Atom entry; each is a line of XML (an empty string drops it). */
export interface AtomEntryParts {
  id?: string;
  title?: string;
  updated?: string;
  published?: string;
  link?: string;
  category?: string;
  summary?: string;
  content?: string;
  extra?: string;
}

/** Inner XML of a valid Atom entry; `n` varies its id, link and dates. */
export function atomEntry(parts: AtomEntryParts = {}, n = 0): string {
  const day = String(22 - n).padStart(2, '0');
  return [
    parts.id ?? `<id>tag:example.org,2024-01-01:maroc-${n}</id>`,
    parts.title ?? `<title>Maroc : l’été « chaud » n° ${n}</title>`,
    parts.updated ?? `<updated>2024-11-${day}T00:00:00+01:00</updated>`,
    parts.published ?? `<published>2024-11-${day}T00:00:00+01:00</published>`,
    parts.link ?? `<link rel="alternate" type="text/html" href="https://example.org/articles/maroc-${n}/"/>`,
    parts.category ?? '<category term="societe" label="Société" scheme="https://example.org/categories/"/>',
    parts.summary ?? '<summary>Résumé &amp; chapeau</summary>',
    parts.content ?? '<content type="html">&lt;p&gt;Texte &lt;a href="https://example.org/x"&gt;lien&lt;/a&gt;&lt;/p&gt;</content>',
    parts.extra ?? '',
  ]
    .filter((l) => l !== '')
    .join('\n');
}

/** A whole Atom document; `head` replaces parts of the feed head, `entries` holds entry inner XML. */
export function atomDoc(
  options: { head?: Partial<Record<'id' | 'title' | 'updated' | 'self' | 'author' | 'extra', string>>; entries?: string[]; root?: string } = {},
): string {
  const h = options.head ?? {};
  const entries = options.entries ?? [atomEntry()];
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    options.root ?? '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr-FR">',
    h.id ?? '<id>tag:example.org,2024-01-01:feed</id>',
    h.title ?? '<title type="text">Gazette de test</title>',
    h.updated ?? '<updated>2024-11-22T00:00:00+01:00</updated>',
    h.self ?? '<link rel="self" type="application/atom+xml" href="https://example.org/atom.xml"/>',
    '<link rel="alternate" type="text/html" href="https://example.org/"/>',
    h.author ?? '<author><name>Rédaction</name><email>redaction@example.org</email></author>',
    h.extra ?? '',
    ...entries.map((inner) => `<entry>\n${inner}\n</entry>`),
    '</feed>',
  ]
    .filter((l) => l !== '')
    .join('\n');
}

/** A valid JSON Feed 1.1 item; `n` varies its id, URL and date. */
export function jsonItem(overrides: Record<string, unknown> = {}, n = 0): Record<string, unknown> {
  const day = String(22 - n).padStart(2, '0');
  return {
    id: `tag:example.org,2024-01-01:maroc-${n}`,
    url: `https://example.org/articles/maroc-${n}/`,
    title: `Maroc : l’été « chaud » n° ${n}`,
    content_html: '<p>Texte <a href="https://example.org/x">lien</a></p>',
    summary: 'Résumé & chapeau',
    date_published: `2024-11-${day}T00:00:00+01:00`,
    date_modified: `2024-11-${day}T00:00:00+01:00`,
    tags: ['Société'],
    authors: [{ name: 'Claire Dupont' }],
    ...overrides,
  };
}

/** A whole JSON Feed 1.1 document, pretty-printed (one value per line, so lines are predictable). */
export function jsonDoc(overrides: Record<string, unknown> = {}, items: Record<string, unknown>[] = [jsonItem()]): string {
  return JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Gazette de test',
      home_page_url: 'https://example.org/',
      feed_url: 'https://example.org/feed.json',
      language: 'fr-FR',
      authors: [{ name: 'Rédaction', url: 'https://example.org/' }],
      items,
      ...overrides,
    },
    null,
    2,
  );
}

/** 1-based line of the first occurrence of `marker` in `body` (the line a finding must point at). */
export function lineOfMarker(body: string, marker: string): number {
  const at = body.indexOf(marker);
  if (at < 0) throw new Error(`marker ${JSON.stringify(marker)} not in the document`);
  return body.slice(0, at).split('\n').length;
}

/** The fixed "now" of lint tests. */
export const NOW = new Date('2024-12-01T12:00:00Z');
