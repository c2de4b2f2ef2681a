// publish: the bytes of a static file's `.gz`/`.br` (the same as `gazette serve` sends) and the hashes of the manifest.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { promisify } from 'node:util';
import { brotliCompress, gzip } from 'node:zlib';
import { BROTLI_QUALITY, brotliParams, GZIP_LEVEL } from './snapshot.ts';

/**
 * How `.gz`/`.br` are made: the parameters and the library versions. A previous output's compressed files are
 * reused only when this matches, so an upgrade that changes the bytes `gazette serve` sends recompresses them.
 */
export const COMPRESSION_ID = `gzip ${GZIP_LEVEL}, brotli ${BROTLI_QUALITY} text; zlib ${process.versions.zlib}, brotli ${process.versions.brotli}`;

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

// Same parameters as snapshot.ts, so a `.gz`/`.br` on disk has the bytes `gazette serve` sends (and its ETag).
// The async forms run on libuv's thread pool: both cores compress while the main thread renders.

/** gzip level 9; Node's header is fixed (MTIME 0, OS 3), so equal input gives equal bytes. */
export function compressGzip(identity: Buffer): Promise<Buffer> {
  return gzipAsync(identity, { level: GZIP_LEVEL });
}

/** Brotli quality 5, text mode, with the size hint, as snapshot.ts. */
export function compressBrotli(identity: Buffer): Promise<Buffer> {
  return brotliAsync(identity, { params: brotliParams(identity.length) });
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
