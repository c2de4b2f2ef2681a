import { describe, expect, it } from 'vitest';
import { lintFeedFile } from '../../src/lint/lint-file.ts';
import { lintSitemap } from '../../src/lint/lint-sitemap.ts';
import { casesOf } from '../helpers/cases.ts';

const SITE = 'https://example.org/actu';
const urlset = (...locs: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${locs.map((l) => `<url><loc>${l}</loc></url>`).join('\n')}\n</urlset>\n`;
const codes = (body: string) => lintSitemap('sitemap.xml', body, SITE).map((d) => [d.code, d.line, d.message]);

describe('lintSitemap', () => {
  it('finds nothing wrong with a sitemap of the site’s own URLs, or a sitemap index', () => {
    const index =
      '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://example.org/actu/sitemap-1.xml</loc></sitemap></sitemapindex>';
    expect([codes(urlset('https://example.org/actu/', 'https://example.org/actu/articles/a/')), codes(index)]).toEqual([[], []]);
  });

  it.each(casesOf('lint/lint-sitemap', 'lintSitemap', 'string', 'string', 'string'))('reports %s, at its line', (_label, loc, message) => {
    const [finding] = codes(urlset('https://example.org/actu/', loc));
    expect([finding?.[0], finding?.[1], String(finding?.[2]).includes(message)]).toEqual(['sitemap-loc', 4, true]);
  });

  it('reports a document that is not well-formed, and one that is no sitemap', () => {
    expect([codes('<urlset><url></urlset>')[0]?.[0], codes('<rss version="2.0"/>')[0]?.[0]]).toEqual(['sitemap-not-well-formed', 'sitemap-root']);
  });

  it('reports more than 50,000 URLs, and at most five wrong locs and a count of the rest', () => {
    const many = urlset(...Array.from({ length: 50_001 }, (_, i) => `https://example.org/actu/articles/${i}/`));
    const wrong = urlset(...Array.from({ length: 8 }, (_, i) => `https://example.com/${i}/`));
    expect([codes(many).map(([code]) => code), codes(wrong).map(([code]) => code).length, codes(wrong).at(-1)?.[2]]).toEqual([
      ['sitemap-too-many-urls'],
      6,
      '3 more <loc> with the same kind of problem',
    ]);
  });
});

describe('gazette lint on a sitemap file', () => {
  it('reads it as a sitemap and wants every URL on the first one’s host', () => {
    const bytes = new TextEncoder().encode(urlset('https://example.org/', 'https://example.org/a/', 'https://ailleurs.example/b/'));
    const { format, diagnostics } = lintFeedFile('sitemap.xml', bytes);
    expect([format, diagnostics.map((d) => [d.code, d.line])]).toEqual(['sitemap', [['sitemap-loc', 5]]]);
  });
});
