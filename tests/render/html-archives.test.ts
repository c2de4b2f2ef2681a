import type { Element } from 'domhandler';
import { findAll, getAttributeValue, textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import type { ResolvedConfig } from '../../src/config/config-schema.ts';
import { buildFeedSet } from '../../src/feed-set/build-feed-set.ts';
import { groupArchiveMonths, type ArchiveMonth } from '../../src/render/archive-months.ts';
import { renderCategoryPage, renderIndexPage } from '../../src/render/html.ts';
import { renderArchiveIndexPage, renderArchiveMonthPage, renderArchivesLink } from '../../src/render/html-archives.ts';
import { renderNotFoundPage } from '../../src/render/not-found-page.ts';
import { makeArticle, makeConfig } from '../helpers/factories.ts';

const SITES = [['https://example.org'], ['https://example.org/actu']] as const;

/** Articles at these instants, as a feed set holds them. */
function site(config: ResolvedConfig, ...instants: string[]) {
  const articles = instants.map((at, i) => makeArticle({ date: new Date(at), updated: new Date(at) }, i + 1));
  const feedSet = buildFeedSet(articles, config);
  return { feedSet, months: groupArchiveMonths(feedSet.articles, config.timeZone) };
}

describe('renderArchiveIndexPage', () => {
  it.each(SITES)('lists every month by year, newest first, in French, each linked to its page (%s)', (siteUrl) => {
    const config = makeConfig({ siteUrl });
    const base = new URL(siteUrl).pathname.replace(/\/$/, '');
    const { feedSet, months } = site(config, '2024-11-20T10:00:00Z', '2024-02-01T10:00:00Z', '2023-12-31T23:30:00Z', '2023-08-15T10:00:00Z');
    const main = only(page(renderArchiveIndexPage(months, feedSet, config)), 'main');
    expect({
      h1: all(main, 'h1').map(text),
      years: all(main, 'h2').map(text),
      months: all(main, 'li').map((li) => [text(li), attr(only(li, 'a'), 'href')]),
    }).toEqual({
      h1: ['Archives'],
      years: ['2024', '2023'],
      months: [
        ['novembre 2024', `${base}/archives/2024/11/`],
        ['février 2024', `${base}/archives/2024/02/`],
        // 23:30 UTC on 31 December is 1 January in Paris.
        ['janvier 2024', `${base}/archives/2024/01/`],
        ['août 2023', `${base}/archives/2023/08/`],
      ].sort((a, b) => (a[1]! < b[1]! ? 1 : -1)),
    });
  });

  it('says so when nothing is published', () => {
    const config = makeConfig();
    expect(text(only(page(renderArchiveIndexPage([], buildFeedSet([], config), config)), 'main'))).toContain('Aucun article publié');
  });
});

describe('renderArchiveMonthPage', () => {
  it('heads the page with the French month and lists its articles oldest first under their French day', () => {
    const config = makeConfig();
    const { feedSet, months } = site(config, '2024-11-22T13:30:00Z', '2024-11-01T09:00:00Z', '2024-11-22T07:00:00Z');
    const main = only(page(renderArchiveMonthPage(months[0] as ArchiveMonth, 1, feedSet, config)), 'main');
    expect({
      h1: all(main, 'h1').map(text),
      days: all(main, 'h2').map(text),
      articles: all(main, 'li').map((li) => [attr(all(li, 'a')[0] as Element, 'href'), text(only(li, 'time'))]),
    }).toEqual({
      h1: ['Archives : novembre 2024'],
      days: ['vendredi 1er novembre 2024', 'vendredi 22 novembre 2024'],
      articles: [
        ['/articles/article-2/', 'à 10 h'],
        ['/articles/article-3/', 'à 8 h'],
        ['/articles/article-1/', 'à 14 h 30'],
      ],
    });
  });

  it('escapes titles and shows no summary (a streaming build holds none)', () => {
    const config = makeConfig();
    const article = makeArticle({ title: '<script>alert(1)</script> & « Lyon »', summary: 'Un résumé qui ne doit pas paraître.' });
    const feedSet = buildFeedSet([article], config);
    const html = renderArchiveMonthPage(groupArchiveMonths(feedSet.articles, config.timeZone)[0] as ArchiveMonth, 1, feedSet, config);
    expect([html.includes('<script>alert'), html.includes('&lt;script&gt;alert(1)&lt;/script&gt; &amp; « Lyon »'), html.includes('Un résumé')]).toEqual([
      false,
      true,
      false,
    ]);
  });

  it('links every page of a month cut into pages, marking the current one', () => {
    const config = makeConfig();
    const start = Date.UTC(2024, 10, 1, 8);
    const articles = Array.from({ length: 1_001 }, (_, i) => makeArticle({ date: new Date(start + i * 60_000) }, i + 1));
    const feedSet = buildFeedSet(articles, config);
    const month = groupArchiveMonths(feedSet.articles, config.timeZone)[0] as ArchiveMonth;
    const nav = only(page(renderArchiveMonthPage(month, 2, feedSet, config)), 'main').children.find((n) => (n as Element).name === 'nav') as Element;
    expect(all(nav, 'li').map((li) => [text(li), all(li, 'a').map((a) => attr(a, 'href'))[0] ?? 'current'])).toEqual([
      ['1', '/archives/2024/11/'],
      ['2', 'current'],
      ['3', '/archives/2024/11/page/3/'],
    ]);
  });

  it('refuses a page the month does not have', () => {
    const config = makeConfig();
    const { feedSet, months } = site(config, '2024-11-20T10:00:00Z');
    expect(() => renderArchiveMonthPage(months[0] as ArchiveMonth, 2, feedSet, config)).toThrow(RangeError);
  });
});

describe('the link to the archives', () => {
  it.each(SITES)('ends the front page and every category page (%s)', (siteUrl) => {
    const config = makeConfig({ siteUrl });
    const href = `${new URL(siteUrl).pathname.replace(/\/$/, '')}/archives/`;
    const feedSet = buildFeedSet([makeArticle()], config);
    const pages = [renderIndexPage(feedSet, config), ...feedSet.categories.map((feed) => renderCategoryPage(feed, feedSet, config))];
    expect(pages.map((html) => all(only(page(html), 'main'), 'a').some((a) => attr(a, 'href') === href))).toEqual(pages.map(() => true));
    expect(renderArchivesLink(config)).toContain(`href="${href}"`);
  });
});

describe('renderNotFoundPage', () => {
  it.each(SITES)('says « Page introuvable » in the site’s frame and links the front page and the archives (%s)', (siteUrl) => {
    const config = makeConfig({ siteUrl });
    const base = new URL(siteUrl).pathname.replace(/\/$/, '');
    const doc = page(renderNotFoundPage(buildFeedSet([makeArticle()], config), config));
    const main = only(doc, 'main');
    expect({
      title: text(only(doc, 'title')),
      h1: all(main, 'h1').map(text),
      links: all(main, 'a').map((a) => attr(a, 'href')),
      frame: ['header', 'nav', 'footer'].map((tag) => all(doc, tag).length),
      canonical: all(doc, 'link').some((l) => attr(l, 'rel') === 'canonical'),
    }).toEqual({
      title: 'Page introuvable — Gazette de test',
      h1: ['Page introuvable'],
      links: [`${base}/`, `${base}/archives/`],
      frame: [1, 1, 1],
      canonical: false,
    });
  });
});

// --- internal ---

function page(html: string) {
  return parseDocument(html);
}

function all(root: unknown, tag: string): Element[] {
  return findAll((e) => e.name === tag, (root as { children: Element[] }).children);
}

function only(root: unknown, tag: string): Element {
  const found = all(root, tag);
  if (found.length !== 1) throw new Error(`expected one <${tag}>, found ${found.length}`);
  return found[0] as Element;
}

function attr(element: Element, name: string): string | undefined {
  return getAttributeValue(element, name);
}

function text(element: Element): string {
  return textContent(element).trim();
}
