// _lib: the one reader of URLs that cross a trust boundary (record links, images, author URLs, body hrefs, config).
//
// Browsers and `new URL()` silently drop ASCII TAB, CR and LF anywhere in a URL and controls or spaces at its ends
// (WHATWG URL §4.4, "remove all ASCII tab or newline"), so `java\nscript:alert(1)` is `javascript:alert(1)` to them
// while a naive check sees a relative path. Here nothing is stripped silently: a control, whitespace or invisible
// character inside the value refuses it before anything is decided, and the scheme that is checked is the one of the
// URL as resolved, so what was checked is exactly what a browser or feed reader will follow.

/** What {@link readUrl} made of a written URL. */
export type UrlReading =
  | {
      readonly ok: true;
      /** The resolved, serialised URL (`new URL(…).href`): reading it again gives the same string. */
      readonly url: string;
      /** True when the value was a path resolved against the base (`/photos/a.jpg`, `a.jpg`), not `//host/…`. */
      readonly relative: boolean;
    }
  | { readonly ok: false; readonly message: string };

/** A URL scheme as `URL.protocol` spells it. */
export type UrlScheme = 'http:' | 'https:' | 'mailto:';

/** Options of {@link readUrl}. */
export interface ReadUrlOptions {
  /** Schemes accepted after resolving; default http and https (links, images, author pages). */
  readonly schemes?: readonly UrlScheme[];
}

/** The schemes of links, images and author URLs. */
export const HTTP_SCHEMES: readonly UrlScheme[] = ['http:', 'https:'];

/**
 * Reads a URL written in a record or a config: an absolute URL, a protocol-relative `//host/…` (absolute, taking
 * the base's scheme), or a path resolved against `base` (refused when `base` is undefined). The ends are trimmed;
 * controls, whitespace, invisible format characters and backslashes inside are refused, as are user names and
 * passwords in the URL; the resolved URL must use one of `options.schemes` (default http, https).
 * @example readUrl('photos/a.jpg', 'https://example.org/') // { ok: true, url: 'https://example.org/photos/a.jpg', relative: true }
 */
export function readUrl(text: string, base: string | undefined, options: ReadUrlOptions = {}): UrlReading {
  if (typeof text !== 'string') throw new TypeError(`readUrl: text must be a string, got ${typeof text}`);
  if (base !== undefined && typeof base !== 'string') throw new TypeError('readUrl: base must be a string or undefined');
  const schemes = options.schemes ?? HTTP_SCHEMES;
  const value = text.trim();
  const shown = JSON.stringify(value);
  if (value === '') return { ok: false, message: 'expected a URL, got an empty text' };
  const bad = UNSAFE_CHARACTER.exec(value);
  if (bad) {
    return { ok: false, message: `${shown} contains ${describeCharacter(bad[0])}, which is not allowed in a URL` };
  }

  const hasScheme = SCHEME.test(value);
  const isNetworkPath = value.startsWith('//');
  if (!hasScheme && !isNetworkPath && /^www\./i.test(value)) {
    return { ok: false, message: `${shown} has no scheme (did you mean "https://${value}"?)` };
  }
  if (!hasScheme && base === undefined) return { ok: false, message: `expected an absolute URL, got ${shown}` };

  let url: URL;
  try {
    url = hasScheme ? new URL(value) : new URL(value, base);
  } catch {
    return { ok: false, message: `${shown} is not a valid URL${hasScheme ? '' : ' or path'}` };
  }
  if (!schemes.includes(url.protocol as UrlScheme)) {
    return { ok: false, message: `expected ${describeSchemes(schemes)}, got ${shown}` };
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, message: `${shown} holds a user name or password before "@", which is not allowed in a published URL` };
  }
  // RFC 3986 §3.2.2: a host name is unreserved and sub-delims characters. URL lets `"`, `{`, `}` and `` ` `` through
  // (and decodes them from `%7B`…, so they cannot be kept encoded): no real host holds them, so the link is a typo.
  const badHost = url.host.startsWith('[') ? undefined : [...url.host].find((c) => !HOST_CHARACTER.test(c));
  if (badHost !== undefined) {
    return { ok: false, message: `${shown} has ${JSON.stringify(badHost)} in its host name, which no host name holds (RFC 3986 §3.2.2)` };
  }
  return { ok: true, url: toRfc3986(url), relative: !hasScheme && !isNetworkPath };
}

/**
 * True when `url` is an absolute URL of one of `schemes` exactly as written: no control, whitespace or invisible
 * character, no backslash, no user name or password. The renderers' last guard before writing an href or src.
 */
