// publish: rendered documents → FeedSnapshot, each body encoded (identity, gzip, br) and tagged once per build.
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { floorToSecond } from '../_lib/floor-to-second.ts';
import type { RenderedDocument } from '../render/render-site.ts';
import type { FeedSnapshot, SnapshotEntry } from './feed-snapshot.ts';

export type { RenderedDocument };

/** Facts about the whole build that the snapshot carries for /healthz. */
export interface SnapshotInfo {
  /** Number of published articles. */
  readonly articleCount: number;
  /** Newest article's `updated`. */
  readonly updated: Date;
}

/** Options of {@link createSnapshot}. */
export interface SnapshotOptions {
  /** Encodes one document; default {@link encodeDocument}. A live site passes its build cache's, which reuses unchanged entries. */
  readonly encode?: (doc: RenderedDocument) => SnapshotEntry;
}

/** Brotli quality 5: ≈5 ms for a 300 KB feed, where 11 costs ≈600 ms (measured on a 2-core build machine). */
export const BROTLI_QUALITY = 5;
/** gzip level 6 (zlib's default): on feeds, level 9 gives the same size or a few bytes less, at more cost. */
export const GZIP_LEVEL = 6;
/**
 * At these levels a body this small is compressed at once where the async forms would be used: through libuv's pool
 * the two encodings cost more CPU than the work (a 4 KB feed: ≈ 0.08 ms at once, ≈ 0.22 ms through the pool; 31 KB:
 * 0.31 against 0.58, measured on a 2-core machine).
 */
export const SMALL_BODY_BYTES = 16 * 1024;

/** Encodes every document once (identity, gzip, brotli) with a strong ETag per encoding. */
export function createSnapshot(documents: readonly RenderedDocument[], info: SnapshotInfo, options: SnapshotOptions = {}): FeedSnapshot {
  if (!Array.isArray(documents)) throw new TypeError('documents must be an array of RenderedDocument');
  if (!info || !isValidDate(info.updated)) throw new TypeError('info.updated must be a valid Date');
  const encode = options.encode ?? encodeDocument;
  if (typeof encode !== 'function') throw new TypeError('options.encode must be a function');
  const entries = new Map<string, SnapshotEntry>();
  for (const doc of documents) {
    if (typeof doc.path !== 'string' || !doc.path.startsWith('/')) {
      throw new TypeError(`document path must start with "/", got ${JSON.stringify(doc.path)}`);
    }
    if (entries.has(doc.path)) throw new TypeError(`two documents share the path ${doc.path}`);
    entries.set(doc.path, encode(doc));
  }
  return { entries, articleCount: info.articleCount, updated: floorToSecond(info.updated) };
}

/** Encodes one document: the three bodies, their ETags and a whole-second Last-Modified, all computed now. */
export function encodeDocument(doc: RenderedDocument): SnapshotEntry {
  const entry = createLazyEntry(doc);
  // Touch every lazy part: a snapshot entry built this way does no work at request time.
  void entry.gzip;
  void entry.br;
  void entry.etags;
  return entry;
}

/** The parts of an entry already computed elsewhere (a rebuild worker): reused as they are. */
export interface EncodedParts {
  readonly path: string;
  readonly contentType: string;
  readonly identity: Buffer;
  readonly lastModified: Date;
  readonly hash?: string;
  readonly gzip?: Buffer;
  readonly br?: Buffer;
  /**
   * The gzip and brotli bodies of `identity`, still being made (undefined if they never come: then made on use). Until
   * it settles the entry says `encodingsReady: false`, so that no other encoding is served in their place.
   */
  readonly encodings?: Promise<PendingEncodings | undefined>;
}

/** The compressed bodies of one identity, made elsewhere (a rebuild worker's libuv pool). */
export interface PendingEncodings {
  readonly gzip: Buffer;
  readonly br: Buffer;
}

/**
 * An entry whose gzip and brotli bodies (and ETags) are computed on first use and then kept: a live site
 * encodes its feeds up front and each HTML page once, on its first request in that encoding.
 */
export function createLazyEntry(doc: RenderedDocument | EncodedParts): SnapshotEntry {
  if (!isValidDate(doc.lastModified)) throw new TypeError(`lastModified of ${doc.path} must be a valid Date`);
  const identity = 'identity' in doc ? doc.identity : Buffer.from(doc.body, 'utf8');
  let hash = 'identity' in doc ? doc.hash : undefined;
  let gzip = 'identity' in doc ? doc.gzip : undefined;
  let br = 'identity' in doc ? doc.br : undefined;
  let etags: SnapshotEntry['etags'] | undefined;
  const pending = 'identity' in doc ? doc.encodings : undefined;
  let ready = pending === undefined;
  // Attached to this entry, which holds these very identity bytes: a .gz/.br can never be paired with other bytes.
  const settled = pending?.then(
    (made) => {
      gzip ??= made?.gzip;
      br ??= made?.br;
      ready = true;
    },
    () => {
      ready = true;
    },
  );
  return {
    path: doc.path,
    contentType: doc.contentType,
    identity,
    lastModified: floorToSecond(doc.lastModified),
    get encodingsReady() {
      return ready;
    },
    ...(settled ? { encodingsSettled: settled } : {}),
    get gzip() {
      return (gzip ??= gzipBody(identity));
    },
    get br() {
      return (br ??= brotliBody(identity));
    },
    get etags() {
      hash ??= hashBody(identity);
      // RFC 9110 §8.8.3: each content-coding is a different representation, so each needs its own strong ETag.
      return (etags ??= { identity: `"${hash}"`, gzip: `"${hash}-gz"`, br: `"${hash}-br"` });
    },
  };
}

/** Node's gzip header is fixed (MTIME 0, OS 3; RFC 1952 §2.3), so the same body always gives the same bytes. */
export function gzipBody(identity: Buffer): Buffer {
  return gzipSync(identity, { level: GZIP_LEVEL });
}

export function brotliBody(identity: Buffer): Buffer {
  return brotliCompressSync(identity, { params: brotliParams(identity.length) });
}

/** Brotli parameters of every Gazette body (also used by the static writer, so both give the same bytes). */
export function brotliParams(size: number): Record<number, number> {
  return {
    [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    [constants.BROTLI_PARAM_SIZE_HINT]: size,
  };
}

/** The ETag base of a body: 27 characters of base64url SHA-256 (160 bits). */
export function hashBody(identity: Buffer): string {
  return createHash('sha256').update(identity).digest('base64url').slice(0, 27);
}

// --- internal ---

function isValidDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}
