// render: the site's correction notes → the Atom 1.0 feed `corrections.xml` (RFC 4287), through the `feed` adapter.
//
// One entry per note, so a reader subscribed to it sees each correction once: the entry id is the article's guid
// plus the note's instant (Correction.key), which no edit of the article or of the note's text changes (RFC 4287
// §4.2.6: an entry's id never changes). Re-dating a note makes it a new note, as it is one for a reader.
import type { Item } from 'feed';
import { escapeHtml } from '../_lib/escape-markup.ts';
import { isSafeUrl } from '../_lib/read-url.ts';
import { correctionsFeedUrl, HOME_PATH, siteUrlOf } from '../_lib/site-paths.ts';
import type { ResolvedConfig } from '../config/config-schema.ts';
import type { CorrectionEntry } from '../feed-set/collect-corrections.ts';
import { feedCdata, feedText, writeAtom1 } from './feed-package.ts';
import { assertValidDate } from './machine-dates.ts';

/** The corrections feed's title, for the feed itself, autodiscovery links and feed lists (OPML). */
export function correctionsFeedTitle(config: Pick<ResolvedConfig, 'title'>): string {
  return `${config.title} — Rectificatifs`;
}

/**
 * Renders the corrections feed of `entries` (newest first, collect-corrections.ts). Its `updated` is the newest
 * note's date, the site's tagDate when there is none: never the clock, so every instance writes the same bytes.
 */
export function renderCorrectionsFeed(entries: readonly CorrectionEntry[], config: ResolvedConfig): string {
  if (!Array.isArray(entries)) throw new TypeError('renderCorrectionsFeed: entries must be an array of CorrectionEntry');
  const self = correctionsFeedUrl(config.siteUrl);
  const author = { name: feedText(config.author.name), ...(config.author.email ? { email: feedText(config.author.email) } : {}) };
  const options = {
    title: feedText(correctionsFeedTitle(config)),
    description: feedText(`Les rectificatifs publiés par ${config.title}`),
    id: feedText(self),
    link: siteUrlOf(config.siteUrl, HOME_PATH),
    language: config.language,
    copyright: feedText(config.copyright),
    updated: correctionsUpdated(entries, config),
    generator: 'Gazette',
    feedLinks: { atom: self },
    author,
  };
  const items = entries.map(({ article, correction }): Item => {
    assertValidDate(correction.date, `article ${article.id} correction ${correction.key}`);
    const link = isSafeUrl(article.link, ['http:', 'https:']) ? new URL(article.link).href : options.link;
    return {
      title: feedCdata(`Rectificatif : ${article.title}`),
      id: correctionId(article.guid, correction.key, link),
      link,
      date: new Date(correction.date.getTime()),
      // The note is plain text (article/read-corrections.ts): escaped into the HTML content.
      content: feedCdata(`<p>${escapeHtml(correction.text)}</p>`),
      // RFC 4287 §4.2.1 lets entries inherit the feed's author, but most readers do not: every entry names it.
      author: [author],
    };
  });
  return `${writeAtom1(options, items)}\n`;
}

/** The feed's `updated`: its newest note (entries are newest first), else tagDate at 00:00 UTC, like an empty feed. */
export function correctionsUpdated(entries: readonly CorrectionEntry[], config: Pick<ResolvedConfig, 'tagDate'>): Date {
  const newest = entries[0]?.correction.date;
  if (newest) return new Date(newest.getTime());
  const fallback = new Date(config.tagDate);
  return Number.isNaN(fallback.getTime()) ? new Date(0) : fallback;
}

// --- internal ---

/**
 * `<guid>#rectificatif-<key>`: a tag: URI (RFC 4151 §2.1) may carry a fragment, and the article's guid never changes.
 * A guid `feed` cannot take as a URL (it passes ids through `new URL()`) gives way to the article link, same suffix.
 */
function correctionId(guid: string, key: string, link: string): string {
  const base = isSafeUrl(guid, ['tag:', 'http:', 'https:']) && !guid.includes('#') ? guid : link.replace(/#.*$/s, '');
  return new URL(`${base}#rectificatif-${key}`).href;
}
