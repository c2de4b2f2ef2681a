// lifecycle: Redirect[] → the redirect files a web server or CDN loads (nginx map, Netlify/Cloudflare `_redirects`).
import type { Redirect } from './apply-ledger.ts';

/** The redirect files of a static build, by file name. */
export interface RedirectsFiles {
  /** nginx `map` entries: `"/old/" "/new/";`, one per line, for `map $uri $gazette_redirect { include …; }`. */
  readonly 'redirects.map': string;
  /** Netlify / Cloudflare Pages rules: `/old/ /new/ 301`, one per line. */
  readonly _redirects: string;
}

/**
 * Both redirect files, sorted by former path, deterministic. `basePath` is the path of `siteUrl` (`''` or `/actu`),
 * put before every path. Each path is written percent-encoded (the nginx key decoded, as nginx matches `$uri`), so
 * no path can end a line, a field or a directive early; a path with control characters is left out.
 */
export function renderRedirectsFiles(redirects: readonly Redirect[], basePath: string): RedirectsFiles {
  if (!Array.isArray(redirects)) throw new TypeError('redirects: expected an array of { from, to }');
  if (typeof basePath !== 'string' || (basePath !== '' && !basePath.startsWith('/'))) {
    throw new TypeError(`basePath: expected "" or a path starting with "/", got ${JSON.stringify(basePath)}`);
  }
  const base = canonicalPath(basePath.replace(/\/+$/, '')) ?? '';
  const rules = new Map<string, { from: string; to: string; key: string }>();
  for (const redirect of redirects) {
    const from = canonicalPath(redirect.from);
    const to = canonicalPath(redirect.to);
    if (from === undefined || to === undefined || from === to) continue;
    const key = decodePath(base + from);
    // nginx compares $uri, which it has percent-decoded; a key with a control character could not be written safely.
    if (key === undefined || /[\u0000-\u001F\u007F]/.test(key)) continue;
    if (!rules.has(base + from)) rules.set(base + from, { from: base + from, to: base + to, key });
  }
  const sorted = [...rules.values()].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  return {
    'redirects.map': [
      '# Gazette: former article addresses → current ones. In the nginx server block:',
      '#   map $uri $gazette_redirect { include /path/to/redirects.map; }   (map goes in the http block)',
      '#   if ($gazette_redirect) { return 301 $gazette_redirect; }',
      ...sorted.map((r) => `${nginxString(r.key)} ${nginxString(r.to)};`),
      '',
    ].join('\n'),
    _redirects: ['# Gazette: former article addresses → current ones (Netlify, Cloudflare Pages).', ...sorted.map((r) => `${r.from} ${r.to} 301`), ''].join(
      '\n',
    ),
  };
}

// --- internal ---

/**
 * A path from the site root with every segment percent-encoded the one canonical way (encodeURIComponent of its
 * decoded text), so only `A-Z a-z 0-9 - _ . ! ~ * ' ( ) % /` remain. Undefined for anything but a root path.
 */
function canonicalPath(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) return undefined;
  return value
    .split('/')
    .map((segment) => encodeURIComponent(decodeSegment(segment)))
    .join('/');
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // a lone `%` is a literal percent sign
  }
}

function decodePath(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}

/** A double-quoted nginx string: `\` and `"` escaped; `$` is literal in a map key and never reaches a value encoded. */
function nginxString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}