export function isSafeUrl(url: string, schemes: readonly string[]): boolean {
  if (typeof url !== 'string' || url === '' || url !== url.trim() || UNSAFE_CHARACTER.test(url) || !SCHEME.test(url)) return false;
  try {
    const parsed = new URL(url);
    return schemes.includes(parsed.protocol) && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/** {@link isSafeUrl} for links, images and author pages: an absolute http(s) URL. */
export function isSafeHttpUrl(url: string): boolean {
  return isSafeUrl(url, HTTP_SCHEMES);
}

// --- internal ---

/** RFC 3986 §3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), then ":". */
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Controls (C0, DEL, C1), any Unicode whitespace, invisible format characters (zero-width, bidi overrides,
 * soft hyphen), the noncharacters U+FFFE/U+FFFF, lone surrogates, and `\`, which WHATWG reads as `/` in http(s) URLs.
 */
const UNSAFE_CHARACTER = /[\p{Cc}\p{Cf}\s\\\uFFFE\uFFFF]|\p{Cs}/u;

/**
 * `url.href` with every ASCII character RFC 3986 does not allow in its component percent-encoded. WHATWG URL
 * serialisation (§4.4, path/query/fragment percent-encode sets) encodes non-ASCII, spaces, `"`, `<`, `>` and a few
 * more, but keeps `|`, `^`, `[`, `]`, `{`, `}`, `` ` `` and `\` raw where it finds them, and `%` not followed by two
 * hex digits; feed validators refuse those (RFC 3986 §2.1, §3.3–3.5), so they are encoded here. Encoding a character
 * that may not appear raw names the same resource (§2.4, §6.2.2.2): servers decode it. `%XX` already written stays
 * as it is. The host is `URL`'s: an IP literal in brackets (§3.2.2), or a name lower-cased, IDNA-encoded and checked.
 */
function toRfc3986(url: URL): string {
  const href = url.href;
  const authority = url.host === '' ? url.protocol : `${url.protocol}//${url.host}`;
  // http, https and mailto URLs always serialise as scheme, authority (if any), then path, query and fragment.
  if (!href.startsWith(authority)) return href;
  const rest = href.slice(authority.length);

  const hash = rest.indexOf('#');
  const beforeHash = hash === -1 ? rest : rest.slice(0, hash);
  const query = beforeHash.indexOf('?');
  const path = query === -1 ? beforeHash : beforeHash.slice(0, query);
  let out = authority + encodeOutside(path, PATH_CHARACTER);
  if (query !== -1) out += `?${encodeOutside(beforeHash.slice(query + 1), QUERY_CHARACTER)}`;
  if (hash !== -1) out += `#${encodeOutside(rest.slice(hash + 1), QUERY_CHARACTER)}`;
  return out;
}

/** RFC 3986 §3.2.2, §3.2.3: reg-name = unreserved / sub-delims; then ":" and the port's digits. */
const HOST_CHARACTER = /[A-Za-z0-9\-._~!$&'()*+,;=:]/;
/** RFC 3986 §3.3: path = pchar and "/"; pchar = unreserved / pct-encoded / sub-delims / ":" / "@". */
const PATH_CHARACTER = /[A-Za-z0-9\-._~!$&'()*+,;=:@/]/;
/** RFC 3986 §3.4, §3.5: query and fragment = pchar, "/" and "?". */
const QUERY_CHARACTER = /[A-Za-z0-9\-._~!$&'()*+,;=:@/?]/;

function encodeOutside(part: string, allowed: RegExp): string {
  return part.replace(/%[0-9A-Fa-f]{2}|[\s\S]/gu, (c) => (c.length === 3 || allowed.test(c) ? c : encodeURIComponent(c)));
}

function describeCharacter(char: string): string {
  if (char === '\\') return 'a backslash (use "/")';
  const code = char.codePointAt(0) ?? 0;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (char === ' ') return 'a space (write it %20)';
  if (/\p{Cc}/u.test(char)) return `a control character (${hex})`;
  if (/\s/u.test(char)) return `whitespace (${hex})`;
  return `an invisible character (${hex})`;
}

function describeSchemes(schemes: readonly UrlScheme[]): string {
  if (schemes.length === 1 && schemes[0] === 'mailto:') return 'a mailto: URL';
  const names = schemes.map((s) => s.slice(0, -1));
  return names.join(', ') === 'http, https' ? 'an http(s) URL' : `a URL with scheme ${names.join(', ')}`;
}
