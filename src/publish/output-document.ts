// publish: one document of the static output — its URL path as a file name, and its file with the `.gz`/`.br` beside
// it, each taken from the previous output when its bytes did not change (then nothing is compressed).
import { compressBrotli, compressGzip, sha256, type CompressionLevel } from './output-encoding.ts';
import { isSourceKey, toManifestTime, type ManifestEntry } from './output-manifest.ts';
import type { OutputTreeWriter } from './output-tree.ts';
import { isFeedFileName } from '../_lib/feed-formats.ts';

/** One document to write. */
export interface OutputDocument {
  /** URL path: `/feed.xml`, `/articles/x/` (→ `articles/x/index.html`). */
  readonly path: string;
  /** The bytes (a string is written as UTF-8). */
  readonly body: string | Buffer;
  /** Becomes the file's mtime (whole seconds), so a server's Last-Modified matches `gazette serve`. */
  readonly lastModified: Date;
  /** Also write `.gz` and `.br` (gzip 6 and brotli 5, the same bytes `gazette serve` sends, unless `compression: 'best'`). */
  readonly compress: boolean;
  /** What the bytes are made from (see `StaticOutput.reuseSource`); letters, digits, `-` and `_`. */
  readonly source?: string;
}

/** How the documents' `.gz`/`.br` are made, and how the previous output's were. */
export interface DocumentEncoding {
  /** The previous output's files, by name. */
  readonly previous: ReadonlyMap<string, ManifestEntry>;
  /** The previous output's compression id (output-encoding.ts `compressionId`), when known. */
  readonly previousCompression: string | undefined;
  readonly compression: CompressionLevel;
  /** This build's compression id. */
  readonly compressionKey: string;
}

/**
 * Writes `doc` as output `name` in `tree` (with `.gz` and `.br` when it asks for them), reusing what the previous
 * output holds of it. Adds `name` to `changedFeeds` when it is a feed whose bytes changed.
 */
export async function writeDocument(
  tree: OutputTreeWriter,
  name: string,
  doc: OutputDocument,
  encoding: DocumentEncoding,
  changedFeeds: Set<string>,
): Promise<void> {
  const { previous, compression } = encoding;
  const identity = typeof doc.body === 'string' ? Buffer.from(doc.body, 'utf8') : doc.body;
  const mtime = toManifestTime(doc.lastModified);
  const entry: ManifestEntry = { sha256: sha256(identity), size: identity.length, mtime, ...(doc.source === undefined ? {} : { source: doc.source }) };
  if (!(await tree.reuse(name, entry))) await tree.write(name, identity, entry);
  if (isFeedFileName(name) && previous.get(name)?.sha256 !== entry.sha256) changedFeeds.add(name);
  if (!doc.compress) return;
  // Same identity bytes and same parameters give the same compressed bytes: reuse them, compress nothing.
  const sameIdentity = previous.get(name)?.sha256 === entry.sha256 && encoding.previousCompression === encoding.compressionKey;
  const encodings = await Promise.all(
    (['gz', 'br'] as const).map(async (ext) => {
      const before = previous.get(`${name}.${ext}`);
      if (sameIdentity && before && (await tree.reuse(`${name}.${ext}`, { ...before, mtime }))) return undefined;
      return { ext, bytes: await (ext === 'gz' ? compressGzip(identity, compression) : compressBrotli(identity, compression)) };
    }),
  );
  for (const encoded of encodings) {
    if (!encoded) continue;
    const { ext, bytes } = encoded;
    await tree.write(`${name}.${ext}`, bytes, { sha256: sha256(bytes), size: bytes.length, mtime });
  }
}

/** The URL path as an output name relative with `/`; refuses anything that could leave the folder. */
export function toOutputName(urlPath: string): string {
  if (typeof urlPath !== 'string' || !urlPath.startsWith('/')) {
    throw new TypeError(`path must start with "/", got ${JSON.stringify(urlPath)}`);
  }
  const relative = urlPath.endsWith('/') ? `${urlPath.slice(1)}index.html` : urlPath.slice(1);
  // Document paths come from slugs, but a static writer must never be talked into leaving outDir.
  if (relative.split('/').some((s) => s === '' || s === '..' || s === '.' || s.includes('\\') || s.includes('\0'))) {
    throw new TypeError(`unsafe path ${JSON.stringify(urlPath)}`);
  }
  return relative;
}

/** Throws a TypeError naming the field of `doc` that is not what {@link OutputDocument} says. */
export function checkDocument(doc: OutputDocument): void {
  if (!doc || typeof doc !== 'object') throw new TypeError('doc must be an OutputDocument');
  if (typeof doc.body !== 'string' && !Buffer.isBuffer(doc.body)) throw new TypeError(`body of ${doc.path} must be a string or a Buffer`);
  if (!(doc.lastModified instanceof Date) || Number.isNaN(doc.lastModified.getTime())) {
    throw new TypeError(`lastModified of ${doc.path} must be a valid Date`);
  }
  if (typeof doc.compress !== 'boolean') throw new TypeError(`compress of ${doc.path} must be a boolean`);
  if (doc.source !== undefined && !isSourceKey(doc.source)) throw new TypeError(`source of ${doc.path} must be 1–128 of [A-Za-z0-9_-]`);
}
