// lint: predicates on single values (URLs, language tags, e-mail addresses) shared by the format rules.
export { isAddrSpec, isLanguageTag } from '../_lib/value-syntax.ts';
import { utcTime } from '../_lib/utc-time.ts';

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
  for (const percent of uri.matchAll(/%([0-9a-fA-F]{2})/g)) {
    if (percent[1] !== percent[1]!.toUpperCase() || /[A-Za-z0-9\-._~]/.test(String.fromCharCode(Number.parseInt(percent[1]!, 16)))) return false;
  }
  if (authority === undefined) return true;
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  const port = /:(\d*)$/.exec(host)?.[1];
  if (host !== host.toLowerCase() || (port !== undefined && (port === '' || port === DEFAULT_PORTS[scheme]))) return false;
  return path !== '' && !path.split('/').some((segment) => segment === '.' || segment === '..');
}

/** How strictly a link-like value is read, after the validator's classes of the same names (validators.py). */
export type UriKind = 'rfc2396' | 'rfc2396_full' | 'rfc3987';

const URI_CHARS = String.raw`0-9a-zA-Z;/?:@&=+$.\-_!~*'()%,#`;
const URI_RELATIVE = new RegExp(String.raw`^([a-zA-Z][0-9a-zA-Z+\-.]*:)?/{0,2}(\[[0-9A-Fa-f:.]+\])?[${URI_CHARS}]*$`);
// RFC 3986 §3.2.2: a host may be an IP literal in brackets (`https://[::1]/`), right after `//`. The validator's
// rfc2396_full pattern forgets it (its relative pattern has it); an IPv6 URL is valid, so it is read here.
const URI_FULL = new RegExp(String.raw`^[a-zA-Z][0-9a-zA-Z+\-.]*:(?:(//)(\[[0-9A-Fa-f:.]+\])?)?[${URI_CHARS}]+$`);
const URN = /^[Uu][Rr][Nn]:[a-zA-Z0-9][a-zA-Z0-9-]{1,31}:([a-zA-Z0-9()+,.:=@;$_!*'-]|%[0-9A-Fa-f]{2})+$/;
const UUID = /^[Uu][Rr][Nn]:[Uu][Uu][Ii][Dd]:[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}$/;
/**
 * RFC 4151 §2.1: `tag:` authority `,` date `:` specific [`#` fragment]. The authority is a DNS name or an e-mail
 * address (lower case, as the validator reads RFC 4151 §2.4), the date `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
 */
const TAG = /^tag:((?:[a-z0-9\-._]+@)?[a-z0-9.-]+),(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?:[0-9a-zA-Z;/?:@&=+$.\-_!~*'()%,]*(?:#[0-9a-zA-Z;/?:@&=+$.\-_!~*'()%,]*)?$/;

/** A link-like value the validator rejects: its message class and why. */
export interface UriProblem {
  readonly w3c: string;
  readonly code: 'url-invalid' | 'tag-uri' | 'urn-invalid';
  readonly reason: string;
}

/**
 * Checks a link-like value as the validator's `rfc2396`, `rfc2396_full` and `rfc3987` do: `tag:` URIs per RFC 4151
 * (InvalidTAG), `urn:` and `urn:uuid:` (InvalidURN, InvalidUUID), allowed characters (InvalidUriChar), then the
 * general syntax (InvalidLink, InvalidFullLink, InvalidIRI, or UriNotIri for an IRI where only a URI may stand) and a
 * host after `http://`/`ftp://`. IRIs (`rfc3987`) may hold non-ASCII characters. Undefined when the value is valid.
 */
export function checkUriSyntax(value: string, kind: UriKind): UriProblem | undefined {
  const errorClass = kind === 'rfc2396' ? 'InvalidLink' : kind === 'rfc2396_full' ? 'InvalidFullLink' : 'InvalidIRI';
  const scheme = value.split(':')[0]!.toLowerCase();
  if (scheme === 'tag' && value.includes(':')) {
    const m = TAG.exec(value);
    if (!m)
      return { w3c: 'InvalidTAG', code: 'tag-uri', reason: 'a tag: URI is tag:authority,date:specific (RFC 4151), e.g. tag:example.org,2024-01-01:article-1' };
    const [, , y, mo, d] = m;
    if (mo !== undefined && (Number(mo) < 1 || Number(mo) > 12))
      return { w3c: 'InvalidTAG', code: 'tag-uri', reason: `month ${mo} of the tag: date does not exist (RFC 4151 §2.1)` };
    if (d !== undefined && new Date(utcTime(Number(y), Number(mo) - 1, Number(d))).getUTCDate() !== Number(d)) {
      return { w3c: 'InvalidTAG', code: 'tag-uri', reason: `${y}-${mo}-${d} in the tag: URI is not a real date (RFC 4151 §2.1)` };
    }
    return undefined;
  }
  if (scheme === 'urn' && value.includes(':')) {
    if (value.toLowerCase().startsWith('urn:uuid:') && !UUID.test(value))
      return { w3c: 'InvalidUUID', code: 'urn-invalid', reason: 'a urn:uuid: needs a UUID such as urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a' };
    if (!URN.test(value)) return { w3c: 'InvalidURN', code: 'urn-invalid', reason: 'a URN is urn:NID:NSS (RFC 8141)' };
    return undefined;
  }
  const pattern = kind === 'rfc2396_full' ? URI_FULL : URI_RELATIVE;
  // An IRI's non-ASCII characters stand for their percent-encoded UTF-8 (RFC 3987 §3.1).
  const ascii = value.replace(/[^\u0000-\u007f]/g, 'a');
  const asUri = kind === 'rfc3987' ? ascii : value;
  if (!pattern.test(asUri)) {
    const bad = [...asUri].find((c) => c.charCodeAt(0) < 128 && !new RegExp(`[${URI_CHARS}]`).test(c));
    if (bad !== undefined) return { w3c: 'InvalidUriChar', code: 'url-invalid', reason: `${JSON.stringify(bad)} may not appear in a URI; percent-encode it` };
    if (pattern.test(ascii)) return { w3c: 'UriNotIri', code: 'url-invalid', reason: 'non-ASCII characters must be percent-encoded here (a URI, not an IRI)' };
    return { w3c: errorClass, code: 'url-invalid', reason: kind === 'rfc2396_full' ? 'a full URI with a scheme is required' : 'not a URI reference' };
  }
  if ((scheme === 'http' || scheme === 'ftp') && !/^\w+:\/\/[^/]/.test(value)) {
    return { w3c: errorClass, code: 'url-invalid', reason: `${scheme}: needs a host after "//"` };
  }
  return undefined;
}
