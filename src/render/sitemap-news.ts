// render: the Google News sitemap (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap):
// the articles published in the last two days, newest first, at most 1,000, each with its publication, language,
// date and title. Which articles is a matter of the build's clock (`newsWindow`); the text is a pure function of them.
import { escapeXml } from '../_lib/escape-markup.ts';
import type { Article } from '../article/article.ts';
import type { ResolvedConfig } from '../config/config-schema.ts';
import { formatZonedRfc3339 } from './french-date-format.ts';
import { SITEMAP_NAMESPACE } from './sitemap.ts';

/** Google: "only include articles published in the last two days". */
export const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;

/** Google: "up to 1,000 news:news tags" per news sitemap. */
export const NEWS_MAX_URLS = 1_000;

export const NEWS_NAMESPACE = 'http://www.google.com/schemas/sitemap-news/0.9';

/** The articles a news sitemap lists at `now`, and when the oldest of them leaves the window (a live site rebuilds then). */
export interface NewsWindow {
  readonly articles: readonly Article[];
  /** The first instant at which the list is shorter by age alone; undefined when it is empty. */
  readonly expires: Date | undefined;
}

/**
 * The articles published in the 48 hours up to `now` (`now − 48 h < date ≤ now`), newest first, at most 1,000.
 * `articles` is the feed set's list, newest first: the walk stops at the first article too old.
 */
export function newsWindow(articles: readonly Article[], now: Date): NewsWindow {
  const end = now.getTime();
  const start = end - NEWS_WINDOW_MS;
  const listed: Article[] = [];
  for (const article of articles) {
    const time = article.date.getTime();
    if (time <= start || listed.length === NEWS_MAX_URLS) break;
    if (time <= end) listed.push(article); // an article dated ahead (a preview with --future) is not news yet
  }
  const oldest = listed.at(-1);
  return { articles: listed, expires: oldest && new Date(oldest.date.getTime() + NEWS_WINDOW_MS) };
}

/** The news sitemap of `articles` (a {@link newsWindow}); a valid empty `urlset` when there are none. */
export function renderNewsSitemap(articles: readonly Article[], config: Pick<ResolvedConfig, 'language' | 'timeZone' | 'newsSitemap'>): string {
  const name = escapeXml(config.newsSitemap.name);
  // Google wants the ISO 639 code (`fr`), or zh-cn / zh-tw: the primary subtag of the BCP 47 tag.
  const tag = config.language.toLowerCase();
  const language = tag === 'zh-cn' || tag === 'zh-tw' ? tag : (tag.split('-')[0] ?? tag);
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<urlset xmlns="${SITEMAP_NAMESPACE}" xmlns:news="${NEWS_NAMESPACE}">`];
  for (const article of articles) {
    lines.push(
      `<url><loc>${escapeXml(article.link)}</loc><news:news>`,
      `<news:publication><news:name>${name}</news:name><news:language>${language}</news:language></news:publication>`,
      ...(article.genres?.length ? [`<news:genres>${article.genres.join(', ')}</news:genres>`] : []),
      `<news:publication_date>${formatZonedRfc3339(article.date, config.timeZone)}</news:publication_date>`,
      `<news:title>${escapeXml(article.title)}</news:title>`,
      '</news:news></url>',
    );
  }
  lines.push('</urlset>', '');
  return lines.join('\n');
}
