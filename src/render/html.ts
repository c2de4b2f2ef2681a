// render: FeedSet → the HTML pages (front page, category pages, article pages), plain server-rendered HTML.
//
// Links between pages, autodiscovery links and subscribe links are RELATIVE to the page (`articles/<slug>/`,
// `../../feed.xml`): the same bytes then work under any host and any mount path (`gazette serve` on
// 127.0.0.1, an Express app mounted at `/feeds`, a CDN), and relative hrefs are valid autodiscovery
// (RSS Board autodiscovery spec: href is resolved against the page's base URL). Only `<link rel="canonical">`
// is absolute, because it names the public URL on purpose. Pages live in folders (`/categories/<slug>/`,
// `/articles/<slug>/`), so the server must answer them with their trailing slash.
// No clock and no JavaScript: the same FeedSet and config give the same bytes.
import { FEED_FORMATS } from '../_lib/feed-formats.ts';
import type { Article, ArticleImage, Category } from '../article/article.ts';
import type { Author } from '../config/define-config.ts';
import type { ResolvedConfig } from '../config/config-schema.ts';
import type { FeedDefinition, FeedSet } from '../feed-set/feed-set.ts';
import { articlePath, FEED_FILES } from './feed-urls.ts';
import { formatFrenchDate, formatFrenchTime, formatZonedRfc3339 } from './french-date-format.ts';
import { escapeHtml } from '../_lib/escape-markup.ts';
import { isSafeHttpUrl } from '../_lib/read-url.ts';
import { renderArticleMetadata } from './article-metadata.ts';
import { hrefAttribute, navigationCategories, pathOf, renderLayout, type AlternateLink } from './html-layout.ts';

/** Most articles listed on one HTML page; the feeds and category pages hold the rest. */
export const HTML_PAGE_LIMIT = 100;

/** Renders the front page `/`: site header, subscribe block, newest articles and the list of categories. */
export function renderIndexPage(feedSet: FeedSet, config: ResolvedConfig): string {
  checkArgs(feedSet, config);
  const root = '';
  const main = [
    renderSubscribe(config.title, ''),
    '<section aria-labelledby="recent"><h2 id="recent" class="visually-hidden">Derniers articles</h2>',
    renderArticleList(feedSet.articles, root, config),
    '</section>',
    renderCategoryIndex(feedSet, config, root),
  ].join('\n');
  return renderLayout(
    {
      title: config.title,
      description: config.description,
      root,
      alternates: alternatesOf(feedSet.main, ''),
      canonical: `${config.siteUrl}/`,
      isHome: true,
      main,
    },
    feedSet,
    config,
  );
}

/** Renders a category page `/categories/<slug>/`: its articles and autodiscovery for its three feeds. */
export function renderCategoryPage(feed: FeedDefinition, feedSet: FeedSet, config: ResolvedConfig): string {
  checkArgs(feedSet, config);
  if (typeof feed !== 'object' || feed === null || !Array.isArray(feed.articles)) {
    throw new TypeError('feed: expected a FeedDefinition');
  }
  const root = rootOf(feed.path);
  const name = feed.category?.name ?? feed.title;
  const articles = articlesOf(feed, feedSet);
  const description = feed.description || config.description;
  const main = [
    `<h1>${escapeHtml(name)}</h1>`,
    description && description !== name ? `<p class="lede">${escapeHtml(description)}</p>` : '',
    renderSubscribe(name, ''),
    '<section aria-labelledby="recent"><h2 id="recent" class="visually-hidden">Articles</h2>',
    renderArticleList(articles, root, config),
    '</section>',
    `<p><a${hrefAttribute(root || './')}>← Tous les articles</a></p>`,
  ]
    .filter(Boolean)
    .join('\n');
  return renderLayout(
    {
      title: `${name} — ${config.title}`,
      description,
      root,
      alternates: [
        ...alternatesOf(feed, ''),
        // The site-wide RSS too, so a reader on a section page can pick the whole site (RSS Board autodiscovery).
        { type: FEED_FORMATS.rss.mediaType, title: `${config.title} (RSS, tous les articles)`, href: `${root}${FEED_FILES.rss}` },
      ],
      canonical: `${config.siteUrl}/${pathOf(feed.path)}`,
      isHome: false,
      main,
    },
    feedSet,
    config,
  );
}

