// article: the permanent identity of an article, a `tag:` URI (RFC 4151) from site host, tagDate and id.
import type { ResolvedConfig } from '../config/config-schema.ts';

/**
 * Builds `tag:<host>,<tagDate>:<id>`; it depends on nothing else, so editing a title, slug, date or
 * category never changes an article's guid.
 * @example tagUri(config, '2024/maroc') // 'tag:example.org,2024-01-01:2024/maroc'
 */
export function tagUri(config: Pick<ResolvedConfig, 'siteUrl' | 'tagDate'>, id: string): string {
  if (typeof id !== 'string' || id === '') throw new TypeError('tagUri: id must be a non-empty string');
  let host: string;
  try {
    // RFC 4151 §2.1: the authority is a DNS name; URL lower-cases it and turns an IDN into punycode.
    host = new URL(config.siteUrl).hostname;
  } catch {
    throw new TypeError(`tagUri: config.siteUrl must be an absolute URL, got ${JSON.stringify(config.siteUrl)}`);
  }
  if (!host) throw new TypeError(`tagUri: config.siteUrl has no host: ${JSON.stringify(config.siteUrl)}`);
  return `tag:${host},${config.tagDate}:${encodeSpecific(id)}`;
}

// --- internal ---

// RFC 4151 §2.1: specific = *( pchar / "/" / "?" ); pchar = unreserved / pct-encoded / sub-delims / ":" / "@".
// Anything else, `%` included, is percent-encoded from its UTF-8 bytes, so one id has exactly one URI.
const ALLOWED = /[A-Za-z0-9\-._~!$&'()*+,;=:@/?]/;

function encodeSpecific(id: string): string {
  let out = '';
  for (const char of id) {
    if (ALLOWED.test(char)) out += char;
    else for (const byte of Buffer.from(char, 'utf8')) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}
