// http: one request + the current FeedSnapshot → a response from precomputed bytes (never a file, never a render).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FeedSnapshot, SnapshotEntry } from '../publish/feed-snapshot.ts';
import { isNotModified } from './conditional.ts';
import { negotiateEncoding } from './negotiate-encoding.ts';

/** Methods every Gazette route answers; anything else gets 405 with this `Allow`. */
export const ALLOWED_METHODS = 'GET, HEAD';

/** Options of {@link sendSnapshotEntry}. */
export interface SendOptions {
  /** `Cache-Control` value of every snapshot response (config.cacheControl). */
  readonly cacheControl: string;
}

/** What a path resolves to in a snapshot: an entry, a redirect to its slash form, or nothing. */
export type Lookup =
  | { readonly kind: 'entry'; readonly entry: SnapshotEntry }
  | { readonly kind: 'redirect'; readonly location: string }
  | { readonly kind: 'moved'; readonly to: string }
  | { readonly kind: 'missing' };

/** Finds the entry for a raw (still percent-encoded) request path by exact lookup in the snapshot. */
export function lookupPath(snapshot: FeedSnapshot, rawPath: string): Lookup {
  const path = decodePath(rawPath);
  if (path === undefined) return { kind: 'missing' };
  const entry = snapshot.entries.get(path);
  if (entry) return { kind: 'entry', entry };
  // `/articles/x` → `/articles/x/`: a relative Location (RFC 9110 §10.2.2) keeps any mount path in front.
  if (!path.endsWith('/') && snapshot.entries.has(`${path}/`)) {
    const last = path.slice(path.lastIndexOf('/') + 1);
    return { kind: 'redirect', location: `./${encodeURIComponent(last)}/` };
  }
  // A page that moved (its article was retitled): the ledger remembers where it went.
  const to = snapshot.redirects?.get(path) ?? (path.endsWith('/') ? undefined : snapshot.redirects?.get(`${path}/`));
  if (to !== undefined) return { kind: 'moved', to };
  return { kind: 'missing' };
}

/** Writes one snapshot entry: negotiated encoding, validators, 304 when fresh, no body for HEAD. */
export function sendSnapshotEntry(
  req: IncomingMessage,
  res: ServerResponse,
  entry: SnapshotEntry,
  options: SendOptions,
): void {
  const encoding = negotiateEncoding(req.headers['accept-encoding']);
  res.setHeader('Vary', 'Accept-Encoding');
  res.setHeader('Cache-Control', options.cacheControl);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (isFeedType(entry.contentType)) res.setHeader('Access-Control-Allow-Origin', '*');
  else if (entry.contentType.startsWith('text/html')) setPageHeaders(res);
  if (encoding === undefined) {
    // RFC 9110 §12.5.3: the client refused every coding we have, identity included.
    sendText(res, 406, 'Not Acceptable: this resource is available as br, gzip or identity.\n', req.method === 'HEAD');
    return;
  }
  const etag = entry.etags[encoding];
  res.setHeader('ETag', etag);
  res.setHeader('Last-Modified', entry.lastModified.toUTCString());

  if (isNotModified({ method: req.method ?? 'GET', headers: req.headers }, { etag, lastModified: entry.lastModified })) {
    // RFC 9110 §15.4.5: a 304 carries the validators and caching headers, never a body or Content-Type.
    res.statusCode = 304;
    res.end();
    return;
  }

  const body = entry[encoding];
  res.statusCode = 200;
  res.setHeader('Content-Type', entry.contentType);
  if (encoding !== 'identity') res.setHeader('Content-Encoding', encoding);
  res.setHeader('Content-Length', String(body.length));
  if (req.method === 'HEAD') res.end();
  else res.end(body);
}

/** A short plain-text answer (404, 405, 406, 503) that caches must not keep as a feed. */
export function sendText(res: ServerResponse, status: number, text: string, headOnly = false): void {
  const body = Buffer.from(text, 'utf8');
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Length', String(body.length));
  if (headOnly) res.end();
  else res.end(body);
}

/**
 * What an HTML page may do: nothing but show text, its own inline style and images (an article's lead image may
 * live on any http(s) host). No script of any origin runs, no page may frame it, and links leak no path.
 */
export const PAGE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy':
    "default-src 'none'; img-src http: https: data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
};

// --- internal ---

function setPageHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(PAGE_SECURITY_HEADERS)) res.setHeader(name, value);
}

/** Percent-decodes a path; undefined for malformed escapes, NUL, backslashes or dot segments. */
function decodePath(rawPath: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return undefined;
  }
  // Lookup is exact, so nothing can reach a file; these are refused anyway so that no odd
  // spelling ever aliases a real route (RFC 3986 §6.2.2.3 leaves dot segments to the server).
  if (!path.startsWith('/') || path.includes('\0') || path.includes('\\')) return undefined;
  if (path.split('/').some((segment) => segment === '.' || segment === '..')) return undefined;
  return path;
}

function isFeedType(contentType: string): boolean {
  return /^application\/(rss\+xml|atom\+xml|feed\+json|json|xml)\b/i.test(contentType);
}
