import { describe, expect, it } from 'vitest';
import { articlePath, feedPagePath, HOME_PATH, NEWS_SITEMAP_PATH, OPML_PATH, ROBOTS_PATH, SITEMAP_PATH } from '../../src/_lib/site-paths.ts';
import type { Article } from '../../src/article/article.ts';
import { buildFeedSet } from '../../src/feed-set/build-feed-set.ts';
import type { FeedSet } from '../../src/feed-set/feed-set.ts';
import { findChildren, parseXmlTree, type XmlElement } from '../../src/lint/xml-tree.ts';
import { planReach } from '../../src/render/plan-reach.ts';
import { planSite, renderPlanned, type PlannedDocument } from '../../src/render/plan-site.ts';
import { newsWindow } from '../../src/render/sitemap-news.ts';
import { makeArticle, makeConfig } from '../helpers/factories.ts';

const SM = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS = 'http://www.google.com/schemas/sitemap-news/0.9';
const HOUR = 3_600_000;
const NOW = new Date('2024-11-22T12:00:00Z');

function root(text: string): XmlElement {
  const parsed = parseXmlTree(text);
  if (!parsed.root) throw new Error(`not well-formed: ${parsed.error.message}`);
  return parsed.root;
}
const text = (parent: XmlElement, local: string, uri = SM) => findChildren(parent, local, uri)[0]?.text;
const entries = (doc: string) => findChildren(root(doc), 'url', SM).map((url) => [text(url, 'loc'), text(url, 'lastmod')]);
const byPath = (docs: readonly PlannedDocument[], path: string) => docs.find((d) => d.path === path);
const render = (docs: readonly PlannedDocument[], path: string): string => {
  const doc = byPath(docs, path);
  return doc === undefined ? '' : renderPlanned(doc).body;
};

/** Articles `hoursAgo` before NOW, newest first as the feed set sorts them. */
function articlesAt(hoursAgo: readonly number[], extra: Partial<Article> = {}): Article[] {
  return hoursAgo.map((h, i) => makeArticle({ date: new Date(NOW.getTime() - h * HOUR), ...extra }, i + 1));
}

