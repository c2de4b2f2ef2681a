// publish: rendered documents → a static tree on disk (same paths as the routes), streamed, incremental, swapped in atomically.
import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import type { FeedSnapshot } from './feed-snapshot.ts';
import { compressBrotli, compressGzip, compressionId, sha256, sha256OfFile, type CompressionLevel } from './output-encoding.ts';
import { OutputError, showPath, toOutputError } from './output-error.ts';
import { checkOutDir, inspectOutDir, recoverInterruptedSwap, swapIn } from './output-folder.ts';
import { lockOutputFolder } from './output-lock.ts';
import { MANIFEST_NAME, isSourceKey, serializeManifest, toManifestTime, type ManifestEntry } from './output-manifest.ts';
import { listPublicFiles, type PublicFile } from './public-files.ts';
import { canWriteInPlace, planInPlace, writeInPlace } from './output-in-place.ts';
import { createWritePool } from './write-pool.ts';
import { isFeedContentType, isFeedFileName } from '../_lib/feed-formats.ts';

export { OutputError, isOutputError } from './output-error.ts';
export { recoverInterruptedSwap } from './output-folder.ts';

/** Options of {@link openStaticOutput} and {@link writeStaticSite}. */
export interface StaticOutputOptions {
  /** Items folder; an outDir equal to it or containing it is refused so a build never deletes records. */
  readonly itemsDir?: string;
  /** Static-assets folder copied in as it is (dotfiles and links leaving it skipped with a note); default none. */
  readonly publicDir?: string;
  /** Replace an output that holds files a previous build did not write (they are deleted). */
  readonly clean?: boolean;
  /** Replace an existing outDir that is not a previous Gazette output at all. */
  readonly force?: boolean;
  /** Most files being written at once, and so most documents held in memory; default {@link DEFAULT_CONCURRENCY}. */
  readonly concurrency?: number;
  /**
   * Another build writing the same outDir (its lock file `<outDir>.lock`): wait for it (default true), or false to
   * fail at once with an {@link OutputError} naming its pid.
   */
  readonly wait?: boolean;
  /** Called once when another live build holds the outDir and this one starts waiting. */
  readonly onWait?: (pid: number) => void;
  /**
   * `standard` (default: gzip 6, brotli 5, the bytes `gazette serve` sends) or `best` (gzip 9, brotli 11: smaller
   * files, ≈ 100× the brotli time; `gazette build --best`).
   */
  readonly compression?: CompressionLevel;
  /** Replaces the file operations that write (tests count open files or inject ENOSPC); default node:fs/promises. */
  readonly fileSystem?: Partial<OutputFileSystem>;
}

/** The file operations the writer performs inside its temporary folder. */
export interface OutputFileSystem {
  writeFile(file: string, data: Buffer): Promise<void>;
  copyFile(source: string, destination: string): Promise<void>;
  link(existing: string, newPath: string): Promise<void>;
  mkdir(dir: string, options: { recursive: true }): Promise<unknown>;
  utimes(file: string, atime: Date, mtime: Date): Promise<void>;
}

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
  /** What the bytes are made from (see {@link StaticOutput.reuseSource}); letters, digits, `-` and `_`. */
  readonly source?: string;
}

/** An output being written; nothing is visible at `outDir` before {@link StaticOutput.commit}. */
export interface StaticOutput {
  /**
   * Resolves once the document is accepted; waits while `concurrency` writes are in flight (backpressure).
   * After a failed write every later call rejects with that error: stop rendering and call {@link abort}.
   */
  write(doc: OutputDocument): Promise<void>;
  /**
   * Takes the document at `path` from the previous output, without its bytes being produced, when the previous
   * build wrote it from the same `source` with the same `lastModified` and the file is intact. False: produce it
   * and {@link write} it (with that `source`). For uncompressed documents (pages).
   */
  reuseSource(path: string, source: string, lastModified: Date): Promise<boolean>;
  /** Waits for the writes, copies the static assets, writes the manifest and swaps the new tree in. */
  commit(): Promise<StaticWriteReport>;
  /** Drops everything written so far; the previous output stays as it was. */
  abort(): Promise<void>;
}

/** What a commit did. */
export interface StaticWriteReport {
  /** Every file of the new output, relative with `/`, sorted (the manifest excluded). */
  readonly files: readonly string[];
  /** Files whose bytes were produced by this build. */
  readonly written: number;
  /** Files whose bytes were taken from the previous output (hard link, or copy) without being produced again. */
  readonly unchanged: number;
  /** Things of the static-assets folder that were skipped, one sentence each. */
  readonly notes: readonly string[];
}

/** Default {@link StaticOutputOptions.concurrency}: enough to keep the disk and the zlib thread pool busy. */
export const DEFAULT_CONCURRENCY = 32;

