// publish: rendered documents → a static tree on disk (same paths as the routes), streamed, incremental, swapped in atomically.
// The steps: output-open.ts (lock, recovery, previous output, temporary folder), output-document.ts (a document and
// its .gz/.br), output-tree.ts (write, reuse, link), output-commit.ts (static assets, manifest, in place or swap).
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import type { FeedSnapshot } from './feed-snapshot.ts';
import { compressionId, type CompressionLevel } from './output-encoding.ts';
import { commitOutput, type OutputJobs } from './output-commit.ts';
import { checkDocument, toOutputName, writeDocument, type OutputDocument } from './output-document.ts';
import { toOutputError } from './output-error.ts';
import { checkOutDir } from './output-folder.ts';
import { MANIFEST_NAME, isSourceKey, toManifestTime } from './output-manifest.ts';
import { openOutputFolder } from './output-open.ts';
import { createOutputTree, type OutputFileSystem } from './output-tree.ts';
import { createWritePool } from './write-pool.ts';
import { isFeedContentType } from '../_lib/feed-formats.ts';

export { OutputError, isOutputError } from './output-error.ts';
export { recoverInterruptedSwap } from './output-folder.ts';
export type { OutputDocument } from './output-document.ts';
export type { OutputFileSystem } from './output-tree.ts';

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
  const opened = await openOutputFolder(checkOutDir(outDir, options), options);
  const { out, temp, previous, lock } = opened;
  const compression = options.compression ?? 'standard';
  const encoding = { previous: previous.entries, previousCompression: previous.compression, compression, compressionKey: compressionId(compression) };
  const tree = createOutputTree({ out, temp, previous: previous.entries, fileSystem: options.fileSystem });
  const jobs: OutputJobs = {
    // A failure not yet named after a file is named after the one the job produces.
    submit: (name, job) => pool.submit(() => job().catch((error: unknown) => Promise.reject(toOutputError(error, path.join(out, name))))),
    async settle() {
      await pool.drain();
      if (pool.failure) throw pool.failure;
    },
  };

  let state: 'open' | 'committing' | 'done' = 'open';
  let journaled = false;
  const claimed = new Set<string>(); // every output name handed out, so two documents never share a file
  const changedFeeds = new Set<string>(); // feeds whose bytes differ from the previous output's: `gazette ping`'s topics

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
      await jobs.submit(name, () => writeDocument(tree, name, doc, encoding, changedFeeds));
    },

    async reuseSource(docPath: string, source: string, lastModified: Date): Promise<boolean> {
      if (state !== 'open') throw new TypeError('reuseSource() after commit() or abort()');
      if (!isSourceKey(source)) throw new TypeError(`source of ${docPath} must be 1–128 of [A-Za-z0-9_-]`);
      const name = toOutputName(docPath);
      const before = previous.entries.get(name);
      if (before?.source !== source || claimed.has(name)) return false;
      claimed.add(name);
      try {
        if (await tree.reuse(name, { ...before, mtime: toManifestTime(lastModified) })) return true;
      } catch (error) {
        throw toOutputError(error, path.join(out, name));
      } finally {
        if (!tree.manifest.has(name)) claimed.delete(name);
      }
      return false;
    },

    async commit(): Promise<StaticWriteReport> {
      if (state !== 'open') throw new TypeError('commit() after commit() or abort()');
      state = 'committing';
      try {
        const notes = await commitOutput(opened, tree, jobs, {
          publicDir: options.publicDir,
          claimed,
          compressionKey: encoding.compressionKey,
          changedFeeds,
          concurrency: limit,
          onJournal: () => {
            journaled = true;
          },
        });
        state = 'done';
        await lock.release();
        return { files: [...tree.manifest.keys()].sort(), written: tree.written, unchanged: tree.unchanged, notes };
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