describe('sitemap.xml', () => {
  const config = makeConfig({ siteUrl: 'https://example.org/actu' });

  it('lists the front page, every category and author page, the archive and every article page, each with its lastmod', () => {
    const articles = [makeArticle({ updated: new Date('2024-11-23T08:30:00Z') }, 1), makeArticle({}, 2)];
    const feedSet = buildFeedSet(articles, config);
    const docs = planSite(feedSet, config, { now: NOW });
    // lastmod in the site's zone (Europe/Paris: +01:00 in November); a listing's is its newest article's.
    expect(entries(render(docs, SITEMAP_PATH))).toEqual([
      ['https://example.org/actu/', '2024-11-23T09:30:00+01:00'],
      ...feedSet.categories.map((feed) => [`https://example.org/actu${feedPagePath(feed.path)}`, '2024-11-23T09:30:00+01:00']),
      ...feedSet.authors.map((feed) => [`https://example.org/actu${feedPagePath(feed.path)}`, '2024-11-23T09:30:00+01:00']),
      // The archive: its index dated when its newest month opened, the month by its newest article.
      ['https://example.org/actu/archives/', '2024-11-21T22:00:00+01:00'],
      ['https://example.org/actu/archives/2024/11/', '2024-11-23T09:30:00+01:00'],
      ['https://example.org/actu/articles/article-1/', '2024-11-23T09:30:00+01:00'],
      ['https://example.org/actu/articles/article-2/', '2024-11-21T22:00:00+01:00'],
    ]);
  });

  it('becomes an index of parts above the most URLs per file, the parts listing every page in order', () => {
    const feedSet = buildFeedSet(articlesAt([1, 2, 3, 4, 5, 6, 7]), config);
    const planned = planSite(feedSet, config, { now: NOW, publicRobots: true }).filter((d) => d.kind !== 'file');
    const docs = planReach(planned, feedSet, config, { pages: true, now: NOW, sitemapMaxUrls: 3 });
    const index = root(render(docs, SITEMAP_PATH));
    const parts = findChildren(index, 'sitemap', SM).map((s) => text(s, 'loc'));
    const listed = parts.flatMap((loc) => entries(render(docs, new URL(loc ?? '').pathname.replace('/actu', ''))).map(([l]) => l));
    // Every page but the 404 page (not a folder), three to a part.
    const pages = planned.filter((d) => d.kind === 'page' && d.path.endsWith('/'));
    expect([index.local, parts]).toEqual([
      'sitemapindex',
      Array.from({ length: Math.ceil(pages.length / 3) }, (_, i) => `https://example.org/actu/sitemap-${i + 1}.xml`),
    ]);
    expect(listed).toEqual(pages.map((d) => `https://example.org/actu${d.path}`));
  });

  it('leaves out a page marked out of it and any page that is not a folder (a 404 page)', () => {
    const feedSet = buildFeedSet(articlesAt([1]), config);
    const page = (path: string, inSitemap?: false): PlannedDocument => ({
      path,
      contentType: 'text/html; charset=utf-8',
      kind: 'page',
      lastModified: NOW,
      deps: [],
      lazy: false,
      live: true,
      render: () => '',
      ...(inSitemap === false ? { inSitemap } : {}),
    });
    const docs = planReach([page(HOME_PATH), page('/404.html'), page('/introuvable/', false)], feedSet, config, { pages: true, now: NOW });
    expect(entries(render(docs, SITEMAP_PATH)).map(([loc]) => loc)).toEqual(['https://example.org/actu/']);
  });

  it.each([
    ['a title', { title: 'Nouveau titre' }, false],
    ['a body', { html: '<p>Autre corps</p>', sourceHash: 'autre' }, false],
    ['its updated date', { updated: new Date('2024-11-30T00:00:00Z') }, true],
    ['its slug', { slug: 'nouveau-chemin' }, true],
  ])('changes its deps (so the live site renders it again) when an article changes %s: %s', (_label, change, changed) => {
    const before = articlesAt([100, 200]);
    const after = [{ ...(before[0] as Article), ...change }, before[1] as Article];
    const depsOf = (articles: Article[]) => byPath(planSite(buildFeedSet(articles, config), config, { now: NOW }), SITEMAP_PATH)?.deps ?? [];
    const [a, b] = [depsOf(before), depsOf(after)];
    // As the builder compares them: element by element, by identity (a string by its value).
    expect(a.length === b.length && a.every((dep, i) => Object.is(dep, b[i]))).toBe(!changed);
  });
});