/**
 * Opens a new output for `outDir`: refuses an unsafe folder, recovers an interrupted swap, reads the previous
 * manifest, and creates the temporary sibling every file goes to. Files whose bytes did not change since the
 * previous build are hard-linked from it (copied where links fail), `.gz`/`.br` included, with no compression.
 */
export async function openStaticOutput(outDir: string, options: StaticOutputOptions = {}): Promise<StaticOutput> {
  const limit = options.concurrency ?? DEFAULT_CONCURRENCY;
  const pool = createWritePool(limit); // checks the limit before anything touches the disk
  const out = checkOutDir(outDir, options);
  const fs: OutputFileSystem = { ...REAL_FS, ...options.fileSystem };
  const compression = options.compression ?? 'standard';
  const compressionKey = compressionId(compression);
  // One build at a time per folder: from here until commit or abort, nothing else swaps trees at `out`.
  const lock = await lockOutputFolder(out, {
    ...(options.wait === undefined ? {} : { wait: options.wait }),
    ...(options.onWait ? { onWait: options.onWait } : {}),
  });
  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const temp = `${out}.tmp-${suffix}`;
  let opened;
  try {
    await recoverInterruptedSwap(out);
    opened = await inspectOutDir(out, options);
    try {
      await fsp.mkdir(path.dirname(out), { recursive: true });
      await fsp.mkdir(temp);
    } catch (error) {
      throw toOutputError(error, path.dirname(out));
    }
  } catch (error) {
    await lock.release();
    throw error;
  }
  const { entries: previous, compression: previousCompression, tree: previousTree } = opened;

  let state: 'open' | 'committing' | 'done' = 'open';
  let journaled = false;
  let written = 0;
  let unchanged = 0;
  const claimed = new Set<string>(); // every output name handed out, so two documents never share a file
  const manifest = new Map<string, ManifestEntry>(); // only names and hashes are kept, never bodies
  const changedFeeds = new Set<string>(); // feeds whose bytes differ from the previous output's: `gazette ping`'s topics
  const kept = new Set<string>(); // files of the previous output taken as they are: linked at commit, or left in place
  const dirs = new Map<string, Promise<unknown>>();

  /** Starts the job producing output `name`; a failure not yet named after a file is named after this one. */
  function submit(name: string, job: () => Promise<void>): Promise<void> {
    return pool.submit(() => job().catch((error: unknown) => Promise.reject(toOutputError(error, path.join(out, name)))));
  }
  function ensureDir(dir: string): Promise<unknown> {
    let made = dirs.get(dir);
    if (!made) dirs.set(dir, (made = fs.mkdir(dir, { recursive: true })));
    return made;
  }
  function record(name: string, entry: ManifestEntry, reused: boolean): void {
    manifest.set(name, entry);
    if (reused) unchanged += 1;
    else written += 1;
  }
  /** Runs the file operations of output `name`, so that a failure names that file. */
  async function onFile<T>(name: string, operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      throw toOutputError(error, path.join(out, name));
    }
  }
  async function writeNew(name: string, bytes: Buffer, entry: ManifestEntry): Promise<void> {
    const target = path.join(temp, name);
    const mtime = new Date(entry.mtime);
    await ensureDir(path.dirname(target));
    await onFile(name, async () => {
      await fs.writeFile(target, bytes);
      await fs.utimes(target, mtime, mtime);
    });
    record(name, entry, false);
  }
  /** Takes `name` from the previous output when it holds exactly `wanted`'s bytes; false when it must be produced. */
  async function reuse(name: string, wanted: ManifestEntry): Promise<boolean> {
    const before = previous.get(name);
    if (!before || before.sha256 !== wanted.sha256 || before.size !== wanted.size) return false;
    const source = path.join(out, name);
    const target = path.join(temp, name);
    // The manifest says what was written; size and mtime say nobody changed it since (else produce it again).
    const stats = await fsp.lstat(source).catch(() => undefined);
    if (!stats?.isFile() || stats.size !== before.size || Math.floor(stats.mtimeMs / 1000) * 1000 !== Date.parse(before.mtime)) {
      return false;
    }
    if (before.mtime === wanted.mtime) {
      // The very file: left in place, or linked into the new tree at commit (see `commit`).
      kept.add(name);
    } else {
      // A hard link shares the inode, mtime included: another mtime is another file, copied.
      await ensureDir(path.dirname(target));
      await onFile(name, async () => {
        await fs.copyFile(source, target);
        const mtime = new Date(wanted.mtime);
        await fs.utimes(target, mtime, mtime);
      });
    }
    record(name, wanted, true);
    return true;
  }

  /** Links a kept file into the new tree (copied where links fail), for a swap. */
  async function linkKept(name: string): Promise<void> {
    const source = path.join(out, name);
    const target = path.join(temp, name);
    await ensureDir(path.dirname(target));
    await onFile(name, async () => {
      const linked = await fs.link(source, target).then(
        () => true,
        (error: unknown) => {
          if (LINK_FALLBACK.has((error as NodeJS.ErrnoException).code ?? '')) return false;
          throw error;
        },
      );
      if (linked) return;
      // A copy has a mtime of its own: the manifest's, as the link would have kept.
      await fs.copyFile(source, target);
      const mtime = new Date(manifest.get(name)?.mtime ?? 0);
      await fs.utimes(target, mtime, mtime);
    });
  }

  async function writeDocument(name: string, doc: OutputDocument): Promise<void> {
    const identity = typeof doc.body === 'string' ? Buffer.from(doc.body, 'utf8') : doc.body;
    const mtime = toManifestTime(doc.lastModified);
    const entry: ManifestEntry = { sha256: sha256(identity), size: identity.length, mtime, ...(doc.source === undefined ? {} : { source: doc.source }) };
    if (!(await reuse(name, entry))) await writeNew(name, identity, entry);
    if (isFeedFileName(name) && previous.get(name)?.sha256 !== entry.sha256) changedFeeds.add(name);
    if (!doc.compress) return;
    // Same identity bytes and same parameters give the same compressed bytes: reuse them, compress nothing.
    const sameIdentity = previous.get(name)?.sha256 === entry.sha256 && previousCompression === compressionKey;
    const encodings = await Promise.all(
      (['gz', 'br'] as const).map(async (ext) => {
        const before = previous.get(`${name}.${ext}`);
        if (sameIdentity && before && (await reuse(`${name}.${ext}`, { ...before, mtime }))) return undefined;
        return { ext, bytes: await (ext === 'gz' ? compressGzip(identity, compression) : compressBrotli(identity, compression)) };
      }),
    );
    for (const encoded of encodings) {
      if (!encoded) continue;
      const { ext, bytes } = encoded;
      await writeNew(`${name}.${ext}`, bytes, { sha256: sha256(bytes), size: bytes.length, mtime });
    }
  }

  async function copyPublic(file: PublicFile): Promise<void> {
    const stats = await fsp.stat(file.source);
    const entry: ManifestEntry = { sha256: await sha256OfFile(file.source), size: stats.size, mtime: toManifestTime(stats.mtime) };
    const target = path.join(temp, file.name);
    if (await reuse(file.name, entry)) return;
    await ensureDir(path.dirname(target));
    const mtime = new Date(entry.mtime);
    await onFile(file.name, async () => {
      await fs.copyFile(file.source, target);
      await fs.utimes(target, mtime, mtime);
    });
    record(file.name, entry, false);
  }

  async function cleanUp(): Promise<void> {
    try {
      await pool.drain();
      await fsp.rm(temp, { recursive: true, force: true });
    } finally {
      await lock.release();
    }
  }

  return {
    async write(doc: OutputDocument): Promise<void> {
      if (state !== 'open') throw new TypeError('write() after commit() or abort()');
      checkDocument(doc);
      const name = toOutputName(doc.path);
      const names = doc.compress ? [name, `${name}.gz`, `${name}.br`] : [name];
      for (const n of names) {
        if (claimed.has(n) || n === MANIFEST_NAME) throw new TypeError(`two documents share the output file ${n} (${doc.path})`);
      }
      for (const n of names) claimed.add(n);
      await submit(name, () => writeDocument(name, doc));
    },

    async reuseSource(docPath: string, source: string, lastModified: Date): Promise<boolean> {
      if (state !== 'open') throw new TypeError('reuseSource() after commit() or abort()');
      if (!isSourceKey(source)) throw new TypeError(`source of ${docPath} must be 1–128 of [A-Za-z0-9_-]`);
      const name = toOutputName(docPath);
      const before = previous.get(name);
      if (before?.source !== source || claimed.has(name)) return false;
      claimed.add(name);
      try {
        if (await reuse(name, { ...before, mtime: toManifestTime(lastModified) })) return true;
      } catch (error) {
        throw toOutputError(error, path.join(out, name));
      } finally {
        if (!manifest.has(name)) claimed.delete(name);
      }
      return false;
    },

    async commit(): Promise<StaticWriteReport> {
      if (state !== 'open') throw new TypeError('commit() after commit() or abort()');
      state = 'committing';
      try {
        await pool.drain();
        if (pool.failure) throw pool.failure;
        const listing = options.publicDir === undefined ? { files: [], notes: [] } : await listPublicFiles(options.publicDir);
        const clashes = listing.files.filter((f) => claimed.has(f.name));
        if (clashes.length > 0) throw publicClash(clashes, options.publicDir ?? '', out);
        for (const file of listing.files) {
          claimed.add(file.name);
          await submit(file.name, () => copyPublic(file));
        }
        await pool.drain();
        if (pool.failure) throw pool.failure;
        const text = serializeManifest(manifest, compressionKey, changedFeeds);
        await fs.writeFile(path.join(temp, MANIFEST_NAME), Buffer.from(text, 'utf8')).catch((error: unknown) => {
          throw toOutputError(error, path.join(out, MANIFEST_NAME));
        });
        // Few files changed: moved into the old tree one by one (output-in-place.ts); else a new tree swapped in.
        const moved = [...manifest.keys()].filter((name) => !kept.has(name));
        const plan = planInPlace(new Set(manifest.keys()), moved, previousTree);
        if (plan && (await canWriteInPlace(out, plan))) {
          // From the journal on, a failure leaves the temporary folder to the next build, which completes the move.
          journaled = true;
          await writeInPlace(temp, out, plan);
          await fsp.rm(temp, { recursive: true, force: true }).catch(() => {});
        } else {
          for (const name of kept) await submit(name, () => linkKept(name));
          await pool.drain();
          if (pool.failure) throw pool.failure;
          await swapIn(temp, out, `${out}.old-${suffix}`, previousTree, limit);
        }
        state = 'done';
        await lock.release();
        return { files: [...manifest.keys()].sort(), written, unchanged, notes: listing.notes };
      } catch (error) {
        state = 'done';
        if (journaled) await lock.release();
        else await cleanUp();
        throw error;
      }
    },

    async abort(): Promise<void> {
      if (state === 'done') return;
      state = 'done';
      await cleanUp();
    },
  };
}

