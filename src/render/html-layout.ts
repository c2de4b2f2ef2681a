// render: the shared page frame of every HTML page (head, autodiscovery, header, nav, footer).
import type { ResolvedConfig } from '../config/config-schema.ts';
import type { FeedDefinition, FeedSet } from '../feed-set/feed-set.ts';
import { escapeHtml } from '../_lib/escape-markup.ts';
import { isSafeHttpUrl } from '../_lib/read-url.ts';
import { feedFilePath, feedPagePath, HOME_PATH, rootRelativeUrl } from '../_lib/site-paths.ts';

/** One `<link rel="alternate">` autodiscovery entry (https://www.rssboard.org/rss-autodiscovery). */
export interface AlternateLink {
  /** MIME type: `application/rss+xml`, `application/atom+xml` or `application/feed+json`. */
  readonly type: string;
  /** Human title shown by browsers and feed readers. */
  readonly title: string;
  /** Href, root-relative (`/feed.xml`, `/actu/categories/societe/atom.xml`). */
  readonly href: string;
}

/** What one page puts into the shared frame. */
export interface PageFrame {
  /** Text of `<title>`. */
  readonly title: string;
  /** Text of `<meta name="description">`. */
  readonly description: string;
  /** Autodiscovery links, the page's own feeds first. */
  readonly alternates: readonly AlternateLink[];
  /** Absolute canonical URL of the page, if it has one. */
  readonly canonical?: string;
  /** True on the front page, whose header holds the h1; other pages put their own h1 in `main`. */
  readonly isHome: boolean;
  /** Already-escaped HTML of `<main>`. */
  readonly main: string;
  /** Further `<head>` lines, already escaped (an article page's structured data and preview tags). */
  readonly head?: readonly string[];
}

/**
 * Wraps a page body in the document shared by every page: doctype, head, header, category nav and footer. The links
 * of the frame are root-relative, so the frame is the same on every page, whatever its depth: it is rendered once
 * per FeedSet and config ({@link layoutShell}) and only the page's own parts (title, description, canonical,
 * alternates, extra head lines, main) are spliced in. Lines are joined by `\n`; an empty `main` or head line is left
 * out, as is an empty nav.
 */
export function renderLayout(frame: PageFrame, feedSet: FeedSet, config: ResolvedConfig): string {
  const shell = layoutShell(feedSet, config);
  let page = `${shell.start}<title>${escapeHtml(frame.title)}</title>\n<meta name="description" content="${escapeHtml(frame.description)}">\n<meta name="generator" content="Gazette">\n`;
  if (frame.canonical && isSafeHttpUrl(frame.canonical)) page += `<link rel="canonical"${hrefAttribute(frame.canonical)}>\n`;
  for (const a of frame.alternates) page += `<link rel="alternate" type="${escapeHtml(a.type)}" title="${escapeHtml(a.title)}"${hrefAttribute(a.href)}>\n`;
  for (const line of frame.head ?? []) if (line !== '') page += `${line}\n`;
  page += frame.isHome ? shell.homeHeader : shell.pageHeader;
  if (frame.main !== '') page += `${frame.main}\n`;
  return page + shell.end;
}

/** Most categories a page's navigation (and the front page's list) shows, so pages stay small however many exist. */
export const NAV_CATEGORY_LIMIT = 30;

/**
 * The category feeds pages link to, in slug order: all of them up to {@link NAV_CATEGORY_LIMIT}; beyond it the
 * configured categories and then the most used ones (most published articles first, then by slug) up to the cap.
 * Without a cap every one of N category pages would list N categories: output would grow as N².
 */
export const navigationCategories: (feedSet: FeedSet, config: ResolvedConfig) => readonly FeedDefinition[] = memoPerPair((feedSet, config) =>
  chooseNavigation(feedSet, config),
);

/**
 * ` href="…"` for a checked URL: an absolute http(s) URL ({@link isSafeHttpUrl}) or a path on the site
 * (`/categories/societe/`, `#contenu`), which has no scheme, host (`//`), space or control character; anything else
 * gives no attribute at all, so no page ever links to a `javascript:` or `data:` URL.
 */