describe('sitemap-news.xml', () => {
  it.each([
    ['an hour ago', 1, true],
    ['47 h 59 ago', 47 + 59 / 60, true],
    ['48 h ago', 48, false],
    ['an hour ahead (a preview)', -1, false],
  ])('lists an article published %s: %s', (_label, hoursAgo, listed) => {
    expect(newsWindow(articlesAt([hoursAgo]), NOW).articles.length).toBe(listed ? 1 : 0);
  });

  it('lists at most 1,000 articles, newest first, and says when the oldest leaves the window', () => {
    const articles = articlesAt(Array.from({ length: 1_200 }, (_, i) => i / 100));
    const window = newsWindow(articles, NOW);
    // The 1,000th is 9.99 hours old: it leaves 38.01 hours after NOW.
    expect([window.articles.length, window.articles[0], window.articles[999], window.expires?.toISOString()]).toEqual([
      1_000,
      articles[0],
      articles[999],
      '2024-11-24T02:00:36.000Z',
    ]);
  });

  it('writes the publication, its language, the publication date with its offset, the title and the genres', () => {
    const config = makeConfig({ language: 'fr-FR', newsSitemap: { name: 'Le Fil' } });
    const articles = [makeArticle({ date: new Date('2024-11-22T09:30:00Z'), genres: ['Blog', 'OpEd'], title: 'Vins & « cépages »' }, 1)];
    const news = root(render(planSite(buildFeedSet(articles, config), config, { now: NOW }), NEWS_SITEMAP_PATH));
    const item = findChildren(findChildren(news, 'url', SM)[0] as XmlElement, 'news', NEWS)[0] as XmlElement;
    const publication = findChildren(item, 'publication', NEWS)[0] as XmlElement;
    expect([
      text(publication, 'name', NEWS),
      text(publication, 'language', NEWS),
      text(item, 'genres', NEWS),
      text(item, 'publication_date', NEWS),
      text(item, 'title', NEWS),
    ]).toEqual(['Le Fil', 'fr', 'Blog, OpEd', '2024-11-22T10:30:00+01:00', 'Vins & « cépages »']);
  });

  it('names the publication by the config title by default, and is an empty urlset when nothing is recent', () => {
    const config = makeConfig();
    const empty = render(planSite(buildFeedSet(articlesAt([72]), config), config, { now: NOW }), NEWS_SITEMAP_PATH);
    const one = render(planSite(buildFeedSet(articlesAt([2]), config), config, { now: NOW }), NEWS_SITEMAP_PATH);
    expect([findChildren(root(empty), 'url', SM).length, one.includes('<news:name>Gazette de test</news:name>')]).toEqual([0, true]);
  });

  it('depends on the articles of its window only: an edit of an older one leaves it as it was', () => {
    const config = makeConfig();
    const articles = articlesAt([1, 100]);
    const edited = [articles[0] as Article, { ...(articles[1] as Article), title: 'Corrigé' }];
    const depsOf = (list: Article[]) => byPath(planSite(buildFeedSet(list, config), config, { now: NOW }), NEWS_SITEMAP_PATH)?.deps;
    expect(depsOf(edited)).toEqual([articles[0]]);
    expect(depsOf(articles)).toEqual(depsOf(edited));
  });
});

describe('robots.txt and feeds.opml', () => {
  const config = makeConfig();
  const feedSet: FeedSet = buildFeedSet(articlesAt([1, 2]), config);

  it('writes robots.txt naming both sitemaps, and none when public/robots.txt replaces it', () => {
    expect(render(planSite(feedSet, config, { now: NOW }), ROBOTS_PATH)).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://example.org/sitemap.xml\nSitemap: https://example.org/sitemap-news.xml\n',
    );
    expect(byPath(planSite(feedSet, config, { now: NOW, publicRobots: true }), ROBOTS_PATH)).toBeUndefined();
  });

  it.each([true, false])('lists every feed’s RSS file with its title, and its page only when pages are written (pages: %s)', (pages) => {
    const opml = root(render(planSite(feedSet, config, { now: NOW, pages }), OPML_PATH));
    const outlines = findChildren(findChildren(opml, 'body')[0] as XmlElement, 'outline').map((o) => [
      o.attributes.get('text')?.value,
      o.attributes.get('xmlUrl')?.value,
      o.attributes.get('htmlUrl')?.value,
    ]);
    const feeds = [feedSet.main, ...feedSet.categories, ...feedSet.authors];
    expect([opml.attributes.get('version')?.value, outlines]).toEqual([
      '2.0',
      [
        ...feeds.map((f) => [f.title, `https://example.org${f.path}/feed.xml`, pages ? `https://example.org${f.path}/` : undefined]),
        ['Gazette de test — Rectificatifs', 'https://example.org/corrections.xml', pages ? 'https://example.org/' : undefined],
      ],
    ]);
  });

  it('is linked from the front page', () => {
    const home = render(planSite(feedSet, config, { now: NOW }), HOME_PATH);
    expect(home).toContain('<a href="/feeds.opml" type="text/x-opml">');
    expect(articlePath('x')).toBe('/articles/x/'); // the paths above are site-paths.ts's
  });
});
