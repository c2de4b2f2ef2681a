// render: a redirect target → the HTML page a static host serves at a former article address.
import { escapeHtml } from '../_lib/escape-markup.ts';

/**
 * A small French page that sends the reader on to `target` at once (`<meta http-equiv="refresh">`), names it as
 * canonical (so search engines move their index to it) and keeps itself out of the index (`noindex`), with a
 * plain link for clients that ignore the refresh. `target` is an absolute http(s) URL or a path from the site root.
 * @example renderRedirectPage('https://example.org/articles/nouveau-titre/', 'Nouveau titre')
 */
export function renderRedirectPage(target: string, title?: string): string {
  if (typeof target !== 'string') throw new TypeError(`target: expected a string, got ${typeof target}`);
  if (title !== undefined && typeof title !== 'string') throw new TypeError(`title: expected a string, got ${typeof title}`);
  const href = escapeHtml(safeTarget(target));
  const name = title?.replace(/\s+/g, ' ').trim();
  const heading = name ? `${escapeHtml(name)} — page déplacée` : 'Page déplacée';
  const linkText = name ? escapeHtml(name) : href;
  return [
    '<!doctype html>',
    '<html lang="fr">',
    '<head>',
    '<meta charset="utf-8">',
    // Nothing on this page runs or loads anything; the refresh and the link still work under this policy.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'">`,
    '<meta name="robots" content="noindex">',
    `<meta http-equiv="refresh" content="0; url=${href}">`,
    `<link rel="canonical" href="${href}">`,
    `<title>${heading}</title>`,
    '</head>',
    '<body>',
    `<p>Cet article a changé d’adresse : <a href="${href}">${linkText}</a>.</p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

// --- internal ---

/**
 * The target as a URL that can only go to an http(s) page: resolved and re-serialised (so percent-encoded), with
 * `;` `,` `'` encoded too, since the refresh header reads them as separators and quotes (HTML Standard, "shared
 * declarative refresh steps").
 */
function safeTarget(target: string): string {
  return resolveTarget(target).replace(/[;,']/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function resolveTarget(target: string): string {
  const trimmed = target.trim();
  if (trimmed.startsWith('/') && !trimmed.startsWith('//') && !trimmed.includes('\\')) {
    const url = new URL(trimmed, 'https://gazette.invalid');
    return `${url.pathname}${url.search}${url.hash}`;
  }
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new TypeError(`target: expected an absolute http(s) URL or a path from the site root, got ${JSON.stringify(target)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError(`target: expected an http(s) URL, got ${JSON.stringify(target)}`);
  }
  return url.href;
}