/** Renders an article page `/articles/<slug>/`: title, French date, authors, categories, image and full body. */
export function renderArticlePage(article: Article, feedSet: FeedSet, config: ResolvedConfig): string {
  checkArgs(feedSet, config);
  if (typeof article !== 'object' || article === null || typeof article.title !== 'string') {
    throw new TypeError('article: expected an Article');
  }
  const root = rootOf(articlePath(article.slug));
  const authors = renderAuthors(article.authors);
  const main = [
    '<article>',
    `<h1>${escapeHtml(article.title)}</h1>`,
    `<p class="meta">${renderDate(article.date, config)}${authors ? ` · ${authors}` : ''}</p>`,
    // A correction shows when it happened (updated is later than date only when the record says so).
    article.updated.getTime() > article.date.getTime() ? `<p class="meta">Mis à jour le ${renderDate(article.updated, config)}</p>` : '',
    renderCategoryLinks(article.categories, root),
    renderFigure(article.image),
    // article.html was sanitised when the Article was built (article/clean-html.ts): inserted as is.
    `<div class="body">\n${article.html}\n</div>`,
    '</article>',
    `<p><a${hrefAttribute(root)}>← Retour à l’accueil</a></p>`,
  ]
    .filter(Boolean)
    .join('\n');
  return renderLayout(
    {
      title: `${article.title} — ${config.title}`,
      description: article.summary || config.description,
      root,
      alternates: alternatesOf(feedSet.main, root),
      canonical: article.link,
      isHome: false,
      main,
      head: renderArticleMetadata(article, config),
    },
    feedSet,
    config,
  );
}

// --- internal ---

/** Path of an article's page relative to the site root: `articles/<slug>/` (render-site.ts serves it there). */
function articlePagePath(article: Pick<Article, 'slug'>): string {
  return pathOf(articlePath(article.slug));
}

function checkArgs(feedSet: FeedSet, config: ResolvedConfig): void {
  if (typeof feedSet !== 'object' || feedSet === null || !Array.isArray(feedSet.articles)) {
    throw new TypeError('feedSet: expected a FeedSet');
  }
  if (typeof config !== 'object' || config === null || typeof config.timeZone !== 'string') {
    throw new TypeError('config: expected a ResolvedConfig');
  }
}

/** `../../` for `/categories/societe`: one step up per path segment. */
function rootOf(feedPath: string): string {
  const depth = feedPath.split('/').filter(Boolean).length;
  return '../'.repeat(depth);
}

function alternatesOf(feed: FeedDefinition, prefix: string): AlternateLink[] {
  return [
    { type: FEED_FORMATS.rss.mediaType, title: `${feed.title} (RSS)`, href: `${prefix}${FEED_FILES.rss}` },
    { type: FEED_FORMATS.atom.mediaType, title: `${feed.title} (Atom)`, href: `${prefix}${FEED_FILES.atom}` },
    { type: FEED_FORMATS.json.mediaType, title: `${feed.title} (JSON Feed)`, href: `${prefix}${FEED_FILES.json}` },
  ];
}

/** A category page lists every published article of its category, not only the feed's newest `limit`. */
function articlesOf(feed: FeedDefinition, feedSet: FeedSet): readonly Article[] {
  const slug = feed.category?.slug;
  if (slug === undefined) return feedSet.articles;
  const all = feedSet.articles.filter((a) => a.categories.some((c) => c.slug === slug));
  return all.length > 0 ? all : feed.articles;
}

function renderSubscribe(name: string, prefix: string): string {
  return [
    '<section class="subscribe" aria-labelledby="subscribe">',
    '<h2 id="subscribe">S’abonner</h2>',
    `<ul class="feeds" aria-label="${escapeHtml(`Flux de ${name}`)}">`,
    `<li><a${hrefAttribute(`${prefix}${FEED_FILES.rss}`)} type="${FEED_FORMATS.rss.mediaType}">RSS</a></li>`,
    `<li><a${hrefAttribute(`${prefix}${FEED_FILES.atom}`)} type="${FEED_FORMATS.atom.mediaType}">Atom</a></li>`,
    `<li><a${hrefAttribute(`${prefix}${FEED_FILES.json}`)} type="${FEED_FORMATS.json.mediaType}">JSON Feed</a></li>`,
    '</ul>',
    '</section>',
  ].join('\n');
}

