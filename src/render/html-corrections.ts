// render: the HTML of correction notes — the article page's "Rectificatif" section, and the front page's link to
// corrections.xml (visible and for autodiscovery). Kept apart from html.ts, which calls these.
import { FEED_FORMATS } from '../_lib/feed-formats.ts';
import { escapeHtml } from '../_lib/escape-markup.ts';
import { CORRECTIONS_FEED_PATH, rootRelativeUrl } from '../_lib/site-paths.ts';
import type { Correction } from '../article/article.ts';
import type { ResolvedConfig } from '../config/config-schema.ts';
import { correctionsFeedTitle } from './corrections-feed.ts';
import { hrefAttribute, type AlternateLink } from './html-layout.ts';

/**
 * The notes under "Rectificatif", in record order, each after its date as `renderDate` writes the page's dates
 * (`<time>` with the French date); the text is plain (article/read-corrections.ts), so it is escaped. Empty: none.
 */
export function renderCorrectionsSection(corrections: readonly Correction[], renderDate: (date: Date) => string): string {
  if (corrections.length === 0) return '';
  const items = corrections.map((c) => `<li><p>${renderDate(c.date)} : ${escapeHtml(c.text)}</p></li>`);
  return [
    '<section class="corrections" aria-labelledby="rectificatif">',
    '<h2 id="rectificatif">Rectificatif</h2>',
    '<ul>',
    ...items,
    '</ul>',
    '</section>',
  ].join('\n');
}

/** The front page's visible link to the corrections feed (root-relative, like every link of a page). */
export function renderCorrectionsFeedLink(config: ResolvedConfig): string {
  const href = rootRelativeUrl(config.siteUrl, CORRECTIONS_FEED_PATH);
  return `<p class="corrections-feed"><a${hrefAttribute(href)} type="${FEED_FORMATS.atom.mediaType}">Rectificatifs (Atom)</a></p>`;
}

/** The corrections feed for autodiscovery on the front page (RSS Board autodiscovery: one link per feed). */
export function correctionsAlternate(config: ResolvedConfig): AlternateLink {
  return { type: FEED_FORMATS.atom.mediaType, title: `${correctionsFeedTitle(config)} (Atom)`, href: rootRelativeUrl(config.siteUrl, CORRECTIONS_FEED_PATH) };
}
