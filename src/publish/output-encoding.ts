// publish: the bytes of a static file's `.gz`/`.br` (the same as `gazette serve` sends) and the hashes of the manifest.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { BROTLI_QUALITY, brotliBody, brotliParams, GZIP_LEVEL, gzipBody, SMALL_BODY_BYTES } from './snapshot.ts';

/**
 * How hard `.gz`/`.br` are compressed: `standard` (gzip 6, brotli 5) gives the bytes `gazette serve` sends, in
 * milliseconds a feed; `best` (gzip 9, brotli 11, `gazette build --best`) a few percent smaller for a static host,
 * at ≈ 100× the brotli time (≈ 0.4 s for a 300 KB feed on a 2-core machine).
 */
export type CompressionLevel = 'standard' | 'best';

/** gzip 9 and brotli 11: the most each format does (RFC 1952 levels 1–9; brotli qualities 0–11). */
const BEST = { gzip: 9, brotli: constants.BROTLI_MAX_QUALITY } as const;

/**
 * How `.gz`/`.br` are made: the parameters and the library versions. A previous output's compressed files are
 * reused only when this matches, so an upgrade (or another level) that changes the bytes recompresses them.
 */
export function compressionId(level: CompressionLevel = 'standard'): string {
  const [gz, br] = level === 'best' ? [BEST.gzip, BEST.brotli] : [GZIP_LEVEL, BROTLI_QUALITY];
  return `gzip ${gz}, brotli ${br} text; zlib ${process.versions.zlib}, brotli ${process.versions.brotli}`;
}

/** {@link compressionId} of the standard level. */
export const COMPRESSION_ID = compressionId();

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

// Same parameters as snapshot.ts, so a `.gz`/`.br` on disk has the bytes `gazette serve` sends (and its ETag).
// The async forms run on libuv's thread pool: both cores compress while the main thread renders. A small body at the
// standard level is compressed at once, which costs less than the trip through the pool (snapshot.ts, SMALL_BODY_BYTES).

/** gzip level 6 (9 at `best`); Node's header is fixed (MTIME 0, OS 3), so equal input gives equal bytes. */
export async function compressGzip(identity: Buffer, level: CompressionLevel = 'standard'): Promise<Buffer> {
  if (level === 'standard' && identity.length <= SMALL_BODY_BYTES) return gzipBody(identity);
  return gzipAsync(identity, { level: level === 'best' ? BEST.gzip : GZIP_LEVEL });
}

/** Brotli quality 5 (11 at `best`), text mode, with the size hint, as snapshot.ts. */
export async function compressBrotli(identity: Buffer, level: CompressionLevel = 'standard'): Promise<Buffer> {
  if (level === 'standard' && identity.length <= SMALL_BODY_BYTES) return brotliBody(identity);
  const params = brotliParams(identity.length);
  return brotliAsync(identity, { params: level === 'best' ? { ...params, [constants.BROTLI_PARAM_QUALITY]: BEST.brotli } : params });
}

/** sha256 of bytes, lower-case hex. */
export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** sha256 of a file, read as a stream (a static asset may be large). */
export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