/**
 * Writes every snapshot entry below `outDir`, each feed also as `.gz` and `.br`, through {@link openStaticOutput}:
 * atomically, reusing what did not change since the previous build. Returns what the commit did.
 */
export async function writeStaticSite(snapshot: FeedSnapshot, outDir: string, options: StaticOutputOptions = {}): Promise<StaticWriteReport> {
  if (!snapshot || !(snapshot.entries instanceof Map)) throw new TypeError('snapshot must be a FeedSnapshot');
  const output = await openStaticOutput(outDir, options);
  try {
    for (const entry of snapshot.entries.values()) {
      await output.write({
        path: entry.path,
        body: entry.identity,
        lastModified: entry.lastModified,
        compress: isFeedContentType(entry.contentType),
      });
    }
  } catch (error) {
    await output.abort();
    throw error;
  }
  return output.commit();
}

/** `/` → `index.html`, `/articles/x/` → `articles/x/index.html`, `/feed.xml` → `feed.xml` (native separators). */
export function toFilePath(urlPath: string): string {
  return path.normalize(toOutputName(urlPath));
}

// --- internal ---

const REAL_FS: OutputFileSystem = {
  writeFile: (file, data) => fsp.writeFile(file, data),
  copyFile: (source, destination) => fsp.copyFile(source, destination),
  link: (existing, newPath) => fsp.link(existing, newPath),
  mkdir: (dir, options) => fsp.mkdir(dir, options),
  utimes: (file, atime, mtime) => fsp.utimes(file, atime, mtime),
};

