// render: Article → what search engines and link previews read in an article page's head: one schema.org
// `NewsArticle` as JSON-LD (https://developers.google.com/search/docs/appearance/structured-data/article), Open Graph
// (https://ogp.me/, type `article`) and Twitter card tags, and `max-image-preview:large` (Google Discover).
// JSON-LD is data, not script: the page's CSP (`default-src 'none'`, so no script runs) does not stop
// a crawler reading it, and it stays as it is.
import type { Article, ArticleImage } from '../article/article.ts';
import type { ResolvedConfig } from '../config/config-schema.ts';
import { escapeHtml } from '../_lib/escape-markup.ts';
import { isSafeHttpUrl } from '../_lib/read-url.ts';
import { cleanXmlText } from '../article/xml-text.ts';
import { articleUrl } from '../_lib/site-paths.ts';
import { formatZonedRfc3339 } from './french-date-format.ts';

/** The head lines of an article page: JSON-LD, Open Graph, Twitter and robots, already escaped. */
export function renderArticleMetadata(article: Article, config: ResolvedConfig): string[] {
  return [
    `<script type="application/ld+json">${jsonForScript(toNewsArticle(article, config))}</script>`,
    ...openGraph(article, config).map(([property, content]) => `<meta property="${property}" content="${escapeHtml(content)}">`),
    '<meta name="twitter:card" content="summary_large_image">',
    // Google shows a large preview only when the page allows it (robots meta tag, max-image-preview).
    '<meta name="robots" content="max-image-preview:large">',
  ];
}

/** The `NewsArticle` object of `article`; every URL absolute, every date with its offset. */
export function toNewsArticle(article: Article, config: ResolvedConfig): Record<string, unknown> {
  const page = pageUrl(article, config);
  const image = imageUrl(article.image);
  const logo = config.logo && isSafeHttpUrl(config.logo) ? config.logo : undefined;
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: text(article.title),
    ...(article.summary ? { description: text(article.summary) } : {}),
    datePublished: formatZonedRfc3339(article.date, config.timeZone),
    dateModified: formatZonedRfc3339(article.updated, config.timeZone),
    author: authorsOf(article, config).map((a) => ({
      // The default site author is the site itself (`{ name: title }`): an organisation, not a person.
      '@type': article.authors.length === 0 && a.name === config.title ? 'Organization' : 'Person',
      name: text(a.name),
      ...(a.url && isSafeHttpUrl(a.url) ? { url: a.url } : {}),
    })),
    publisher: { '@type': 'Organization', name: text(config.title), ...(logo ? { logo: { '@type': 'ImageObject', url: logo } } : {}) },
    ...(image ? { image: [image] } : {}),
    mainEntityOfPage: { '@type': 'WebPage', '@id': page },
    url: page,
    ...(article.categories.length > 0 ? { articleSection: article.categories.map((c) => text(c.name)) } : {}),
    inLanguage: config.language,
  };
}

/**
 * JSON that cannot end or comment out the `<script>` element holding it: `<`, `>` and `&` become `\u003c`…, which
 * JSON reads as the same characters (HTML Standard §4.12.1.3, restrictions for contents of script elements), and
 * U+2028/U+2029 are escaped too for parsers that read JSON as JavaScript.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// --- internal ---

/** The Open Graph properties, in the order they are written; `article:*` repeated per section and author. */
function openGraph(article: Article, config: ResolvedConfig): [string, string][] {
  const image = imageUrl(article.image);
  const alt = article.image?.alt;
  return [
    ['og:type', 'article'],
    ['og:title', article.title],
    ...(article.summary ? [['og:description', article.summary] as [string, string]] : []),
    ['og:url', pageUrl(article, config)],
    ...(image ? [['og:image', image] as [string, string]] : []),
    ...(image && alt ? [['og:image:alt', alt] as [string, string]] : []),
    ['og:site_name', config.title],
    // Open Graph writes a locale as language_TERRITORY (`fr_FR`), where BCP 47 has `fr-FR`.
    ['og:locale', config.language.replace('-', '_')],
    ['article:published_time', formatZonedRfc3339(article.date, config.timeZone)],
    ['article:modified_time', formatZonedRfc3339(article.updated, config.timeZone)],
    ...article.categories.map((c): [string, string] => ['article:section', c.name]),
    ...authorsOf(article, config).map((a): [string, string] => ['article:author', a.url && isSafeHttpUrl(a.url) ? a.url : a.name]),
  ];
}

/** The article page's own URL: `siteUrl/articles/<slug>/` (render-site.ts serves it there). */
function pageUrl(article: Article, config: ResolvedConfig): string {
  return articleUrl(config.siteUrl, article.slug);
}

/** The record's authors; the site author when it names none, as in the feeds. */
function authorsOf(article: Article, config: ResolvedConfig): readonly { readonly name: string; readonly url?: string | undefined }[] {
  const named = article.authors.filter((a) => a.name);
  return named.length > 0 ? named : [config.author];
}

function imageUrl(image: ArticleImage | undefined): string | undefined {
  return image && isSafeHttpUrl(image.url) ? image.url : undefined;
}

function text(value: string): string {
  return cleanXmlText(value);
}
