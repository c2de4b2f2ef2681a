// render: the archive pages — `/archives/` (the months, by year) and one page per month listing its articles by
// day, oldest first — and the "Archives" link block of the listing pages. Every published article is on exactly
// one month page, so every article page is reachable from `/` → `/archives/` → its month, whatever the lists of
// the front page and the category pages leave out. A month page shows what a light article (a streaming build's,
// without its body) holds: title, date and categories, never the summary, so every build writes the same bytes.
import type { Article } from '../article/article.ts';
import type { ResolvedConfig } from '../config/config-schema.ts';
import type { FeedSet } from '../feed-set/feed-set.ts';
import { escapeHtml } from '../_lib/escape-markup.ts';
import { FEED_FORMATS } from '../_lib/feed-formats.ts';
import {
  ARCHIVES_PATH,
  archiveMonthPath,
  articlePath,
  categoryFeedPath,
  encodePath,
  feedFilePath,
  feedPagePath,
  rootRelativeUrl,
  siteUrlOf,
} from '../_lib/site-paths.ts';
import type { ArchiveMonth } from './archive-months.ts';
import { formatFrenchDate, formatFrenchMonth, formatFrenchTime, formatZonedRfc3339 } from './french-date-format.ts';
import { hrefAttribute, renderLayout, type AlternateLink } from './html-layout.ts';

/**
 * The block a listing page (the front page, a category or author page) ends with: a link to `/archives/`, where
 * every article is listed by month. Constant: it adds nothing to a page's deps.
 */
export function renderArchivesLink(config: ResolvedConfig): string {
  return `<p class="archives-link"><a${hrefAttribute(rootRelativeUrl(config.siteUrl, ARCHIVES_PATH))}>Toutes les archives, mois par mois</a></p>`;
}

/** Renders `/archives/`: every month with a published article, newest first, grouped by year. */
export function renderArchiveIndexPage(months: readonly ArchiveMonth[], feedSet: FeedSet, config: ResolvedConfig): string {
  const years: string[] = [];
  for (const [index, month] of months.entries()) {
    const newYear = index === 0 || (months[index - 1] as ArchiveMonth).year !== month.year;
    if (newYear) {
      if (index > 0) years.push('</ul>', '</section>');
      const year = String(month.year).padStart(4, '0');
      years.push(`<section aria-labelledby="annee-${year}">`, `<h2 id="annee-${year}">${year}</h2>`, '<ul class="months">');
    }
    const href = rootRelativeUrl(config.siteUrl, archiveMonthPath(month.year, month.month));
    years.push(`<li><a${hrefAttribute(href)}>${escapeHtml(formatFrenchMonth(month.year, month.month))}</a></li>`);
  }
  if (months.length > 0) years.push('</ul>', '</section>');
  const main = [
    '<h1>Archives</h1>',
    months.length === 0 ? '<p>Aucun article publié pour le moment.</p>' : '<p class="lede">Tous les articles publiés, mois par mois.</p>',
    ...years,
  ].join('\n');
  return renderLayout(
    {
      title: `Archives — ${config.title}`,
      description: `Tous les articles de ${config.title}, mois par mois.`,
      alternates: mainAlternates(feedSet, config),
      canonical: siteUrlOf(config.siteUrl, ARCHIVES_PATH),
      isHome: false,
      main,
    },
    feedSet,
    config,
  );
}

/** Renders one page of a month (`page` counts from 1): its articles oldest first under a heading per day. */
export function renderArchiveMonthPage(month: ArchiveMonth, page: number, feedSet: FeedSet, config: ResolvedConfig): string {
  const articles = month.pages[page - 1];
  if (articles === undefined) throw new RangeError(`page: expected 1–${month.pages.length}, got ${page}`);
  const name = formatFrenchMonth(month.year, month.month);
  const pager = renderPager(month, page, config);
  const main = [
    `<h1>Archives : ${escapeHtml(name)}</h1>`,
    month.pages.length > 1 ? `<p class="lede">Page ${page} sur ${month.pages.length}, du plus ancien au plus récent.</p>` : '',
    pager,
    ...renderDays(articles, config),
    pager,
    `<p><a${hrefAttribute(rootRelativeUrl(config.siteUrl, ARCHIVES_PATH))}>← Tous les mois</a></p>`,
  ]
    .filter(Boolean)
    .join('\n');
  const path = archiveMonthPath(month.year, month.month, page);
  return renderLayout(
    {
      title: `Archives : ${name}${month.pages.length > 1 ? ` (page ${page})` : ''} — ${config.title}`,
      description: `Les articles de ${config.title} publiés en ${name}.`,
      alternates: mainAlternates(feedSet, config),
      canonical: siteUrlOf(config.siteUrl, encodePath(path)),
      isHome: false,
      main,
    },
    feedSet,
    config,
  );
}

// --- internal ---

function mainAlternates(feedSet: FeedSet, config: ResolvedConfig): AlternateLink[] {
  const href = (format: 'rss' | 'atom' | 'json') => rootRelativeUrl(config.siteUrl, feedFilePath(feedSet.main.path, format));
  return [
    { type: FEED_FORMATS.rss.mediaType, title: `${feedSet.main.title} (RSS)`, href: href('rss') },
    { type: FEED_FORMATS.atom.mediaType, title: `${feedSet.main.title} (Atom)`, href: href('atom') },
    { type: FEED_FORMATS.json.mediaType, title: `${feedSet.main.title} (JSON Feed)`, href: href('json') },
  ];
}

/** Links to every page of a month cut into several; nothing for a month on one page. */
function renderPager(month: ArchiveMonth, page: number, config: ResolvedConfig): string {
  if (month.pages.length < 2) return '';
  const items = month.pages.map((_, index) => {
    const number = index + 1;
    if (number === page) return `<li><span aria-current="page">${number}</span></li>`;
    return `<li><a${hrefAttribute(rootRelativeUrl(config.siteUrl, archiveMonthPath(month.year, month.month, number)))}>${number}</a></li>`;
  });
  return ['<nav aria-label="Pages du mois"><ul class="feeds">', ...items, '</ul></nav>'].join('\n');
}

/** A section per day (its French date as heading), each article a line: linked title, hour and categories. */
function renderDays(articles: readonly Article[], config: ResolvedConfig): string[] {
  const lines: string[] = [];
  let day: string | undefined;
  for (const article of articles) {
    const date = formatFrenchDate(article.date, config.timeZone);
    if (date !== day) {
      if (day !== undefined) lines.push('</ul>', '</section>');
      day = date;
      lines.push('<section>', `<h2>${escapeHtml(date)}</h2>`, '<ul class="articles">');
    }
    const time = formatFrenchTime(article.date, config.timeZone);
    const categories = article.categories.map(
      (c) => `<a${hrefAttribute(rootRelativeUrl(config.siteUrl, feedPagePath(categoryFeedPath(encodeURIComponent(c.slug)))))}>${escapeHtml(c.name)}</a>`,
    );
    const meta = [
      `<time datetime="${formatZonedRfc3339(article.date, config.timeZone)}">${escapeHtml(time ?? date)}</time>`,
      ...(categories.length > 0 ? [categories.join(', ')] : []),
    ].join(' · ');
    lines.push(
      `<li><a${hrefAttribute(rootRelativeUrl(config.siteUrl, articlePath(article.slug)))}>${escapeHtml(article.title)}</a>`,
      `<p class="meta">${meta}</p></li>`,
    );
  }
  if (day !== undefined) lines.push('</ul>', '</section>');
  return lines;
}
