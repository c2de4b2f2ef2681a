// lint: predicates on single values (URLs, language tags, e-mail addresses) shared by the format rules.

/** True for an absolute `http:` or `https:` URL with a host. */
export function isAbsoluteHttpUrl(value: string): boolean {
  if (/\s/.test(value.trim())) return false;
  try {
    const url = new URL(value.trim());
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** True when `value` starts with a URI scheme (RFC 3986 §3.1), so it is not a relative reference. */
export function hasUriScheme(value: string): boolean {
  return /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(value.trim());
}

/** True for a full IRI (RFC 3987): a scheme, something after it, and no white space. */
export function isFullIri(value: string): boolean {
  return /^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]+$/.test(value);
}

/**
 * True for a well-formed BCP 47 language tag such as `fr`, `fr-FR`, `fr-CA` or `zh-Hant-TW`.
 * RFC 5646 §2.1: language 2–3 letters, optional script (4 letters), region (2 letters or 3 digits), variants.
 */
export function isLanguageTag(value: string): boolean {
  return /^[a-zA-Z]{2,3}(-[a-zA-Z]{4})?(-(?:[a-zA-Z]{2}|\d{3}))?(-(?:[a-zA-Z0-9]{5,8}|\d[a-zA-Z0-9]{3}))*(-[a-wyzA-WYZ0-9](-[a-zA-Z0-9]{2,8})+)*(-x(-[a-zA-Z0-9]{1,8})+)?$/.test(value);
}

/** True for `user@example.org` or `user@example.org (Name)`, the RSS 2.0 `author`/`managingEditor` form. */
export function isRssEmail(value: string): boolean {
  return /^[^\s@<>()"',;]+@[^\s@<>()"',;]+\.[^\s@<>()"',;]+(\s+\([^()]*\))?$/.test(value.trim());
}

// RFC 2045 §5.1: type "/" subtype *( ";" attribute "=" value ), tokens excluding tspecials and spaces.
const MIME_TOKEN = String.raw`[^\s()<>@,;:\\"/\[\]?=]+`;
const MIME_TYPE = new RegExp(String.raw`^${MIME_TOKEN}/${MIME_TOKEN}(?:\s*;\s*${MIME_TOKEN}=(?:"(?:\\.|[^"\\])*"|${MIME_TOKEN}))*$`);

/** True for a syntactically valid media type such as `image/jpeg` or `text/html; charset=utf-8`. */
export function isMediaType(value: string): boolean {
  return MIME_TYPE.test(value);
}

/** True for the addr-spec the W3C validator accepts without a DNS lookup: `c.laurent@example.org`. */
export function isAddrSpec(value: string): boolean {
  return /^[\w.+'-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z0-9][A-Za-z0-9-]*$/.test(value.trim());
}

const DEFAULT_PORTS: Readonly<Record<string, string>> = { http: '80', https: '443', ftp: '21' };

/**
 * True when `uri` is in the normal form URI comparison uses (RFC 3986 §6.2.2): lower-case scheme and host, no
 * default port, a `/` path after an authority, no `.`/`..` segments, percent-escapes upper-case and only where needed.
 */
export function isCanonicalUri(uri: string): boolean {
  const m = /^([^:/?#]+):(?:\/\/([^/?#]*))?([^?#]*)/.exec(uri);
  if (!m) return false;
  const [, scheme = '', authority, path = ''] = m;
  if (scheme !== scheme.toLowerCase()) return false;
  for (const escape of uri.matchAll(/%([0-9a-fA-F]{2})/g)) {
    if (escape[1] !== escape[1]!.toUpperCase() || /[A-Za-z0-9\-._~]/.test(String.fromCharCode(Number.parseInt(escape[1]!, 16)))) return false;
  }
  if (authority === undefined) return true;
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  const port = /:(\d*)$/.exec(host)?.[1];
  if (host !== host.toLowerCase() || (port !== undefined && (port === '' || port === DEFAULT_PORTS[scheme]))) return false;
  return path !== '' && !path.split('/').some((segment) => segment === '.' || segment === '..');
}