function renderArticleList(articles: readonly Article[], root: string, config: ResolvedConfig): string {
  if (articles.length === 0) return '<p>Aucun article publié pour le moment.</p>';
  const items = articles
    .slice(0, HTML_PAGE_LIMIT)
    .map((a) =>
      [
        '<li><article>',
        `<h3><a${hrefAttribute(`${root}${articlePagePath(a)}`)}>${escapeHtml(a.title)}</a></h3>`,
        `<p class="meta">${renderDate(a.date, config)}</p>`,
        renderCategoryLinks(a.categories, root),
        a.summary ? `<p class="summary">${escapeHtml(a.summary)}</p>` : '',
        '</article></li>',
      ]
        .filter(Boolean)
        .join('\n'),
    );
  return ['<ul class="articles">', ...items, '</ul>'].join('\n');
}

function renderDate(date: Date, config: ResolvedConfig): string {
  const time = formatFrenchTime(date, config.timeZone);
  // The <time> text is the French date alone; the hour follows it, and datetime carries the exact instant.
  return (
    `<time datetime="${formatZonedRfc3339(date, config.timeZone)}">${escapeHtml(formatFrenchDate(date, config.timeZone))}</time>` +
    (time ? ` ${escapeHtml(time)}` : '')
  );
}

function renderCategoryLinks(categories: readonly Category[], root: string): string {
  if (categories.length === 0) return '';
  const links = categories.map((c) => `<a${hrefAttribute(`${root}${categoryPath(c)}`)}>${escapeHtml(c.name)}</a>`);
  return `<p class="meta">Rubriques : ${links.join(', ')}</p>`;
}

function renderCategoryIndex(feedSet: FeedSet, config: ResolvedConfig, root: string): string {
  const feeds = navigationCategories(feedSet, config);
  if (feeds.length === 0) return '';
  const items = feeds.map((f) => {
    const page = `${root}${pathOf(f.path)}`;
    const name = f.category?.name ?? f.title;
    return (
      `<li><a${hrefAttribute(page)}>${escapeHtml(name)}</a> — ` +
      `<a${hrefAttribute(`${page}${FEED_FILES.rss}`)} type="${FEED_FORMATS.rss.mediaType}" aria-label="${escapeHtml(`${name} : flux RSS`)}">RSS</a>, ` +
      `<a${hrefAttribute(`${page}${FEED_FILES.atom}`)} type="${FEED_FORMATS.atom.mediaType}" aria-label="${escapeHtml(`${name} : flux Atom`)}">Atom</a>, ` +
      `<a${hrefAttribute(`${page}${FEED_FILES.json}`)} type="${FEED_FORMATS.json.mediaType}" aria-label="${escapeHtml(`${name} : JSON Feed`)}">JSON</a></li>`
    );
  });
  return ['<section class="rubriques" aria-labelledby="rubriques">', '<h2 id="rubriques">Rubriques</h2>', '<ul>', ...items, '</ul>', '</section>'].join('\n');
}

function categoryPath(category: Category): string {
  return pathOf(`/categories/${encodeURIComponent(category.slug)}`);
}

/**
 * The lead image: `<img>` with its alt (empty when the record gives none: better than a file name read aloud), its
 * size when known (no layout shift), and a `<figcaption>` holding the caption and the credit.
 */
function renderFigure(image: ArticleImage | undefined): string {
  if (!image || !isSafeHttpUrl(image.url)) return '';
  const size = `${image.width ? ` width="${image.width}"` : ''}${image.height ? ` height="${image.height}"` : ''}`;
  const img = `<img src="${escapeHtml(image.url)}" alt="${escapeHtml(image.alt ?? '')}"${size}>`;
  const caption = [image.caption ? escapeHtml(image.caption) : '', image.credit ? `<span class="credit">${escapeHtml(image.credit)}</span>` : '']
    .filter(Boolean)
    .join(' ');
  return `<figure>${img}${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`;
}

/** `Par Claire Dupont, Jean Martin et Awa Diallo`, names linked to their URL when given. */
function renderAuthors(authors: readonly Author[]): string {
  const names = authors
    .filter((a) => a.name)
    .map((a) => (a.url && isSafeHttpUrl(a.url) ? `<a${hrefAttribute(a.url)} rel="author">${escapeHtml(a.name)}</a>` : escapeHtml(a.name)));
  if (names.length === 0) return '';
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} et ${names[names.length - 1]}`;
  return `Par ${list}`;
}
