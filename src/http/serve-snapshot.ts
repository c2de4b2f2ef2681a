// http: one request + the current FeedSnapshot → a response from precomputed bytes (never a file; a pending page is
// rendered by its snapshot's owner once, on its first request).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FeedSnapshot, PendingPage, SnapshotEntry } from '../publish/feed-snapshot.ts';
import { isNotModified } from './conditional.ts';
import { type Encoding, negotiateEncoding } from './negotiate-encoding.ts';
import { isFeedContentType, isFeedFormatType } from '../_lib/feed-formats.ts';
import type { RateLimiter } from './rate-limit.ts';

/** Methods every Gazette route answers; anything else gets 405 with this `Allow`. */
export const ALLOWED_METHODS = 'GET, HEAD';

/** Options of {@link sendSnapshotEntry}. */
export interface SendOptions {
  /** `Cache-Control` value of every snapshot response (config.cacheControl). */
  readonly cacheControl: string;
  /** WebSub hubs (config.hub): feed responses name them and their own URL in `Link` (W3C WebSub §4). */
  readonly hubs?: readonly string[];
  /** Public URL of the snapshot's root (siteUrl plus any mount path), before an entry's path: the `rel="self"`. */
  readonly selfBase?: string;
  /** The opt-in limit on full feed downloads (config.rateLimit). */
  readonly rateLimiter?: RateLimiter;
}

/** What a path resolves to in a snapshot: an entry, a page still to render, a redirect to its slash form, or nothing. */
export type Lookup =
  | { readonly kind: 'entry'; readonly entry: SnapshotEntry }
  | { readonly kind: 'pending'; readonly page: PendingPage }
  | { readonly kind: 'redirect'; readonly location: string }
  | { readonly kind: 'moved'; readonly to: string }
  | { readonly kind: 'missing' };

/** Finds the entry for a raw (still percent-encoded) request path by exact lookup in the snapshot. */
export function lookupPath(snapshot: FeedSnapshot, rawPath: string): Lookup {
  const path = decodePath(rawPath);
  if (path === undefined) return { kind: 'missing' };
  const entry = snapshot.entries.get(path);
  if (entry) return { kind: 'entry', entry };
  const page = snapshot.pages?.get(path);
  if (page) return { kind: 'pending', page };
  // `/articles/x` → `/articles/x/`: a relative Location (RFC 9110 §10.2.2) keeps any mount path in front.
  if (!path.endsWith('/') && (snapshot.entries.has(`${path}/`) || snapshot.pages?.has(`${path}/`) === true)) {
    const last = path.slice(path.lastIndexOf('/') + 1);
    return { kind: 'redirect', location: `./${encodeURIComponent(last)}/` };
  }
  // A page that moved (its article was retitled): the ledger remembers where it went.
  const to = snapshot.redirects?.get(path) ?? (path.endsWith('/') ? undefined : snapshot.redirects?.get(`${path}/`));
  if (to !== undefined) return { kind: 'moved', to };
  return { kind: 'missing' };
}