/** Codes after which a hard link is impossible but a copy works (another device, no link support, too many links). */
const LINK_FALLBACK = new Set(['EXDEV', 'EPERM', 'EMLINK', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

/** The URL path as an output name relative with `/`; refuses anything that could leave the folder. */
function toOutputName(urlPath: string): string {
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

function checkDocument(doc: OutputDocument): void {
  if (!doc || typeof doc !== 'object') throw new TypeError('doc must be an OutputDocument');
  if (typeof doc.body !== 'string' && !Buffer.isBuffer(doc.body)) throw new TypeError(`body of ${doc.path} must be a string or a Buffer`);
  if (!(doc.lastModified instanceof Date) || Number.isNaN(doc.lastModified.getTime())) {
    throw new TypeError(`lastModified of ${doc.path} must be a valid Date`);
  }
  if (typeof doc.compress !== 'boolean') throw new TypeError(`compress of ${doc.path} must be a boolean`);
  if (doc.source !== undefined && !isSourceKey(doc.source)) throw new TypeError(`source of ${doc.path} must be 1–128 of [A-Za-z0-9_-]`);
}

function publicClash(clashes: readonly PublicFile[], publicDir: string, out: string): OutputError {
  const named = clashes
    .slice(0, 5)
    .map((f) => showPath(path.join(path.resolve(publicDir), f.name)))
    .join(', ');
  const more = clashes.length > 5 ? ` and ${clashes.length - 5} more` : '';
  return new OutputError(
    `${named}${more}: the static-assets folder holds ${clashes.length === 1 ? 'a file' : 'files'} at a path ` +
      `gazette build writes itself; rename or remove ${clashes.length === 1 ? 'it' : 'them'} (the build wrote nothing to ${showPath(out)})`,
    path.resolve(publicDir),
  );
}