export function hrefAttribute(url: string): string {
  return isSafeHttpUrl(url) || isPagePath(url) ? ` href="${escapeHtml(url)}"` : '';
}

// --- internal ---

/** The text every page of a build shares, between which each page's own parts go. */
interface LayoutShell {
  /** Doctype to the head's fixed meta lines; the page's title follows. */
  readonly start: string;
  /** Style, end of head, body start and header of the front page (site name as h1), up to `<main>`. */
  readonly homeHeader: string;
  /** The same for every other page (site name as a link home). */
  readonly pageHeader: string;
  /** `</main>`, footer and the end of the document. */
  readonly end: string;
}

// Every page of a build shares one FeedSet and config: the frame is rendered once per pair, not once per page.
const layoutShell = memoPerPair(renderShell);

/**
 * `compute(a, b)` remembered per pair of objects while both live: every page of a build shares one FeedSet and one
 * config, so what depends on them alone is made once per build.
 */
function memoPerPair<A extends object, B extends object, V>(compute: (a: A, b: B) => V): (a: A, b: B) => V {
  const cache = new WeakMap<A, WeakMap<B, V>>();
  return (a, b) => {
    let byB = cache.get(a);
    if (byB === undefined) cache.set(a, (byB = new WeakMap()));
    let value = byB.get(b);
    if (value === undefined) byB.set(b, (value = compute(a, b)));
    return value;
  };
}

function renderShell(feedSet: FeedSet, config: ResolvedConfig): LayoutShell {
  const href = (path: string) => hrefAttribute(rootRelativeUrl(config.siteUrl, path));
  const nav = navigationCategories(feedSet, config);
  const navHtml =
    nav.length === 0
      ? ''
      : [
          '<nav aria-label="Rubriques"><ul>',
          ...nav.map((f) => `<li><a${href(feedPagePath(f.path))}>${escapeHtml(f.category?.name ?? f.title)}</a></li>`),
          '</ul></nav>',
          '',
        ].join('\n');
  const header = (siteName: string) =>
    [
      `<style>${STYLE}</style>`,
      '</head>',
      '<body>',
      `<a class="skip"${hrefAttribute('#contenu')}>Aller au contenu</a>`,
      '<header>',
      siteName,
      `<p class="site-description">${escapeHtml(config.description)}</p>`,
      `${navHtml}</header>`,
      '<main id="contenu">',
      '',
    ].join('\n');
  return {
    start: [
      '<!doctype html>',
      `<html lang="${escapeHtml(config.language)}">`,
      '<head>',
      '<meta charset="utf-8">',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      '',
    ].join('\n'),
    homeHeader: header(`<h1 class="site-title">${escapeHtml(config.title)}</h1>`),
    pageHeader: header(`<p class="site-title"><a${href(HOME_PATH)}>${escapeHtml(config.title)}</a></p>`),
    end: [
      '</main>',
      '<footer>',
      `<p>${escapeHtml(config.copyright)} · <a${href(feedFilePath(feedSet.main.path, 'rss'))}>RSS</a> · <a${href(feedFilePath(feedSet.main.path, 'atom'))}>Atom</a> · <a${href(feedFilePath(feedSet.main.path, 'json'))}>JSON Feed</a></p>`,
      '</footer>',
      '</body>',
      '</html>',
      '',
    ].join('\n'),
  };
}