/** Writes one snapshot entry: negotiated encoding, validators, 304 when fresh, no body for HEAD. */
export function sendSnapshotEntry(req: IncomingMessage, res: ServerResponse, entry: SnapshotEntry, options: SendOptions): void {
  const accept = req.headers['accept-encoding'];
  // While a live rebuild's .gz/.br of these bytes are being made, identity (never compressing here, on the serving
  // thread); only a client that refuses identity gets them made now.
  const encoding = (entry.encodingsReady === false ? negotiateEncoding(accept, IDENTITY_ONLY) : undefined) ?? negotiateEncoding(accept);
  if (encoding === undefined) {
    const headers = preparedHeaders(entry, 'identity', options);
    for (const [name, value] of Object.entries(headers.common)) res.setHeader(name, value);
    // RFC 9110 §12.5.3: the client refused every coding we have, identity included.
    sendText(res, 406, 'Not Acceptable: this resource is available as br, gzip or identity.\n', req.method === 'HEAD');
    return;
  }
  // The headers of each entry, encoding and Cache-Control are made once and sent in one writeHead call.
  const headers = preparedHeaders(entry, encoding, options);
  if (isNotModified({ method: req.method ?? 'GET', headers: req.headers }, { etag: headers.etag, lastModified: entry.lastModified })) {
    // RFC 9110 §15.4.5: a 304 carries the validators and caching headers, never a body or Content-Type.
    res.writeHead(304, headers.notModified);
    res.end();
    return;
  }
  // Only a full download of a feed counts; a 304 above never does, and HEAD sends no body.
  const retryAfter = options.rateLimiter && req.method === 'GET' && headers.topic ? options.rateLimiter.takeFull(req, entry.path) : undefined;
  if (retryAfter !== undefined) {
    res.setHeader('Retry-After', String(retryAfter));
    sendText(res, 429, `Too Many Requests: this feed was downloaded in full too often; send If-None-Match, or retry in ${retryAfter} s.\n`);
    return;
  }
  res.writeHead(200, headers.ok);
  if (req.method === 'HEAD') res.end();
  else res.end(entry[encoding]);
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

const IDENTITY_ONLY: readonly Encoding[] = ['identity'];

interface PreparedHeaders {
  readonly etag: string;
  /** A feed: advertises the hubs, and counts towards the rate limit. */
  readonly topic: boolean;
  /** What every answer for the entry carries (also a 406). */
  readonly common: Readonly<Record<string, string>>;
  readonly notModified: Readonly<Record<string, string>>;
  readonly ok: Readonly<Record<string, string>>;
}

/**
 * Per entry, per Cache-Control value (one per router), per self base (one per mount path), per encoding: no string
 * is built per request.
 */
const PREPARED = new WeakMap<SnapshotEntry, Map<string, Map<string, Partial<Record<Encoding, PreparedHeaders>>>>>();

function preparedHeaders(entry: SnapshotEntry, encoding: Encoding, options: SendOptions): PreparedHeaders {
  const { cacheControl, hubs = [], selfBase = '' } = options;
  let byCacheControl = PREPARED.get(entry);
  if (byCacheControl === undefined) {
    byCacheControl = new Map();
    PREPARED.set(entry, byCacheControl);
  }
  let bySelf = byCacheControl.get(cacheControl);
  if (bySelf === undefined) {
    bySelf = new Map();
    byCacheControl.set(cacheControl, bySelf);
  }
  let byEncoding = bySelf.get(selfBase);
  if (byEncoding === undefined) {
    byEncoding = {};
    bySelf.set(selfBase, byEncoding);
  }
  let prepared = byEncoding[encoding];
  if (prepared === undefined) {
    const topic = isFeedFormatType(entry.contentType);
    // W3C WebSub §4: the hubs and the topic URL, also in Link headers, so a subscriber need not parse the feed.
    const link = topic && hubs.length > 0 && selfBase !== '' ? webSubLinks(hubs, `${selfBase}${entry.path}`) : undefined;
    const common: Record<string, string> = {
      Vary: 'Accept-Encoding',
      'Cache-Control': cacheControl,
      'X-Content-Type-Options': 'nosniff',
      ...(isFeedContentType(entry.contentType) ? { 'Access-Control-Allow-Origin': '*' } : {}),
      ...(entry.contentType.startsWith('text/html') ? PAGE_SECURITY_HEADERS : {}),
      ...(link === undefined ? {} : { Link: link }),
    };
    const etag = entry.etags[encoding];
    const notModified = { ...common, ETag: etag, 'Last-Modified': entry.lastModified.toUTCString() };
    const ok = {
      ...notModified,
      'Content-Type': entry.contentType,
      ...(encoding === 'identity' ? {} : { 'Content-Encoding': encoding }),
      'Content-Length': String(entry[encoding].length),
    };
    prepared = { etag, topic, common, notModified, ok };
    byEncoding[encoding] = prepared;
  }
  return prepared;
}

/** `Link: <hub>; rel="hub", …, <self>; rel="self"` (RFC 8288 §3; URLs with `<`, `>` or spaces never get here). */
export function webSubLinks(hubs: readonly string[], self: string): string {
  return [...hubs.map((hub) => `<${hub}>; rel="hub"`), `<${self}>; rel="self"`].join(', ');
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
