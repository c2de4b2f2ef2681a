import type { Element } from 'domhandler';
import { findAll, textContent } from 'domutils';
import { describe, expect, it } from 'vitest';
import type { Article, Category } from '../../src/article/article.ts';
import type { ResolvedConfig } from '../../src/config/config-schema.ts';
import type { Author } from '../../src/config/define-config.ts';
import type { FeedDefinition, FeedSet } from '../../src/feed-set/feed-set.ts';
import { correctionsFeedUrl, feedUrls } from '../../src/_lib/site-paths.ts';
import { renderArticlePage, renderCategoryPage, renderIndexPage } from '../../src/render/html.ts';
import { hrefAttribute } from '../../src/render/html-layout.ts';
import { makeArticle, makeConfig, makeImage } from '../helpers/factories.ts';
import { all, attr, links, only, page, resolve, text } from './_lib/html-dom.ts';
import { casesOf } from '../helpers/cases.ts';

const SOCIETE: Category = { slug: 'societe', name: 'Société' };
const INTERNATIONAL: Category = { slug: 'international', name: 'International' };

// Every site URL shape: a bare host, and a mount path (the pipeline runs with siteUrl + mountPath).
const SITES = [['https://example.org'], ['https://example.org/feeds']] as const;

describe('renderIndexPage', () => {
  it.each([['fr-FR'], ['fr-CA']])('declares lang="%s" from the config', (language) => {
    const config = makeConfig({ language });
    expect(attr(only(page(renderIndexPage(makeFeedSet([makeArticle()], config), config)), 'html'), 'lang')).toBe(language);
  });

  it('declares utf-8 and a phone viewport', () => {
    const doc = renderDefaultIndex();
    const metas = all(doc, 'meta');
    expect([metas.some((m) => attr(m, 'charset') === 'utf-8'), metas.some((m) => attr(m, 'name') === 'viewport')]).toEqual([true, true]);
  });

  it('has the header, nav, main and footer landmarks', () => {
    const doc = renderDefaultIndex();
    expect(['header', 'nav', 'main', 'footer'].map((tag) => all(doc, tag).length)).toEqual([1, 1, 1, 1]);
  });

  it('puts the site title in the only h1', () => {
    const config = makeConfig({ title: 'La Dépêche du Midi' });
    expect(all(page(renderIndexPage(makeFeedSet([makeArticle()], config), config)), 'h1').map(text)).toEqual(['La Dépêche du Midi']);
  });

  it('never skips a heading level', () => {
    expect(headingLevelsSkipped(renderDefaultIndex())).toEqual([]);
  });

  it('links pages and feeds root-relatively, so they work on any host; only the canonical link is absolute', () => {
    const doc = renderDefaultIndex();
    const hrefs = [...all(doc, 'a'), ...all(doc, 'link')].map((e) => [attr(e, 'rel') ?? 'a', attr(e, 'href') ?? ''] as const);
    const absolute = hrefs.filter(([, href]) => /^[a-z]+:|^\/\//i.test(href)).map(([rel]) => rel);
    const relative = hrefs.filter(([, href]) => !/^([a-z]+:|\/|#)/i.test(href));
    expect({ absolute, relative }).toEqual({ absolute: ['canonical'], relative: [] });
  });

  it('has no script', () => {
    expect(all(renderDefaultIndex(), 'script')).toHaveLength(0);
  });

  describe.each(SITES)('when siteUrl is %s', (siteUrl) => {
    const config = makeConfig({ siteUrl });
    const articles = [makeArticle({ categories: [SOCIETE] }, 1), makeArticle({ categories: [INTERNATIONAL, SOCIETE] }, 2)];
    const feedSet = makeFeedSet(articles, config);
    const pageUrl = feedUrls(feedSet.main, config).html;
    const doc = page(renderIndexPage(feedSet, config));

    it.each([
      ['application/rss+xml', 'rss'],
      ['application/atom+xml', 'atom'],
      ['application/feed+json', 'json'],
    ] as const)('has an autodiscovery link of type %s resolving to the main %s feed', (type, format) => {
      expect(
        alternates(doc, pageUrl)
          .filter((a) => a.type === type && a.url !== correctionsFeedUrl(siteUrl))
          .map((a) => a.url),
      ).toEqual([feedUrls(feedSet.main, config)[format]]);
    });

    it('has an Atom autodiscovery link to the corrections feed, and a link to it in the page', () => {
      const discovered = alternates(doc, pageUrl).filter((a) => a.url === correctionsFeedUrl(siteUrl));
      const linked = all(doc, 'a').filter((a) => new URL(attr(a, 'href') ?? '', pageUrl).href === correctionsFeedUrl(siteUrl));
      expect({ types: discovered.map((a) => a.type), text: linked.map(text) }).toEqual({ types: ['application/atom+xml'], text: ['Rectificatifs (Atom)'] });
    });

    it('gives every autodiscovery link a title', () => {
      const links = alternates(doc, pageUrl);
      expect([links.length > 0, links.every((a) => a.title.length > 0)]).toEqual([true, true]);
    });

    it('offers the three main feeds under « S’abonner »', () => {
      const section = all(doc, 'section').find((s) => text(s).includes('S’abonner'));
      const main = feedUrls(feedSet.main, config);
      expect(links(section, pageUrl)).toEqual([main.rss, main.atom, main.json]);
    });

    it('links each article title to its article page', () => {
      const titled = all(doc, 'a').filter((a) => articles.some((x) => x.title === text(a)));
      expect(titled.map((a) => resolve(a, pageUrl))).toEqual(articles.map((a) => `${siteUrl}/articles/${a.slug}/`));
    });

    it('links every category name to its category page', () => {
      const societe = all(doc, 'a')
        .filter((a) => text(a) === 'Société')
        .map((a) => resolve(a, pageUrl));
      expect(new Set(societe)).toEqual(new Set([`${siteUrl}/categories/societe/`]));
    });

    it('lists each category feed in the three formats', () => {
      const feed = feedSet.categories.find((f) => f.category?.slug === 'societe');
      const urls = all(doc, 'a').map((a) => resolve(a, pageUrl));
      const expected = feedUrls(feed!, config);
      expect([expected.rss, expected.atom, expected.json].every((u) => urls.includes(u))).toBe(true);
    });
  });

  describe('when an article is dated', () => {
    const dated = casesOf('render/html', 'dated', 'string', 'string', 'string', 'string');
    it.each(dated)('shows %s in %s as <time datetime="%s">%s</time>', (iso, timeZone, datetime, french) => {
      const config = makeConfig({ timeZone });
      const doc = page(renderIndexPage(makeFeedSet([makeArticle({ date: new Date(iso) })], config), config));
      expect(all(doc, 'time').map((t) => [attr(t, 'datetime'), text(t)])).toEqual([[datetime, french]]);
    });

    it('adds the hour in French style when it is not midnight', () => {
      const config = makeConfig();
      const html = renderIndexPage(makeFeedSet([makeArticle({ date: new Date('2024-11-22T13:30:00Z') })], config), config);
      expect(text(all(page(html), 'time')[0]!.parent as Element)).toBe('vendredi 22 novembre 2024 à 14 h 30');
    });
  });

  describe('when titles, categories and summaries are hostile', () => {
    const hostile = '<script>alert("x")</script> Sécurité & co <b>gras</b> « l’été »';
    const config = makeConfig({ title: `Gazette ${hostile}`, description: hostile });
    const article = makeArticle({
      title: hostile,
      summary: hostile,
      categories: [{ slug: 'a-b', name: 'A & B <i>' }],
    });
    const html = renderIndexPage(makeFeedSet([article], config), config);
    const doc = page(html);

    it('creates no element from them', () => {
      expect(['script', 'b', 'i'].map((tag) => all(doc, tag).length)).toEqual([0, 0, 0]);
    });

    it('shows the title as the exact text', () => {
      expect(all(doc, 'a').some((a) => text(a) === hostile)).toBe(true);
    });

    it('shows the category name as the exact text', () => {
      expect(all(doc, 'a').some((a) => text(a) === 'A & B <i>')).toBe(true);
    });

    it('keeps the page title as the exact text', () => {
      expect(text(only(doc, 'title'))).toBe(`Gazette ${hostile}`);
    });
  });

  describe('when nothing is published', () => {
    it('says so', () => {
      const config = makeConfig();
      expect(text(only(page(renderIndexPage(makeFeedSet([], config), config)), 'main'))).toContain('Aucun article');
    });
  });

  describe('when there are more than 100 articles', () => {
    it('lists the newest 100', () => {
      const config = makeConfig();
      const articles = Array.from({ length: 120 }, (_, i) => makeArticle({ categories: [] }, i + 1));
      const doc = page(renderIndexPage(makeFeedSet(articles, config), config));
      expect(all(doc, 'time')).toHaveLength(100);
    });
  });

  it('renders the same bytes twice', () => {
    const config = makeConfig();
    const feedSet = makeFeedSet([makeArticle({}, 1), makeArticle({}, 2)], config);
    expect(renderIndexPage(feedSet, config)).toBe(renderIndexPage(feedSet, config));
  });

  it('throws a TypeError when the feed set is missing', () => {
    expect(() => renderIndexPage(undefined as unknown as FeedSet, makeConfig())).toThrow(TypeError);
  });
});

describe('renderCategoryPage', () => {
  describe.each(SITES)('when siteUrl is %s', (siteUrl) => {
    const config = makeConfig({ siteUrl });
    const inSociete = makeArticle({ categories: [SOCIETE] }, 1);
    const elsewhere = makeArticle({ categories: [INTERNATIONAL] }, 2);
    const feedSet = makeFeedSet([inSociete, elsewhere], config);
    const feed = feedSet.categories.find((f) => f.category?.slug === 'societe')!;
    const pageUrl = feedUrls(feed, config).html;
    const doc = page(renderCategoryPage(feed, feedSet, config));

    it.each([
      ['application/rss+xml', [feedUrls(feed, config).rss, feedUrls(feedSet.main, config).rss]],
      ['application/atom+xml', [feedUrls(feed, config).atom]],
      ['application/feed+json', [feedUrls(feed, config).json]],
    ])('has autodiscovery of type %s for the category feed (and the site RSS)', (type, expected) => {
      expect(
        alternates(doc, pageUrl)
          .filter((a) => a.type === type)
          .map((a) => a.url),
      ).toEqual(expected);
    });

    it('names the category in the only h1', () => {
      expect(all(doc, 'h1').map(text)).toEqual(['Société']);
    });

    it('lists only the category’s articles, linked to their pages', () => {
      const titled = all(doc, 'a').filter((a) => [inSociete.title, elsewhere.title].includes(text(a)));
      expect(titled.map((a) => resolve(a, pageUrl))).toEqual([`${siteUrl}/articles/${inSociete.slug}/`]);
    });

    it('links back to the front page', () => {
      expect(linksLabelled(doc, 'Tous les articles', pageUrl)).toEqual([`${siteUrl}/`]);
    });

    it('never skips a heading level', () => {
      expect(headingLevelsSkipped(doc)).toEqual([]);
    });
  });
});

describe('renderArticlePage', () => {
  describe.each(SITES)('when siteUrl is %s', (siteUrl) => {
    const config = makeConfig({ siteUrl });
    const article = makeArticle({
      slug: 'maroc-le-dg',
      link: `${siteUrl}/articles/maroc-le-dg/`,
      title: 'Maroc : le DG de la sécurité intérieure en France en visite de travail',
      date: new Date('2024-11-21T23:00:00Z'),
      categories: [INTERNATIONAL, SOCIETE],
      authors: [{ name: 'Claire Dupont' }, { name: 'Jean Martin', url: 'https://example.org/jm' }, { name: 'Awa Diallo' }],
      image: makeImage('https://example.org/img/rabat.jpg'),
      html: '<h2>Rencontres de travail à Rabat</h2><p>Abdellatif Hammouchi a tenu deux séances de travail.</p>',
    });
    const feedSet = makeFeedSet([article], config);
    const pageUrl = `${siteUrl}/articles/maroc-le-dg/`;
    const doc = page(renderArticlePage(article, feedSet, config));

    it('puts the title in the only h1', () => {
      expect(all(doc, 'h1').map(text)).toEqual([article.title]);
    });

    it('shows the French date', () => {
      expect(all(doc, 'time').map((t) => [attr(t, 'datetime'), text(t)])).toEqual([['2024-11-22T00:00:00+01:00', 'vendredi 22 novembre 2024']]);
    });

    it('credits every author, the last after « et »', () => {
      expect(text(only(doc, 'main'))).toContain('Par Claire Dupont, Jean Martin et Awa Diallo');
    });

    it('includes the body HTML with its section headings', () => {
      expect(all(doc, 'h2').map(text)).toContain('Rencontres de travail à Rabat');
    });

    it('shows the image, on the site’s origin, root-relative', () => {
      expect(all(doc, 'img').map((i) => attr(i, 'src'))).toEqual(['/img/rabat.jpg']);
    });

    it('links every page, feed and author page of the site root-relatively, below the site’s path', () => {
      const base = new URL(siteUrl).pathname.replace(/\/$/, '');
      const own = [...all(doc, 'a'), ...all(doc, 'link')]
        .filter((e) => attr(e, 'rel') !== 'canonical')
        .map((e) => attr(e, 'href') ?? '')
        .filter((href) => href !== '#contenu' && href !== '/jm');
      expect(own.filter((href) => !href.startsWith(`${base}/`))).toEqual([]);
    });

    it('links each category to its page', () => {
      const urls = all(doc, 'a')
        .filter((a) => ['International', 'Société'].includes(text(a)))
        .map((a) => resolve(a, pageUrl));
      expect(new Set(urls)).toEqual(new Set([`${siteUrl}/categories/international/`, `${siteUrl}/categories/societe/`]));
    });

    it('links back to the front page', () => {
      expect(linksLabelled(doc, 'accueil', pageUrl)).toEqual([`${siteUrl}/`]);
    });

    it('declares the article link as canonical', () => {
      expect(
        all(doc, 'link')
          .filter((l) => attr(l, 'rel') === 'canonical')
          .map((l) => attr(l, 'href')),
      ).toEqual([article.link]);
    });

    it('has autodiscovery links for the three main feeds', () => {
      const main = feedUrls(feedSet.main, config);
      expect(alternates(doc, pageUrl).map((a) => a.url)).toEqual([main.rss, main.atom, main.json]);
    });

    it('never skips a heading level', () => {
      expect(headingLevelsSkipped(doc)).toEqual([]);
    });
  });

  describe('when the article has no author, image or category', () => {
    const config = makeConfig();
    const article = makeArticle({ authors: [], categories: [], image: undefined });
    const doc = page(renderArticlePage(article, makeFeedSet([article], config), config));

    it('shows no byline', () => {
      expect(text(only(doc, 'main'))).not.toContain('Par ');
    });

    it('shows no image', () => {
      expect(all(doc, 'img')).toHaveLength(0);
    });
  });

  describe('when the article was updated after publication', () => {
    it('shows both dates, the publication first', () => {
      const config = makeConfig();
      const article = makeArticle({ date: new Date('2024-11-21T23:00:00Z'), updated: new Date('2024-11-23T09:15:00Z') });
      const doc = page(renderArticlePage(article, makeFeedSet([article], config), config));
      expect(all(doc, 'time').map(text)).toEqual(['vendredi 22 novembre 2024', 'samedi 23 novembre 2024']);
    });
  });

  describe('when the title is hostile', () => {
    it('escapes it in the h1 and the page title, and keeps the JSON-LD block the only script element', () => {
      const config = makeConfig();
      const title = '</title><script>x()</script> & «';
      const article = makeArticle({ title });
      const doc = page(renderArticlePage(article, makeFeedSet([article], config), config));
      const scripts = all(doc, 'script').map((s) => s.attribs.type);
      expect([text(only(doc, 'h1')), scripts]).toEqual([title, ['application/ld+json']]);
    });
  });

  it('throws a TypeError when the article is missing', () => {
    const config = makeConfig();
    expect(() => renderArticlePage(undefined as unknown as Article, makeFeedSet([], config), config)).toThrow(TypeError);
  });
});

describe('the URLs an article page writes', () => {
  // The site at https://x.org/actu, previewed on another host: what is on x.org is written root-relative.
  const config = makeConfig({ siteUrl: 'https://x.org/actu' });
  const render = (overrides: Partial<Article>) => {
    const article = makeArticle({ categories: [SOCIETE], ...overrides });
    return page(renderArticlePage(article, makeFeedSet([article], config), config));
  };
  const srcOf = (doc: ReturnType<typeof page>) => all(doc, 'img').map((i) => attr(i, 'src'));

  it.each(casesOf('render/html', 'article page URLs', 'string', 'string', 'string'))('writes %s (%s) as %s', (_label, image, expected) => {
    expect(srcOf(render({ image: makeImage(image) }))).toEqual([expected]);
  });

  it.each<[string, Author, string[]]>([
    ['Claire, with a URL on the site, to her page', { name: 'Claire', url: 'https://x.org/actu/auteurs/claire/' }, ['/actu/authors/claire/']],
    ['Zoé Martin, with a URL elsewhere, to her page', { name: 'Zoé Martin', url: 'https://zoe.example.net/' }, ['/actu/authors/zoe-martin/']],
    ['Œdipe N’Diaye, without a URL, to his page', { name: 'Œdipe N’Diaye' }, ['/actu/authors/oedipe-n-diaye/']],
    ['named by emoji only (no page), to a URL on the site', { name: '🦊', url: 'https://x.org/actu/auteurs/renard/' }, ['/actu/auteurs/renard/']],
    ['named by emoji only (no page), to a URL elsewhere', { name: '🦊', url: 'https://renard.example.net/' }, ['https://renard.example.net/']],
    ['named by emoji only (no page), without a URL, to nothing', { name: '🦊' }, []],
  ])('links an author %s', (_label, author, expected) => {
    const links = all(render({ authors: [author] }), 'a').filter((a) => attr(a, 'rel') === 'author');
    expect(links.map((a) => attr(a, 'href'))).toEqual(expected);
  });

  it('writes the body’s links and images on the site root-relative, and leaves other hosts and the text alone', () => {
    const html =
      '<p>Voir src="https://x.org/actu/texte" <a href="https://x.org/actu/articles/b/?q=1&amp;r=2">b</a> et ' +
      '<a href="https://ailleurs.example.net/x">x</a>.</p>' +
      '<img src="https://x.org/actu/p/a.jpg" srcset="https://x.org/actu/p/a.jpg 1x, https://cdn.example.net/b.jpg 2x" alt="" />';
    const body = all(render({ html }), 'div').find((d) => attr(d, 'class') === 'body') as Element;
    expect({
      hrefs: all(body, 'a').map((a) => attr(a, 'href')),
      img: all(body, 'img').map((i) => [attr(i, 'src'), attr(i, 'srcset')]),
      text: textContent(body).includes('src="https://x.org/actu/texte"'),
    }).toEqual({
      hrefs: ['/actu/articles/b/?q=1&r=2', 'https://ailleurs.example.net/x'],
      img: [['/actu/p/a.jpg', '/actu/p/a.jpg 1x, https://cdn.example.net/b.jpg 2x']],
      text: true,
    });
  });

  it('keeps the canonical link absolute', () => {
    const canonical = all(render({ link: 'https://x.org/actu/articles/a/' }), 'link').filter((l) => attr(l, 'rel') === 'canonical');
    expect(canonical.map((l) => attr(l, 'href'))).toEqual(['https://x.org/actu/articles/a/']);
  });
});

// --- helpers ---

/** A FeedSet as build-feed-set would make it: main feed plus one feed per category slug, sorted by slug. */
describe('category navigation', () => {
  describe('when 5,000 categories are spread over 250 articles', () => {
    const config = makeConfig({ categories: { zzz: { label: 'Zzz' }, aaa: { label: 'Aaa' } } });
    // 20 categories per article (the per-record limit); `populaire` is on every article, `frequente` on half.
    const articles = Array.from({ length: 250 }, (_, i) =>
      makeArticle({
        id: `a${i}`,
        slug: `a${i}`,
        title: `Article ${i}`,
        categories: [
          { slug: 'populaire', name: 'Populaire' },
          ...(i % 2 === 0 ? [{ slug: 'frequente', name: 'Fréquente' }] : []),
          ...(i === 0
            ? [
                { slug: 'zzz', name: 'Zzz' },
                { slug: 'aaa', name: 'Aaa' },
              ]
            : []),
          ...Array.from({ length: 17 }, (_, j) => ({ slug: `r${String(i * 20 + j).padStart(4, '0')}`, name: `R${i * 20 + j}` })),
        ],
      }),
    );
    const feedSet = makeFeedSet(articles, config);
    const navOf = (html: string): string[] => all(only(page(html), 'nav'), 'a').map(text);

    it('has more than 4,000 category feeds', () => {
      expect(feedSet.categories.length).toBeGreaterThan(4000);
    });

    it('lists at most 30 categories in the navigation: the configured ones, then the most used', () => {
      const nav = navOf(renderIndexPage(feedSet, config));
      expect([nav.length, ['Aaa', 'Zzz', 'Populaire', 'Fréquente'].every((n) => nav.includes(n))]).toEqual([30, true]);
    });

    it('lists the same bounded set on the front page', () => {
      const doc = page(renderIndexPage(feedSet, config));
      const section = all(doc, 'section').find((e) => attr(e, 'class') === 'rubriques');
      expect(all(section, 'li').length).toBe(30);
    });

    it('keeps every category page small, whatever the number of categories', () => {
      // Listing every category on every page would put 4,000+ links (over 200 KB) on each of them.
      const sizes = feedSet.categories.map((feed) => renderCategoryPage(feed, feedSet, config).length).sort((a, b) => a - b);
      expect([sizes[sizes.length >> 1]! < 20_000, sizes.at(-1)! < 200_000]).toEqual([true, true]);
    });
  });

  describe('when there are 30 categories or fewer', () => {
    it('lists them all', () => {
      const config = makeConfig();
      const articles = [makeArticle({ categories: Array.from({ length: 30 }, (_, j) => ({ slug: `c${j}`, name: `C${j}` })) })];
      expect(all(only(page(renderIndexPage(makeFeedSet(articles, config), config)), 'nav'), 'a')).toHaveLength(30);
    });
  });
});

describe('hrefAttribute', () => {
  it.each(casesOf('render/html', 'hrefAttribute', 'string', 'string'))('hrefAttribute(%j) is %j', (url, attribute) => {
    expect(hrefAttribute(url)).toBe(attribute);
  });
});

describe('every href and src of every page', () => {
  // Articles built by hand, as a caller of the renderers could: the pages are the last guard before a browser.
  const HOSTILE = [
    'java\nscript:alert(1)',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,x',
    'vbscript:x',
    '//evil.example/x',
    ' https://example.org/a',
  ];
  describe.each(HOSTILE)('when the article link, image and author url are %j', (url) => {
    const config = makeConfig();
    const article = makeArticle({ link: url, image: makeImage(url), authors: [{ name: 'A', url }], categories: [SOCIETE] });
    const feedSet = makeFeedSet([article], config);
    const pages = [renderIndexPage(feedSet, config), renderCategoryPage(feedSet.categories[0]!, feedSet, config), renderArticlePage(article, feedSet, config)];

    it('writes only http(s) URLs and paths between pages', () => {
      const urls = pages.flatMap((html) => {
        const doc = page(html);
        return [...all(doc, 'a'), ...all(doc, 'link'), ...all(doc, 'img')].flatMap((e) =>
          ['href', 'src'].map((name) => attr(e, name)).filter((v): v is string => v !== undefined),
        );
      });
      expect(urls.filter((u) => !/^https?:\/\//.test(u) && !/^(?![a-z][a-z0-9+.-]*:)(?!\/\/)[\w.~%/#-]*$/i.test(u))).toEqual([]);
    });

    it('never names the hostile URL in an attribute', () => {
      expect(pages.some((html) => html.includes(url.trim()) && /javascript|data:|vbscript|evil/i.test(url))).toBe(false);
    });
  });
});

function makeFeedSet(articles: readonly Article[], config: ResolvedConfig): FeedSet {
  const updated = articles[0]?.updated ?? new Date('2024-01-01T00:00:00Z');
  const feed = (path: string, title: string, category: Category | undefined, list: readonly Article[]): FeedDefinition => ({
    path,
    title,
    description: config.description,
    category,
    articles: list.slice(0, config.limit),
    updated,
  });
  const categories = new Map<string, Category>();
  for (const a of articles) for (const c of a.categories) if (!categories.has(c.slug)) categories.set(c.slug, c);
  return {
    main: feed('', config.title, undefined, articles),
    categories: [...categories.values()]
      .sort((a, b) => a.slug.localeCompare(b.slug))
      .map((c) =>
        feed(
          `/categories/${c.slug}`,
          `${config.title} — ${c.name}`,
          c,
          articles.filter((a) => a.categories.some((x) => x.slug === c.slug)),
        ),
      ),
    authors: [],
    articles,
  };
}

function renderDefaultIndex() {
  const config = makeConfig();
  return page(renderIndexPage(makeFeedSet([makeArticle({}, 1), makeArticle({}, 2)], config), config));
}

/** The resolved hrefs of the links below `root` whose text holds `label`. */
function linksLabelled(root: unknown, label: string, pageUrl: string): string[] {
  return all(root, 'a')
    .filter((a) => text(a).includes(label))
    .map((a) => resolve(a, pageUrl));
}

function alternates(doc: unknown, pageUrl: string) {
  return all(doc, 'link')
    .filter((l) => attr(l, 'rel') === 'alternate')
    .map((l) => ({ type: attr(l, 'type'), title: attr(l, 'title') ?? '', url: resolve(l, pageUrl) }));
}

/** Headings that jump more than one level below the previous one (WCAG 1.3.1). */
function headingLevelsSkipped(doc: unknown): string[] {
  const headings = findAll((e) => /^h[1-6]$/.test(e.name), (doc as { children: Element[] }).children);
  const skipped: string[] = [];
  let previous = 0;
  for (const h of headings) {
    const level = Number(h.name[1]);
    if (level > previous + 1) skipped.push(`${h.name} « ${text(h)} » after h${previous}`);
    previous = level;
  }
  return skipped;
}
