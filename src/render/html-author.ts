import { escapeHtml } from '../_lib/escape-markup.ts';
import { isSafeHttpUrl } from '../_lib/read-url.ts';
import { pageUrlOf } from '../_lib/site-paths.ts';
import type { Article } from '../article/article.ts';
import type { ResolvedConfig } from '../config/config-schema.ts';
import type { FeedDefinition, FeedSet } from '../feed-set/feed-set.ts';
import { checkArgs, renderFeedPage } from './html.ts';
import { hrefAttribute } from './html-layout.ts';

/**
 * Renders the page of the author of `feed` (an author feed of the FeedSet). `articles` are the articles that name the
 * author, newest first (their first HTML_PAGE_LIMIT are listed: the plan passes those, not the whole archive).
 */
export function renderAuthorPage(feed: FeedDefinition, articles: readonly Article[], feedSet: FeedSet, config: ResolvedConfig): string {
  checkArgs(feedSet, config);
  if (typeof feed !== 'object' || feed === null || feed.author === undefined || !Array.isArray(articles)) {
    throw new TypeError('feed: expected an author FeedDefinition');
  }
  const { name, url } = feed.author;
  const intro = [
    `<p class="lede">${escapeHtml(`Articles signés ${name}.`)}</p>`,
    // rel="me": the author's own page and this one are about the same person (HTML Living Standard §4.6.7.16).
    url && isSafeHttpUrl(url)
      ? `<p class="meta">Profil : <a${hrefAttribute(pageUrlOf(url, config.siteUrl))} rel="me">${escapeHtml(displayUrl(url))}</a></p>`
      : '',
  ];
  return renderFeedPage({ name, description: feed.description || config.description, intro, articles }, feed, feedSet, config);
}

// --- internal ---

/** `https://www.example.org/equipe/zoe` → `www.example.org/equipe/zoe`: the link text a reader recognises. */
function displayUrl(url: string): string {
  return url.replace(/^https?:\/\//i, '').replace(/\/$/, '');
}