function chooseNavigation(feedSet: FeedSet, config: ResolvedConfig): readonly FeedDefinition[] {
  const feeds = feedSet.categories.filter((f) => f.category !== undefined);
  if (feeds.length <= NAV_CATEGORY_LIMIT) return feeds;
  const uses = new Map<string, number>();
  for (const article of feedSet.articles) {
    for (const c of article.categories) uses.set(c.slug, (uses.get(c.slug) ?? 0) + 1);
  }
  const slugOf = (f: FeedDefinition): string => f.category?.slug ?? '';
  const configured = feeds.filter((f) => Object.hasOwn(config.categories, slugOf(f)));
  const others = feeds
    .filter((f) => !Object.hasOwn(config.categories, slugOf(f)))
    .sort((a, b) => (uses.get(slugOf(b)) ?? 0) - (uses.get(slugOf(a)) ?? 0) || (slugOf(a) < slugOf(b) ? -1 : 1));
  const kept = new Set([...configured, ...others.slice(0, Math.max(0, NAV_CATEGORY_LIMIT - configured.length))]);
  return feeds.filter((f) => kept.has(f));
}

/** A path on the site: no `:` (so no scheme), no leading `//` (so no host), only URL path characters. */
const PAGE_PATH = /^(?!\/\/)[\w.~%!$&'()*+,;=@/#-]*$/;

function isPagePath(url: string): boolean {
  return PAGE_PATH.test(url);
}

// System fonts, a ~40rem measure and colours above WCAG AA contrast (#1b1b1b on #fff is 17:1, #0a4a8f is 9:1,
// #555 is 7.5:1). No web fonts, no JavaScript.
const STYLE = `
:root{color-scheme:light}
*{box-sizing:border-box}
body{margin:0;background:#fff;color:#1b1b1b;font:1.0625rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;overflow-wrap:break-word}
header,main,footer{max-width:40rem;margin:0 auto;padding:0 1rem}
header{padding-top:1.5rem;border-bottom:1px solid #ddd}
.site-title{font-size:1.75rem;line-height:1.2;margin:0;font-weight:700}
p.site-title{font-size:1.25rem}
.site-title a{color:inherit;text-decoration:none}
.site-description{margin:.25rem 0 .75rem;color:#555}
nav ul,.feeds,.categories{list-style:none;padding:0;margin:0 0 1rem;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
a{color:#0a4a8f}
a:hover,a:focus{color:#06305e}
h1{font-size:1.75rem;line-height:1.25;margin:1.5rem 0 .5rem}
h2{font-size:1.3rem;line-height:1.3;margin:1.75rem 0 .5rem}
h3{font-size:1.1rem}
.articles{list-style:none;padding:0;margin:0}
.articles>li{padding:1rem 0;border-bottom:1px solid #eee}
.articles h2,.articles h3{font-size:1.2rem;margin:0 0 .25rem}
.articles h2 a,.articles h3 a{text-decoration:none}
.articles h2 a:hover,.articles h3 a:hover{text-decoration:underline}
.meta{color:#555;font-size:.9rem;margin:.25rem 0}
time{white-space:nowrap}
.summary{margin:.5rem 0 0}
.subscribe{display:flex;flex-wrap:wrap;align-items:baseline;gap:.25rem 1rem;margin:1.25rem 0 .5rem;padding:.5rem .75rem;background:#f3f5f8;border-radius:.25rem}
.subscribe h2{font-size:1rem;margin:0}
.subscribe .feeds{margin:0}
.rubriques{margin:1.5rem 0}
.rubriques h2{font-size:1.1rem}
.rubriques li{margin:.25rem 0}
article img{max-width:100%;height:auto}
article .body{margin-top:1rem}
article .body h2{font-size:1.25rem}
article .body .kicker{font-size:1rem;letter-spacing:.02em;color:#333;border-top:3px solid #0a4a8f;padding-top:.5rem;margin-top:2rem}
article .body h3{font-size:1.15rem;margin:1.5rem 0 .25rem}
article figure{margin:1rem 0}
blockquote{margin:1rem 0;padding-left:1rem;border-left:3px solid #ccc;color:#333}
pre{overflow-x:auto}
table{display:block;overflow-x:auto}
.visually-hidden{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem}
.skip:focus{left:0}
.lede{color:#555;margin-top:0}
footer{border-top:1px solid #ddd;margin-top:2rem;padding-bottom:2rem;color:#555;font-size:.9rem}
`
  .trim()
  .replace(/\n/g, '');
