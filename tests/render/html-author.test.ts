import type { Element } from 'domhandler';
import { findAll } from 'domutils';
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/article/article.ts';
import type { Author } from '../../src/config/define-config.ts';
import { buildFeedSet } from '../../src/feed-set/build-feed-set.ts';
import type { FeedDefinition, FeedSet } from '../../src/feed-set/feed-set.ts';
import { authorSlug } from '../../src/feed-set/group-authors.ts';
import { feedUrls } from '../../src/_lib/site-paths.ts';
import { HTML_PAGE_LIMIT } from '../../src/render/html.ts';
import { renderAuthorPage } from '../../src/render/html-author.ts';
import { makeArticle, makeConfig } from '../helpers/factories.ts';
import { all, attr, resolve, text } from './_lib/html-dom.ts';

const ZOE: Author = { name: 'Zoé Martin' };
const MARC: Author = { name: 'Marc Petit' };

/** The page of the author `slug` in the feed set of `articles`, with the articles the plan would pass it. */
function renderPage(articles: readonly Article[], siteUrl = 'https://example.org', slug = 'zoe-martin') {
  const config = makeConfig({ siteUrl });
  const feedSet = buildFeedSet(articles, config);
  const feed = feedSet.authors.find((f) => f.author?.slug === slug) as FeedDefinition;
  const listed = feedSet.articles.filter((a) => a.authors.some((x) => x.name === feed.author?.name));
  return { feedSet, feed, config, doc: parseDocument(renderAuthorPage(feed, listed, feedSet, config)) };
}

describe('renderAuthorPage', () => {
  describe.each([['https://example.org'], ['https://example.org/actu']])('when siteUrl is %s', (siteUrl) => {
    const articles = [
      makeArticle({ id: 'a', authors: [ZOE], date: new Date('2024-11-20T08:00:00Z') }),
      makeArticle({ id: 'b', authors: [MARC], date: new Date('2024-11-21T08:00:00Z') }),
      makeArticle({ id: 'c', authors: [MARC, ZOE], date: new Date('2024-11-22T08:00:00Z') }),
    ];
    const { feedSet, feed, config, doc } = renderPage(articles, siteUrl);
    const pageUrl = `${siteUrl}/authors/zoe-martin/`;

    it('puts the author’s name in the only h1', () => {
      expect(all(doc, 'h1').map(text)).toEqual(['Zoé Martin']);
    });

    it('lists the articles the author signed, co-signed ones included, newest first, each linked to its page', () => {
      const titled = all(doc, 'a').filter((a) => articles.some((x) => x.title === text(a)));
      expect(titled.map((a) => resolve(a, pageUrl))).toEqual([`${siteUrl}/articles/article-c/`, `${siteUrl}/articles/article-a/`]);
    });

    it('offers the author’s three feeds under « S’abonner »', () => {
      const section = all(doc, 'section').find((s) => text(s).includes('S’abonner'));
      const own = feedUrls(feed, config);
      expect(all(section, 'a').map((a) => resolve(a, pageUrl))).toEqual([own.rss, own.atom, own.json]);
    });

    it('has autodiscovery links for the author’s three feeds, then the site’s RSS', () => {
      const own = feedUrls(feed, config);
      const links = all(doc, 'link').filter((l) => attr(l, 'rel') === 'alternate');
      expect(links.map((l) => resolve(l, pageUrl))).toEqual([own.rss, own.atom, own.json, feedUrls(feedSet.main, config).rss]);
    });

    it('declares its own absolute URL as canonical', () => {
      const canonical = all(doc, 'link').filter((l) => attr(l, 'rel') === 'canonical');
      expect(canonical.map((l) => attr(l, 'href'))).toEqual([pageUrl]);
    });

    it('links every page and feed of the site root-relatively, below the site’s path', () => {
      const base = new URL(siteUrl).pathname.replace(/\/$/, '');
      const hrefs = [...all(doc, 'a'), ...all(doc, 'link')].filter((e) => attr(e, 'rel') !== 'canonical').map((e) => attr(e, 'href') ?? '');
      expect(hrefs.filter((href) => href !== '#contenu' && !href.startsWith(`${base}/`))).toEqual([]);
    });

    it('is titled with the author’s name and the site’s title', () => {
      expect(all(doc, 'title').map(text)).toEqual(['Zoé Martin — Gazette de test']);
    });
  });

  it.each<[string, Author, string[]]>([
    ['on the site, root-relative', { name: 'Zoé Martin', url: 'https://x.org/actu/equipe/zoe' }, ['/actu/equipe/zoe']],
    ['elsewhere, as it is', { name: 'Zoé Martin', url: 'https://zoe.example.net/' }, ['https://zoe.example.net/']],
    ['nowhere when the records give none', { name: 'Zoé Martin' }, []],
  ])('links the author’s own URL (rel="me") %s', (_label, author, expected) => {
    const { doc } = renderPage([makeArticle({ authors: [author] })], 'https://x.org/actu');
    expect(all(doc, 'a').flatMap((a) => (attr(a, 'rel') === 'me' ? [attr(a, 'href')] : []))).toEqual(expected);
  });

  it('never skips a heading level and has no script', () => {
    const { doc } = renderPage([makeArticle({ authors: [ZOE] })]);
    const levels = findAll((e) => /^h[1-6]$/.test(e.name), doc.children).map((h) => Number(h.name[1]));
    expect({ skipped: levels.filter((level, i) => level > (levels[i - 1] ?? 0) + 1), scripts: all(doc, 'script').length }).toEqual({ skipped: [], scripts: 0 });
  });

  it('shows a hostile name as text', () => {
    const name = '<script>alert("x")</script> Zoé & <b>Martin</b>';
    const { doc } = renderPage([makeArticle({ authors: [{ name }] })], 'https://example.org', authorSlug(name));
    expect({ h1: all(doc, 'h1').map(text), scripts: all(doc, 'script').length, bold: all(doc, 'b').length }).toEqual({ h1: [name], scripts: 0, bold: 0 });
  });

  it(`lists at most ${HTML_PAGE_LIMIT} articles`, () => {
    const articles = Array.from({ length: HTML_PAGE_LIMIT + 5 }, (_, i) => makeArticle({ authors: [ZOE] }, i + 1));
    const { doc } = renderPage(articles);
    expect(
      all(doc, 'ul')
        .find((u) => attr(u, 'class') === 'articles')
        ?.children.filter((c) => (c as Element).name === 'li'),
    ).toHaveLength(HTML_PAGE_LIMIT);
  });

  it.each<[string, (feedSet: FeedSet) => FeedDefinition]>([
    ['the main feed', (feedSet) => feedSet.main],
    ['a category feed', (feedSet) => feedSet.categories[0] as FeedDefinition],
  ])('refuses %s (a TypeError)', (_label, pick) => {
    const config = makeConfig();
    const feedSet = buildFeedSet([makeArticle()], config);
    expect(() => renderAuthorPage(pick(feedSet), feedSet.articles, feedSet, config)).toThrow(TypeError);
  });
});
