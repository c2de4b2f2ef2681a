// render: FeedSet → the HTML pages (front page, category pages, article pages), plain server-rendered HTML.
//
// Links to the site's own pages, feeds and images are ROOT-RELATIVE (`/articles/<slug>/`, `/feed.xml`, `/actu/…`
// when siteUrl has a path; _lib/site-paths.ts builds them): the same bytes work on any host and behind any proxy
// (a local preview of a site whose siteUrl is a placeholder), on any page whatever its depth (a 404 page served at
// any path), and root-relative hrefs are valid autodiscovery (RSS Board autodiscovery spec: href is resolved against
// the page's base URL). Only `<link rel="canonical">` is absolute, because it names the public URL on purpose; the
// feeds keep absolute URLs too. Pages live in folders (`/categories/<slug>/`, `/articles/<slug>/`).
// No clock and no JavaScript: the same FeedSet and config give the same bytes.
import { FEED_FORMATS } from '../_lib/feed-formats.ts';
import type { Article, ArticleImage, Category } from '../article/article.ts';
import type { Author } from '../config/define-config.ts';
import type { ResolvedConfig } from '../config/config-schema.ts';
import type { FeedDefinition, FeedSet } from '../feed-set/feed-set.ts';
import { authorPagePath } from '../feed-set/group-authors.ts';
import { formatFrenchDate, formatFrenchTime, formatZonedRfc3339 } from './french-date-format.ts';
import { escapeHtml } from '../_lib/escape-markup.ts';
import { isSafeHttpUrl } from '../_lib/read-url.ts';
import {
  articlePath,
  categoryFeedPath,
  encodePath,
  feedFilePath,
  feedPagePath,
  HOME_PATH,
  OPML_PATH,
  pageUrlOf,
  rootRelativeUrl,
  siteUrlOf,
} from '../_lib/site-paths.ts';
import { hrefAttribute, navigationCategories, renderLayout, type AlternateLink } from './html-layout.ts';
import { localizeUrls } from './local-urls.ts';
import { renderArticleMetadata } from './article-metadata.ts';
import { correctionsAlternate, renderCorrectionsFeedLink, renderCorrectionsSection } from './html-corrections.ts';
import { renderArchivesLink } from './html-archives.ts';

/** Most articles listed on one HTML page; the feeds and category pages hold the rest. */
export const HTML_PAGE_LIMIT = 100;

