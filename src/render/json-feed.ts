// render: FeedDefinition → JSON Feed 1.1 document text (https://www.jsonfeed.org/version/1.1/).
import { JSON_FEED_VERSION } from '../_lib/feed-formats.ts';
import type { Article } from '../article/article.ts';
import type { Author } from '../config/define-config.ts';
import type { ResolvedConfig } from '../config/config-schema.ts';
import type { FeedDefinition } from '../feed-set/feed-set.ts';
import { feedUrls } from '../_lib/site-paths.ts';
import { renderWithinBudget, type BudgetedFeed } from './feed-budget.ts';
import { formatRfc3339 } from './machine-dates.ts';
// cleanXmlText here too: JSON could carry them, but then the three formats would not hold identical text.
import { cleanXmlText } from '../article/xml-text.ts';

/** JSON Feed 1.1 version URL; `feed@6` only writes 1.0, so this renderer is ours. */

/** Renders `feed` as JSON Feed 1.1: stable key order, two-space indent, trailing newline; within `maxFeedBytes`. */
export function renderJsonFeed(feed: FeedDefinition, config: ResolvedConfig): string {
  return renderJsonFeedWithinBudget(feed, config).body;
}

/** {@link renderJsonFeed}, saying what the size budget cost (feed-budget.ts). */
export function renderJsonFeedWithinBudget(feed: FeedDefinition, config: ResolvedConfig): BudgetedFeed {
  return renderWithinBudget(feed, config.maxFeedBytes, (f) => writeJsonFeed(f, config));
}

// --- internal ---

function writeJsonFeed(feed: FeedDefinition, config: ResolvedConfig): string {
  const urls = feedUrls(feed, config);
  const document = {
    version: JSON_FEED_VERSION,
    title: cleanXmlText(feed.title),
    home_page_url: urls.html,
    feed_url: urls.json,
    description: cleanXmlText(feed.description),
    language: config.language,
    // An author's feed is theirs (JSON Feed 1.1 top-level `authors`); the others are the site's.
    authors: [toJsonAuthor(feed.author ?? config.author)],
    // JSON Feed 1.1 §hubs: WebSub endpoints; omitted entirely when no hub is configured.
    ...(config.hub.length > 0 ? { hubs: config.hub.map((url) => ({ type: 'WebSub', url })) } : {}),
    items: feed.articles.map(toJsonItem),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function toJsonItem(article: Article): Record<string, unknown> {
  return {
    id: cleanXmlText(article.guid),
    url: article.link,
    title: cleanXmlText(article.title),
    content_html: cleanXmlText(article.html),
    ...(article.summary ? { summary: cleanXmlText(article.summary) } : {}),
    ...(article.image ? { image: article.image.url } : {}),
    date_published: formatRfc3339(article.date),
    date_modified: formatRfc3339(article.updated),
    // Items without authors inherit the feed's `authors` (JSON Feed 1.1 §items.authors).
    ...(article.authors.length > 0 ? { authors: article.authors.map(toJsonAuthor) } : {}),
    tags: article.categories.map((c) => cleanXmlText(c.name)),
    ...imageExtension(article),
  };
}

/**
 * What JSON Feed has no field for — the image's alt, caption, credit and size — in our extension object (JSON Feed
 * 1.1 §extensions: a key starting with `_`, which readers that do not know it ignore). Omitted when there is none.
 */
function imageExtension(article: Article): { _gazette?: { image: Record<string, string | number> } } {
  const image = article.image;
  if (!image) return {};
  const details: Record<string, string | number> = {};
  if (image.alt !== undefined) details.alt = cleanXmlText(image.alt);
  if (image.caption !== undefined) details.caption = cleanXmlText(image.caption);
  if (image.credit !== undefined) details.credit = cleanXmlText(image.credit);
  if (image.width !== undefined) details.width = image.width;
  if (image.height !== undefined) details.height = image.height;
  return Object.keys(details).length === 0 ? {} : { _gazette: { image: details } };
}

/** JSON Feed authors have no e-mail field; the spec allows a `mailto:` URL for one. */
function toJsonAuthor(author: Readonly<Author>): { name: string; url?: string } {
  const url = author.url ?? (author.email ? `mailto:${author.email}` : undefined);
  return url ? { name: cleanXmlText(author.name), url } : { name: cleanXmlText(author.name) };
}
