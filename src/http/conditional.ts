// http: conditional GET — request headers + the selected representation's validators → "send 304?".
// Same rules as jshttp/fresh, written out because our ETags are precomputed per encoding.

/** The validators of the representation the server would send. */
export interface Validators {
  /** Quoted strong ETag of the selected encoding, e.g. `"abc-gz"`. */
  readonly etag: string;
  /** Last-Modified, already rounded down to whole seconds. */
  readonly lastModified: Date;
}

/** The request facts the decision needs (lower-case header names, as Node gives them). */
export interface ConditionalRequest {
  readonly method: string;
  readonly headers: {
    readonly 'if-none-match'?: string | undefined;
    readonly 'if-modified-since'?: string | undefined;
    readonly 'cache-control'?: string | undefined;
  };
}

/** True when the client's cached copy is current and a 304 Not Modified should be sent. */
export function isNotModified(request: ConditionalRequest, validators: Validators): boolean {
  if (!request || typeof request.method !== 'string' || !request.headers) {
    throw new TypeError('request must have a method and headers');
  }
  if (!validators || typeof validators.etag !== 'string' || !(validators.lastModified instanceof Date)) {
    throw new TypeError('validators must have an etag string and a lastModified Date');
  }
  const method = request.method.toUpperCase();
  // RFC 9110 §13.1.2 / §13.1.3: a 304 only makes sense for GET and HEAD.
  if (method !== 'GET' && method !== 'HEAD') return false;

  const inm = request.headers['if-none-match'];
  const ims = request.headers['if-modified-since'];
  if (inm === undefined && ims === undefined) return false;

  // Like jshttp/fresh: an end-to-end reload (`Cache-Control: no-cache`) always gets the full body.
  const cacheControl = request.headers['cache-control'];
  if (cacheControl !== undefined && /(?:^|,)\s*no-cache\s*(?:,|$)/i.test(cacheControl)) return false;

  // RFC 9110 §13.2.2 step 3/4: If-None-Match, when present, is evaluated and If-Modified-Since ignored.
  if (inm !== undefined) return matchesIfNoneMatch(inm, validators.etag);
  return isUnmodifiedSince(ims as string, validators.lastModified);
}

// --- internal ---

/** RFC 9110 §13.1.2: `*` matches any current representation; otherwise weak comparison against a list. */
function matchesIfNoneMatch(header: string, etag: string): boolean {
  const trimmed = header.trim();
  if (trimmed === '*') return true;
  const own = opaqueTag(etag);
  for (const tag of parseEntityTags(trimmed)) {
    // §8.8.3.2: weak comparison ignores the W/ prefix on either side.
    if (opaqueTag(tag) === own) return true;
  }
  return false;
}

/** RFC 9110 §13.1.3: not modified when Last-Modified is at or before the given date (second precision). */
function isUnmodifiedSince(header: string, lastModified: Date): boolean {
  const since = parseHttpDate(header);
  if (since === undefined) return false; // an invalid date is ignored (§13.1.3)
  return Math.floor(lastModified.getTime() / 1000) <= Math.floor(since / 1000);
}

/** Splits `"a", W/"b",  "c,d"` into entity tags, honouring commas inside quotes. */
function parseEntityTags(header: string): string[] {
  return [...header.matchAll(/(?:W\/)?"[^"]*"|[^,\s]+/g)].map((m) => m[0]);
}

function opaqueTag(tag: string): string {
  return tag.startsWith('W/') ? tag.slice(2) : tag;
}

/** HTTP-date (IMF-fixdate, or the obsolete RFC 850 / asctime forms Date.parse also reads) → ms, or undefined. */
function parseHttpDate(value: string): number | undefined {
  const trimmed = value.trim();
  // §5.6.7 dates always name the zone GMT (or are asctime); reject bare numbers Date.parse would guess at.
  if (!/[a-z]/i.test(trimmed)) return undefined;
  const ms = Date.parse(trimmed);
  return Number.isNaN(ms) ? undefined : ms;
}