/** Renders the front page `/`: site header, subscribe block, newest articles and the list of categories. */
export function renderIndexPage(feedSet: FeedSet, config: ResolvedConfig): string {
  checkArgs(feedSet, config);
  const main = [
    renderSubscribe(config.title, feedSet.main, config),
    renderCorrectionsFeedLink(config),
    renderOpmlLink(config),
    '<section aria-labelledby="recent"><h2 id="recent" class="visually-hidden">Derniers articles</h2>',
    renderArticleList(feedSet.articles, config),
    '</section>',
    renderArchivesLink(config),
    renderCategoryIndex(feedSet, config),
  ].join('\n');
  return renderLayout(
    {
      title: config.title,
      description: config.description,
      alternates: [...alternatesOf(feedSet.main, config), correctionsAlternate(config)],
      canonical: siteUrlOf(config.siteUrl, HOME_PATH),
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
  const name = feed.category?.name ?? feed.title;
  const articles = articlesOf(feed, feedSet);
  const description = feed.description || config.description;
  const intro = [description && description !== name ? `<p class="lede">${escapeHtml(description)}</p>` : ''];
  return renderFeedPage({ name, description, intro, articles }, feed, feedSet, config);
}

/** What a page that mirrors a feed shows of its own: its name, description, lines under the heading, articles. */
export interface FeedPageParts {
  readonly name: string;
  readonly description: string;
  /** Lines between the heading and the subscribe block (empty strings are left out). */
  readonly intro: readonly string[];
  readonly articles: readonly Article[];
}

/**
 * A page a feed mirrors (a category's, an author's): its heading and intro, the subscribe block, the articles, the
 * archives and the way home; autodiscovery of its feeds and the site-wide RSS, an absolute canonical link.
 */
export function renderFeedPage(parts: FeedPageParts, feed: FeedDefinition, feedSet: FeedSet, config: ResolvedConfig): string {
  const { name, description, intro, articles } = parts;
  const main = [
    `<h1>${escapeHtml(name)}</h1>`,
    ...intro,
    renderSubscribe(name, feed, config),
    '<section aria-labelledby="recent"><h2 id="recent" class="visually-hidden">Articles</h2>',
    renderArticleList(articles, config),
    '</section>',
    renderArchivesLink(config),
    `<p><a${hrefAttribute(rootRelativeUrl(config.siteUrl, HOME_PATH))}>← Tous les articles</a></p>`,
  ]
    .filter(Boolean)
    .join('\n');
  return renderLayout(
    {
      title: `${name} — ${config.title}`,
      description,
      alternates: [
        ...alternatesOf(feed, config),
        // The site-wide RSS too, so a reader on a section page can pick the whole site (RSS Board autodiscovery).
        {
          type: FEED_FORMATS.rss.mediaType,
          title: `${config.title} (RSS, tous les articles)`,
          href: rootRelativeUrl(config.siteUrl, feedFilePath(feedSet.main.path, 'rss')),
        },
      ],
      canonical: siteUrlOf(config.siteUrl, encodePath(feedPagePath(feed.path))),
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
  const authors = renderAuthors(article.authors, config);
  const main = [
    '<article>',
    `<h1>${escapeHtml(article.title)}</h1>`,
    `<p class="meta">${renderDate(article.date, config)}${authors ? ` · ${authors}` : ''}</p>`,
    // A correction shows when it happened (updated is later than date only when the record says so).
    article.updated.getTime() > article.date.getTime() ? `<p class="meta">Mis à jour le ${renderDate(article.updated, config)}</p>` : '',
    renderCategoryLinks(article.categories, config),
    renderFigure(article.image, config),
    // article.html was sanitised when the Article was built (article/clean-html.ts): inserted as is, its URLs on the
    // site's origin made root-relative like the page's own.
    `<div class="body">\n${localizeUrls(article.html, config.siteUrl)}\n</div>`,
    renderCorrectionsSection(article.corrections, (date) => renderDate(date, config)),
    '</article>',
    `<p><a${hrefAttribute(rootRelativeUrl(config.siteUrl, HOME_PATH))}>← Retour à l’accueil</a></p>`,
  ]
    .filter(Boolean)
    .join('\n');
  return renderLayout(
    {
      title: `${article.title} — ${config.title}`,
      description: article.summary || config.description,
      alternates: alternatesOf(feedSet.main, config),
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

/** Root-relative URL of a site path. */
function hrefOf(path: string, config: ResolvedConfig): string {
  return rootRelativeUrl(config.siteUrl, path);
}

/** Root-relative URLs of a feed's three formats. */
function feedHrefs(feed: FeedDefinition, config: ResolvedConfig): Record<'rss' | 'atom' | 'json', string> {
  return {
    rss: hrefOf(feedFilePath(feed.path, 'rss'), config),
    atom: hrefOf(feedFilePath(feed.path, 'atom'), config),
    json: hrefOf(feedFilePath(feed.path, 'json'), config),
  };
}

export function checkArgs(feedSet: FeedSet, config: ResolvedConfig): void {
  if (typeof feedSet !== 'object' || feedSet === null || !Array.isArray(feedSet.articles)) {
    throw new TypeError('feedSet: expected a FeedSet');
  }
  if (typeof config !== 'object' || config === null || typeof config.timeZone !== 'string') {
    throw new TypeError('config: expected a ResolvedConfig');
  }
}

export function alternatesOf(feed: FeedDefinition, config: ResolvedConfig): AlternateLink[] {
  const hrefs = feedHrefs(feed, config);
  return [
    { type: FEED_FORMATS.rss.mediaType, title: `${feed.title} (RSS)`, href: hrefs.rss },
    { type: FEED_FORMATS.atom.mediaType, title: `${feed.title} (Atom)`, href: hrefs.atom },
    { type: FEED_FORMATS.json.mediaType, title: `${feed.title} (JSON Feed)`, href: hrefs.json },
  ];
}

/** A category page lists every published article of its category, not only the feed's newest `limit`. */
function articlesOf(feed: FeedDefinition, feedSet: FeedSet): readonly Article[] {
  const slug = feed.category?.slug;
  if (slug === undefined) return feedSet.articles;
  const all = feedSet.articles.filter((a) => a.categories.some((c) => c.slug === slug));
  return all.length > 0 ? all : feed.articles;
}

export function renderSubscribe(name: string, feed: FeedDefinition, config: ResolvedConfig): string {
  const hrefs = feedHrefs(feed, config);
  return [
    '<section class="subscribe" aria-labelledby="subscribe">',
    '<h2 id="subscribe">S’abonner</h2>',
    `<ul class="feeds" aria-label="${escapeHtml(`Flux de ${name}`)}">`,
    `<li><a${hrefAttribute(hrefs.rss)} type="${FEED_FORMATS.rss.mediaType}">RSS</a></li>`,
    `<li><a${hrefAttribute(hrefs.atom)} type="${FEED_FORMATS.atom.mediaType}">Atom</a></li>`,
    `<li><a${hrefAttribute(hrefs.json)} type="${FEED_FORMATS.json.mediaType}">JSON Feed</a></li>`,
    '</ul>',
    '</section>',
  ].join('\n');
}

/** The front page's link to feeds.opml: every feed of the site at once, for readers that import a list (OPML 2.0). */
function renderOpmlLink(config: ResolvedConfig): string {
  return `<p class="opml"><a${hrefAttribute(rootRelativeUrl(config.siteUrl, OPML_PATH))} type="text/x-opml">Tous les flux (OPML)</a></p>`;
}

export function renderArticleList(articles: readonly Article[], config: ResolvedConfig): string {
  if (articles.length === 0) return '<p>Aucun article publié pour le moment.</p>';
  const items = articles
    .slice(0, HTML_PAGE_LIMIT)
    .map((a) =>
      [
        '<li><article>',
        `<h3><a${hrefAttribute(hrefOf(articlePath(a.slug), config))}>${escapeHtml(a.title)}</a></h3>`,
        `<p class="meta">${renderDate(a.date, config)}</p>`,
        renderCategoryLinks(a.categories, config),
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

function renderCategoryLinks(categories: readonly Category[], config: ResolvedConfig): string {
  if (categories.length === 0) return '';
  const links = categories.map((c) => `<a${hrefAttribute(hrefOf(categoryPath(c), config))}>${escapeHtml(c.name)}</a>`);
  return `<p class="meta">Rubriques : ${links.join(', ')}</p>`;
}

function renderCategoryIndex(feedSet: FeedSet, config: ResolvedConfig): string {
  const feeds = navigationCategories(feedSet, config);
  if (feeds.length === 0) return '';
  const items = feeds.map((f) => {
    const hrefs = feedHrefs(f, config);
    const name = f.category?.name ?? f.title;
    return (
      `<li><a${hrefAttribute(hrefOf(feedPagePath(f.path), config))}>${escapeHtml(name)}</a> — ` +
      `<a${hrefAttribute(hrefs.rss)} type="${FEED_FORMATS.rss.mediaType}" aria-label="${escapeHtml(`${name} : flux RSS`)}">RSS</a>, ` +
      `<a${hrefAttribute(hrefs.atom)} type="${FEED_FORMATS.atom.mediaType}" aria-label="${escapeHtml(`${name} : flux Atom`)}">Atom</a>, ` +
      `<a${hrefAttribute(hrefs.json)} type="${FEED_FORMATS.json.mediaType}" aria-label="${escapeHtml(`${name} : JSON Feed`)}">JSON</a></li>`
    );
  });
  return ['<section class="rubriques" aria-labelledby="rubriques">', '<h2 id="rubriques">Rubriques</h2>', '<ul>', ...items, '</ul>', '</section>'].join('\n');
}

/** A category's page path (the slug encoded: a hand-built Category may hold any text). */
function categoryPath(category: Category): string {
  return feedPagePath(categoryFeedPath(encodeURIComponent(category.slug)));
}

/**
 * The lead image: `<img>` with its alt (empty when the record gives none: better than a file name read aloud), its
 * size when known (no layout shift), and a `<figcaption>` holding the caption and the credit.
 */
function renderFigure(image: ArticleImage | undefined, config: ResolvedConfig): string {
  if (!image || !isSafeHttpUrl(image.url)) return '';
  const size = `${image.width ? ` width="${image.width}"` : ''}${image.height ? ` height="${image.height}"` : ''}`;
  const img = `<img src="${escapeHtml(pageUrlOf(image.url, config.siteUrl))}" alt="${escapeHtml(image.alt ?? '')}"${size}>`;
  const caption = [image.caption ? escapeHtml(image.caption) : '', image.credit ? `<span class="credit">${escapeHtml(image.credit)}</span>` : '']
    .filter(Boolean)
    .join(' ');
  return `<figure>${img}${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`;
}

/**
 * `Par Claire Dupont, Jean Martin et Awa Diallo`, each name linked to its author page (`/authors/<slug>/`, which links
 * to the author's own URL), else to that URL when given (a name of emoji only has no page).
 */
function renderAuthors(authors: readonly Author[], config: ResolvedConfig): string {
  const names = authors
    .filter((a) => a.name)
    .map((a) => {
      const page = authorPagePath(a.name);
      const href = page ? hrefOf(page, config) : a.url && isSafeHttpUrl(a.url) ? pageUrlOf(a.url, config.siteUrl) : undefined;
      return href === undefined ? escapeHtml(a.name) : `<a${hrefAttribute(href)} rel="author">${escapeHtml(a.name)}</a>`;
    });
  if (names.length === 0) return '';
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} et ${names[names.length - 1]}`;
  return `Par ${list}`;
}
